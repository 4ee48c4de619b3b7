#include "kpi/csv/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace kpi::csv {

namespace {

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

bool equals_kpi(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t' || name.front() == '"')) {
    name.remove_prefix(1);
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '"')) {
    name.remove_suffix(1);
  }
  if (name.size() != 3) {
    return false;
  }
  return (name[0] | 0x20) == 'k' && (name[1] | 0x20) == 'p' && (name[2] | 0x20) == 'i';
}

bool splits_off_kpi(std::string_view line, char delimiter) {
  bool in_quotes = false;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') {
      in_quotes = !in_quotes;
    } else if (i == line.size() || (!in_quotes && line[i] == delimiter)) {
      if (equals_kpi(line.substr(start, i - start))) {
        return true;
      }
      start = i + 1;
    }
  }
  return false;
}

}  // namespace

char detect_delimiter(std::string_view header_line) {
  constexpr std::array<char, 3> k_candidates = {',', ';', '\t'};
  std::array<int, 3> counts = {0, 0, 0};
  bool in_quotes = false;
  for (char c : header_line) {
    if (c == '"') {
      in_quotes = !in_quotes;
      continue;
    }
    for (size_t i = 0; i < k_candidates.size() && !in_quotes; ++i) {
      counts[i] += c == k_candidates[i] ? 1 : 0;
    }
  }
  // Several candidates: the one that yields a `kpi` column, else the most frequent.
  size_t best = 0;
  for (size_t i = 0; i < k_candidates.size(); ++i) {
    if (counts[i] > 0 && splits_off_kpi(header_line, k_candidates[i])) {
      return k_candidates[i];
    }
    if (counts[i] > counts[best]) {
      best = i;
    }
  }
  return k_candidates[best];
}

CsvTokenizer::CsvTokenizer(std::istream& in, size_t block_size)
    : m_in(in), m_block_size(std::max<size_t>(block_size, 1)), m_buffer(m_block_size) {}

bool CsvTokenizer::refill() {
  if (m_eof) {
    return false;
  }
  if (m_record_begin > 0) {
    std::memmove(m_buffer.data(), m_buffer.data() + m_record_begin, m_end - m_record_begin);
    m_pos -= m_record_begin;
    m_end -= m_record_begin;
    m_record_begin = 0;
  }
  if (m_end == m_buffer.size()) {
    // The record being read fills the whole buffer: make room for one more block.
    m_buffer.resize(m_buffer.size() + m_block_size);
  }
  m_in.read(m_buffer.data() + m_end, static_cast<std::streamsize>(m_buffer.size() - m_end));
  const auto got = static_cast<size_t>(m_in.gcount());
  m_end += got;
  if (got == 0) {
    m_eof = true;
  }
  return got > 0;
}

void CsvTokenizer::skip_bom() {
  m_started = true;
  while (m_end - m_pos < 3 && refill()) {
  }
  if (m_end - m_pos >= 3 && std::memcmp(m_buffer.data() + m_pos, "\xEF\xBB\xBF", 3) == 0) {
    m_pos += 3;
  }
  m_record_begin = m_pos;
}

std::string_view CsvTokenizer::peek_line() {
  if (!m_started) {
    skip_bom();
  }
  m_record_begin = m_pos;
  bool in_quotes = false;
  size_t i = m_pos;
  while (true) {
    if (i == m_end) {
      const size_t offset = i - m_pos;
      if (!refill()) {
        break;
      }
      i = m_pos + offset;
      continue;
    }
    const char c = m_buffer[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (c == '\n' && !in_quotes) {
      break;
    }
    ++i;
  }
  size_t length = i - m_pos;
  if (length > 0 && m_buffer[m_pos + length - 1] == '\r') {
    --length;
  }
  return {m_buffer.data() + m_pos, length};
}

bool CsvTokenizer::next(CsvRecord& record) {
  if (!m_started) {
    skip_bom();
  }
  while (read_record(record)) {
    const bool empty_line = record.fields.size() == 1 && !record.fields[0].quoted &&
                            !record.error && is_blank(record.fields[0].text);
    if (!empty_line) {
      return true;
    }
  }
  return false;
}

void CsvTokenizer::start_field(bool quoted) {
  m_field = RawField{};
  m_field.begin = m_pos - m_record_begin + (quoted ? 1 : 0);
  m_field.quoted = quoted;
  m_field.line = m_line;
  m_field.column = m_column + 1;
}

void CsvTokenizer::end_field() { m_fields.push_back(m_field); }

void CsvTokenizer::append_byte(char c) {
  if (m_field.in_scratch) {
    m_scratch.push_back(c);
  }
  ++m_field.length;
}

void CsvTokenizer::advance(char c) {
  ++m_pos;
  if (c == '\n') {
    ++m_line;
    m_column = 0;
  } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
    ++m_column;  // a UTF-8 continuation byte adds no character
  }
}

