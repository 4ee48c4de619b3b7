#pragma once
// Cutting a measurement stream into chunks of whole rows for the parallel reader
// (internal to the csv module). The stream is read one block at a time; a chunk ends
// after the last line break that is outside quotes, and the rest of the block is carried
// over to the next chunk. Only blocks that hold a quote are scanned byte by byte.

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

namespace kpi::csv {

/// Whole rows of a source, with where they start.
struct Chunk {
  std::unique_ptr<char[]> data;
  size_t capacity = 0;
  size_t size = 0;
  int64_t first_line = 0;  ///< line number of the first byte
  int64_t number = 0;      ///< 0, 1, 2, ... in file order
  bool has_quote = false;  ///< a '"' is in it: the rows need the tokenizer
  std::string_view text() const { return {data.get(), size}; }
  /// Room for `size` bytes, keeping what is there.
  void reserve(size_t size);
};

/// Reads bytes that are already in memory (a chunk) as a stream.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(const char* data, size_t size) {
    char* begin = const_cast<char*>(data);  // only read: streambuf wants char*
    setg(begin, begin, begin + size);
  }
};

/// Characters (not UTF-8 continuation bytes) in [begin, end): columns count these.
inline int characters(const char* begin, const char* end) {
  int n = 0;
  for (const char* p = begin; p < end; ++p) {
    n += (static_cast<unsigned char>(*p) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

/// How many times `c` occurs in `text`, sixteen bytes at a time where the CPU can.
size_t count_byte(std::string_view text, char c);

class ChunkSource {
 public:
  ChunkSource(std::istream& in, size_t block_size) : m_in(in), m_block_size(block_size) {}

  /// Reads until the first line is complete (or the input ends) and returns it without
  /// its line break, a leading byte-order mark kept (the tokenizer strips it). nullopt when the
  /// input ends before any line break.
  std::optional<std::string_view> first_line();
  /// Everything read so far, from the first byte (for a reader that starts over).
  std::string_view bytes_read() const { return {m_carry.data(), m_carry.size()}; }
  /// Drops the first line: chunks start at the line after it.
  void skip_first_line(char delimiter);
  /// Drops `count` physical lines (a source's lines above its header row), whatever
  /// they hold; false when the input has fewer. first_line() is then the next line.
  bool drop_lines(int64_t count);

  /// The next chunk into `chunk` (its buffer is reused); false at the end of the input.
  /// A read error ends the input like its end does; the caller checks the stream.
  /// Not thread-safe: callers take turns.
  bool next(Chunk& chunk);
  int64_t chunks() const { return m_next_number; }

 private:
  /// Where the rows in chunk[0, size) end (just after a line break outside quotes), or 0.
  size_t find_cut(const Chunk& chunk);

  enum class State { field_start, unquoted, quoted, quote_in_quoted, after_quoted };

  std::istream& m_in;
  size_t m_block_size;
  std::string m_carry;  ///< bytes read but not yet handed out
  size_t m_first_line_end = 0;
  bool m_eof = false;
  char m_delimiter = ',';
  int64_t m_next_line = 1;
  int64_t m_next_number = 0;
  // The byte-by-byte scan of a chunk with quotes, resumable when a row outgrows a block.
  State m_state = State::field_start;
  size_t m_scanned = 0;
  size_t m_scan_cut = 0;
  bool m_cut_has_quote = false;  ///< whether the bytes before the cut hold a quote
};

}  // namespace kpi::csv
