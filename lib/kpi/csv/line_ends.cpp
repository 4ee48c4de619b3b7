#include "kpi/csv/line_ends.hpp"

#include <algorithm>
#include <cstring>

namespace kpi::csv {

std::streamsize LineEndBuffer::read_fixed(char* out, std::streamsize n) {
  m_in.read(out, n);
  const auto got = static_cast<size_t>(m_in.gcount());
  char* at = out;
  char* const end = out + got;
  while ((at = static_cast<char*>(std::memchr(at, '\r', static_cast<size_t>(end - at)))) !=
         nullptr) {
    // The byte after a CR at the end of the block is the next block's first: peek at it.
    const int next = at + 1 < end ? static_cast<unsigned char>(at[1]) : m_in.peek();
    if (next != '\n') {
      *at = '\n';
    }
    ++at;
  }
  return static_cast<std::streamsize>(got);
}

LineEndBuffer::int_type LineEndBuffer::underflow() {
  if (gptr() < egptr()) {
    return traits_type::to_int_type(*gptr());
  }
  m_block.resize(64 * 1024);
  const std::streamsize got =
      read_fixed(m_block.data(), static_cast<std::streamsize>(m_block.size()));
  if (got <= 0) {
    return traits_type::eof();
  }
  setg(m_block.data(), m_block.data(), m_block.data() + got);
  return traits_type::to_int_type(*gptr());
}

std::streamsize LineEndBuffer::xsgetn(char* out, std::streamsize n) {
  std::streamsize done = 0;
  if (gptr() < egptr()) {
    done = std::min<std::streamsize>(n, egptr() - gptr());
    std::memcpy(out, gptr(), static_cast<size_t>(done));
    gbump(static_cast<int>(done));
  }
  // Large reads go straight into the caller's buffer: no second copy.
  while (done < n) {
    const std::streamsize got = read_fixed(out + done, n - done);
    if (got <= 0) {
      break;
    }
    done += got;
  }
  return done;
}

}  // namespace kpi::csv
