#pragma once
// RFC 4180 records from a stream read in blocks (internal to the csv module).

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::csv {

inline constexpr size_t k_default_block_size = 64 * 1024;

/// One field of a record. `text` points into the tokenizer's buffer or scratch and
/// stays valid until the next call of CsvTokenizer::next.
struct CsvField {
  std::string_view text;
  int64_t line = 0;    ///< where the field starts (its opening quote, when quoted)
  int64_t column = 0;  ///< 1-based, in characters (UTF-8 aware)
  bool quoted = false;
};

struct CsvSyntaxError {
  std::string message;
  int64_t line = 0;
  int64_t column = 0;
};

/// A record; reuse one object across calls so its vector keeps its capacity.
struct CsvRecord {
  std::vector<CsvField> fields;
  int64_t line = 0;        ///< line of the record's first character
  int64_t end_line = 0;    ///< line of the record's end (its line break, or end of input)
  int64_t end_column = 0;  ///< column just after the record's last character
  std::optional<CsvSyntaxError> error;  ///< the first syntax error in the record
};

/// Splits a stream into records. The stream is read `block_size` bytes at a time into
/// one buffer; fields are views into it. A record longer than the buffer grows it.
/// A UTF-8 byte-order mark at the start is skipped; LF and CRLF end lines; empty lines
/// are skipped.
class CsvTokenizer {
 public:
  explicit CsvTokenizer(std::istream& in, size_t block_size = k_default_block_size);

  /// The first line (up to a line break outside quotes, without it), not consumed.
  std::string_view peek_line();
  void set_delimiter(char delimiter) { m_delimiter = delimiter; }
  /// For a piece of a file that starts at a row boundary: lines are numbered from
  /// `line`, and a byte-order mark at the start is text, not skipped.
  void start_inside(int64_t line) {
    m_line = line;
    m_started = true;
  }
  char delimiter() const { return m_delimiter; }

  /// Reads the next non-empty record; false at the end of the input.
  bool next(CsvRecord& record);

 private:
  struct RawField {
    size_t begin = 0;  ///< offset from the record's start, or into m_scratch
    size_t length = 0;
    bool in_scratch = false;
    bool quoted = false;
    int64_t line = 0;
    int64_t column = 0;
  };
  enum class State { field_start, unquoted, quoted, quote_in_quoted, after_quoted };

  bool refill();
  void skip_bom();
  bool read_record(CsvRecord& record);
  void start_field(bool quoted);
  void end_field();
  void append_byte(char c);
  void advance(char c);
  void fail(CsvRecord& record, std::string message, int64_t line, int64_t column);
  void finish(CsvRecord& record);

  std::istream& m_in;
  size_t m_block_size;
  std::vector<char> m_buffer;
  size_t m_record_begin = 0;  ///< start of the record being read
  size_t m_pos = 0;           ///< next byte to look at
  size_t m_end = 0;           ///< end of the bytes read
  bool m_eof = false;
  bool m_started = false;
  char m_delimiter = ',';
  int64_t m_line = 1;
  int64_t m_column = 0;  ///< characters consumed on the current line
  State m_state = State::field_start;
  RawField m_field;
  std::vector<RawField> m_fields;
  std::string m_scratch;  ///< unescaped quoted fields that held doubled quotes
};

/// The delimiter of a header line: `,` `;` or tab, the one found outside quotes; when
/// several are, the one that splits off a `kpi` column; `,` when none is.
char detect_delimiter(std::string_view header_line);

}  // namespace kpi::csv