void CsvTokenizer::fail(CsvRecord& record, std::string message, int64_t line, int64_t column) {
  if (!record.error) {
    record.error = CsvSyntaxError{std::move(message), line, column};
  }
}

void CsvTokenizer::finish(CsvRecord& record) {
  const char* base = m_buffer.data() + m_record_begin;
  for (const RawField& f : m_fields) {
    const char* text = f.in_scratch ? m_scratch.data() + f.begin : base + f.begin;
    record.fields.push_back(CsvField{std::string_view(text, f.length), f.line, f.column, f.quoted});
  }
}

bool CsvTokenizer::read_record(CsvRecord& record) {
  record.fields.clear();
  record.error.reset();
  m_fields.clear();
  m_scratch.clear();
  m_record_begin = m_pos;
  if (m_pos == m_end && !refill()) {
    return false;
  }
  record.line = m_line;
  m_state = State::field_start;
  while (true) {
    if (m_pos == m_end && !refill()) {
      if (m_state == State::quoted) {
        fail(record, "unterminated quoted field: the quote opened here is never closed",
             m_field.line, m_field.column);
      }
      if (m_state == State::field_start) {
        start_field(false);
      }
      end_field();
      record.end_line = m_line;
      record.end_column = m_column + 1;
      finish(record);
      return true;
    }
    const char c = m_buffer[m_pos];
    if (m_state != State::quoted && (c == '\n' || c == '\r')) {
      size_t line_break = c == '\n' ? 1 : 0;
      if (c == '\r') {
        if (m_pos + 1 == m_end) {
          refill();
        }
        if (m_pos + 1 == m_end) {
          line_break = 1;  // a CR that ends the input ends the line too
        } else if (m_buffer[m_pos + 1] == '\n') {
          line_break = 2;
        }
      }
      if (line_break > 0) {
        if (m_state == State::field_start) {
          start_field(false);
        }
        end_field();
        record.end_line = m_line;
        record.end_column = m_column + 1;
        finish(record);
        for (size_t i = 0; i < line_break; ++i) {
          advance(m_buffer[m_pos]);
        }
        return true;
      }
    }
    switch (m_state) {
      case State::field_start:
        if (c == '"') {
          start_field(true);
          m_state = State::quoted;
        } else if (c == m_delimiter) {
          start_field(false);
          end_field();
        } else {
          start_field(false);
          append_byte(c);
          m_state = State::unquoted;
        }
        break;
      case State::unquoted:
        if (c == m_delimiter) {
          end_field();
          m_state = State::field_start;
        } else {
          if (c == '"') {
            fail(record,
                 "a quote inside an unquoted field; quote the whole field and double the quote "
                 "(\"a \"\"b\"\"\")",
                 m_field.line, m_field.column);
          }
          append_byte(c);
        }
        break;
      case State::quoted:
        if (c == '"') {
          m_state = State::quote_in_quoted;
        } else {
          append_byte(c);
        }
        break;
      case State::quote_in_quoted:
        if (c == '"') {
          // A doubled quote: the field's text is no longer one run of the buffer.
          if (!m_field.in_scratch) {
            const size_t at = m_scratch.size();
            m_scratch.append(m_buffer.data() + m_record_begin + m_field.begin, m_field.length);
            m_field.begin = at;
            m_field.in_scratch = true;
          }
          append_byte('"');
          m_state = State::quoted;
        } else if (c == m_delimiter) {
          end_field();
          m_state = State::field_start;
        } else {
          fail(record,
               "text after the closing quote of a quoted field; expected a delimiter or the "
               "end of the line",
               m_field.line, m_field.column);
          m_state = State::after_quoted;
        }
        break;
      case State::after_quoted:
        if (c == m_delimiter) {
          end_field();
          m_state = State::field_start;
        }
        break;
    }
    advance(c);
  }
}

}  // namespace kpi::csv
