#pragma once
// A bare CR read as a line end (internal to the csv module).

#include <istream>
#include <streambuf>
#include <vector>

namespace kpi::csv {

/// Reads `in` with every CR that is not followed by LF turned into LF: files saved with
/// CR line ends (old Excel for Mac) read like LF files, CRLF stays CRLF. One byte for
/// one, so byte offsets, lines and columns stay those of the file. Both readers read
/// through it, so they see the same bytes. A read error shows on `in` (badbit).
class LineEndBuffer : public std::streambuf {
 public:
  explicit LineEndBuffer(std::istream& in) : m_in(in) {}

 protected:
  int_type underflow() override;
  std::streamsize xsgetn(char* out, std::streamsize n) override;

 private:
  /// Reads up to `n` bytes into `out` and turns bare CRs into LFs; the bytes read.
  std::streamsize read_fixed(char* out, std::streamsize n);

  std::istream& m_in;
  std::vector<char> m_block;
};

/// A stream over `in` through a LineEndBuffer.
class LineEndStream : public std::istream {
 public:
  explicit LineEndStream(std::istream& in) : std::istream(nullptr), m_buffer(in) {
    rdbuf(&m_buffer);
  }

 private:
  LineEndBuffer m_buffer;
};

}  // namespace kpi::csv
