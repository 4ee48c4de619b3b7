#include "kpi/csv/chunker.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kpi::csv {

void Chunk::reserve(size_t wanted) {
  if (wanted <= capacity) {
    return;
  }
  const size_t grown = std::max(wanted, capacity + capacity / 2);
  std::unique_ptr<char[]> bigger(new char[grown]);
  if (size > 0) {
    std::memcpy(bigger.get(), data.get(), size);
  }
  data = std::move(bigger);
  capacity = grown;
}

size_t count_byte(std::string_view text, char c) {
  const char* p = text.data();
  size_t n = text.size();
  size_t count = 0;
#if defined(__SSE2__)
  const __m128i needle = _mm_set1_epi8(c);
  while (n >= 16) {
    // Byte counters overflow after 255 rounds: add them up before that.
    const size_t rounds = std::min<size_t>(n / 16, 255);
    __m128i counters = _mm_setzero_si128();
    for (size_t r = 0; r < rounds; ++r) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(bytes, needle));
      p += 16;
    }
    const __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_extract_epi16(sums, 4));
    n -= rounds * 16;
  }
#endif
  for (size_t i = 0; i < n; ++i) {
    count += p[i] == c ? 1 : 0;
  }
  return count;
}

std::optional<std::string_view> ChunkSource::first_line() {
  size_t searched = 0;
  while (true) {
    const void* newline = std::memchr(m_carry.data() + searched, '\n', m_carry.size() - searched);
    if (newline != nullptr) {
      m_first_line_end = static_cast<size_t>(static_cast<const char*>(newline) - m_carry.data());
      break;
    }
    searched = m_carry.size();
    if (m_eof) {
      return std::nullopt;
    }
    const size_t old = m_carry.size();
    m_carry.resize(old + m_block_size);
    m_in.read(m_carry.data() + old, static_cast<std::streamsize>(m_block_size));
    m_carry.resize(old + static_cast<size_t>(m_in.gcount()));
    m_eof = m_carry.size() == old;  // or a read error, which the caller sees on the stream
  }
  // The byte-order mark stays: the header goes through the tokenizer, which strips one,
  // as the plain reader does (stripping it here too took two).
  return std::string_view(m_carry).substr(0, m_first_line_end);
}

void ChunkSource::skip_first_line(char delimiter) {
  m_delimiter = delimiter;
  m_carry.erase(0, m_first_line_end + 1);
  ++m_next_line;
}

bool ChunkSource::drop_lines(int64_t count) {
  for (int64_t l = 0; l < count; ++l) {
    if (!first_line()) {
      return false;
    }
    m_carry.erase(0, m_first_line_end + 1);
    ++m_next_line;
  }
  return true;
}

size_t ChunkSource::find_cut(const Chunk& chunk) {
  const char* data = chunk.data.get();
  const void* last = memrchr(data, '\n', chunk.size);
  if (last == nullptr) {
    return 0;
  }
  const size_t after_last = static_cast<size_t>(static_cast<const char*>(last) - data) + 1;
  if (m_scanned == 0 && std::memchr(data, '"', after_last) == nullptr) {
    m_cut_has_quote = false;
    return after_last;  // no quote before the last line break: it ends a row
  }
  m_cut_has_quote = true;
  // Quotes: follow the tokenizer's states to know which line breaks end rows.
  for (size_t i = m_scanned; i < chunk.size; ++i) {
    const char c = data[i];
    if (c == '\n' && m_state != State::quoted) {
      m_state = State::field_start;
      m_scan_cut = i + 1;
      continue;
    }
    switch (m_state) {
      case State::field_start:
        m_state =
            c == '"' ? State::quoted : (c == m_delimiter ? State::field_start : State::unquoted);
        break;
      case State::unquoted:
      case State::after_quoted:
        if (c == m_delimiter) {
          m_state = State::field_start;
        }
        break;
      case State::quoted:
        if (c == '"') {
          m_state = State::quote_in_quoted;
        }
        break;
      case State::quote_in_quoted:
        m_state = c == '"' ? State::quoted
                           : (c == m_delimiter ? State::field_start : State::after_quoted);
        break;
    }
  }
  m_scanned = chunk.size;
  return m_scan_cut;
}

bool ChunkSource::next(Chunk& chunk) {
  chunk.size = 0;
  chunk.reserve(m_carry.size() + m_block_size);
  std::memcpy(chunk.data.get(), m_carry.data(), m_carry.size());
  chunk.size = m_carry.size();
  m_carry.clear();
  m_state = State::field_start;
  m_scanned = 0;
  m_scan_cut = 0;
  size_t cut = 0;
  while (true) {
    if (!m_eof) {
      chunk.reserve(chunk.size + m_block_size);
      m_in.read(chunk.data.get() + chunk.size, static_cast<std::streamsize>(m_block_size));
      const auto got = static_cast<size_t>(m_in.gcount());
      chunk.size += got;
      m_eof = got == 0;
    }
    if (m_eof) {
      if (chunk.size == 0) {
        return false;
      }
      cut = chunk.size;  // the last row may lack its line break
      m_cut_has_quote = std::memchr(chunk.data.get(), '"', cut) != nullptr;
      break;
    }
    cut = find_cut(chunk);
    if (cut > 0) {
      break;
    }
  }
  m_carry.assign(chunk.data.get() + cut, chunk.size - cut);
  chunk.size = cut;
  chunk.has_quote = m_cut_has_quote;
  chunk.first_line = m_next_line;
  chunk.number = m_next_number++;
  m_next_line += static_cast<int64_t>(count_byte(chunk.text(), '\n'));
  return true;
}

}  // namespace kpi::csv
