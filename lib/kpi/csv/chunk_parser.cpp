#include "kpi/csv/chunk_parser.hpp"

#include <cstring>
#include <streambuf>

#include "kpi/csv/fast_parse.hpp"
#include "kpi/csv/tokenizer.hpp"
#include "kpi/util/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kpi::csv {

namespace {

/// True when the line is UTF-8: one OR over the bytes (which vectorises) finds the
/// common all-ASCII line; only a line with other bytes is checked in full. A line that
/// is not goes to the slow path, whose row checker says where.
bool is_utf8(const char* begin, const char* end) {
  unsigned char high = 0;
  for (const char* p = begin; p < end; ++p) {
    high |= static_cast<unsigned char>(*p);
  }
  return (high & 0x80) == 0 ||
         !first_invalid_utf8(std::string_view(begin, static_cast<size_t>(end - begin)));
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

inline std::string_view trimmed(const char* begin, const char* end) {
  if (begin < end && !is_space(*begin) && !is_space(end[-1])) {
    return {begin, static_cast<size_t>(end - begin)};  // the usual case
  }
  while (begin < end && is_space(*begin)) {
    ++begin;
  }
  while (end > begin && is_space(end[-1])) {
    --end;
  }
  return {begin, static_cast<size_t>(end - begin)};
}

/// One bit for each byte of the 64 from `p` (fewer when `size` is less) that is a line
/// break or the delimiter.
uint64_t structure_mask(const char* p, size_t size, char delimiter) {
  alignas(16) char padded[64];
  if (size < 64) {
    std::memset(padded, 0, sizeof padded);  // NUL is neither a line break nor a delimiter
    std::memcpy(padded, p, size);
    p = padded;
  }
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i separator = _mm_set1_epi8(delimiter);
  uint64_t mask = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    const __m128i hits =
        _mm_or_si128(_mm_cmpeq_epi8(bytes, newline), _mm_cmpeq_epi8(bytes, separator));
    mask |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(hits))) << (16 * i);
  }
  return mask;
#else
  uint64_t mask = 0;
  for (int i = 0; i < 64; ++i) {
    mask |= static_cast<uint64_t>(p[i] == '\n' || p[i] == delimiter) << i;
  }
  return mask;
#endif
}

}  // namespace

void ChunkParser::parse(const Chunk& chunk, RowSink& sink) {
  m_order = (m_first_chunk + chunk.number) << 32;
  if (chunk.has_quote) {
    parse_records(chunk, sink);
  } else {
    parse_lines(chunk, sink);
  }
  flush(sink);
}

void ChunkParser::flush(RowSink& sink) {
  if (!m_batch.empty()) {
    sink.add_rows(m_batch.data(), m_batch.size());
    m_batch.clear();
  }
}

void ChunkParser::emit(Observation& row, RowSink& sink) {
  row.order = m_order++;
  ++m_report.rows_valid;
  // Rows go to the sink 64 at a time: one call per batch, and the sink can fetch the
  // cells of a whole batch before it needs them.
  constexpr size_t k_batch = 64;
  if (m_batch.capacity() < k_batch) {
    m_batch.reserve(k_batch);
  }
  m_batch.push_back(row);
  if (m_batch.size() == k_batch) {
    flush(sink);
  }
}

void ChunkParser::parse_lines(const Chunk& chunk, RowSink& sink) {
  const size_t wanted = m_columns.count;
  m_cells.resize(wanted + 1);
  const char* const data = chunk.data.get();
  const char* const data_end = data + chunk.size;
  int64_t line = chunk.first_line;
  const char* line_start = data;
  const char* cell_start = data;
  size_t cells = 0;  // cells ended on this line so far; wanted + 1 means too many
  Observation row;
  const auto end_line = [&](const char* at) {
    const char* line_end = at;
    if (line_end > line_start && line_end[-1] == '\r') {
      --line_end;  // CRLF, or a CR that ends the input
    }
    if (line_end > line_start) {  // an empty line is skipped
      if (cells < wanted) {
        m_cells[cells++] = Span{cell_start, line_end};
      } else {
        cells = wanted + 1;
      }
      if (cells == wanted && is_utf8(line_start, line_end) && fast_row(m_cells.data(), row)) {
        ++m_report.rows_read;
        row.line = line;
        emit(row, sink);
      } else {
        slow_row(line_start, line_end, line, sink);
      }
    }
    ++line;
    cells = 0;
    line_start = at + 1;
    cell_start = at + 1;
  };
  for (const char* block = data; block < data_end; block += 64) {
    uint64_t marks = structure_mask(block, static_cast<size_t>(data_end - block), m_delimiter);
    while (marks != 0) {
      const char* at = block + __builtin_ctzll(marks);
      marks &= marks - 1;
      if (*at == '\n') {
        end_line(at);
      } else {
        if (cells < wanted) {
          m_cells[cells++] = Span{cell_start, at};
        } else {
          cells = wanted + 1;
        }
        cell_start = at + 1;
      }
    }
  }
  if (line_start < data_end) {
    end_line(data_end);  // the last line has no line break
  }
}

bool ChunkParser::fast_row(const Span* cells, Observation& out) const {
  const Span kpi_cell = cells[m_columns.kpi];
  const int k = m_index.find_kpi(trimmed(kpi_cell.begin, kpi_cell.end));
  if (k < 0 || m_index.is_formula(k) || m_index.is_rollup(k)) {
    return false;
  }
  int e = -1;
  const std::string_view entity =
      m_columns.entity >= 0 ? trimmed(cells[m_columns.entity].begin, cells[m_columns.entity].end)
                            : std::string_view();
  if (entity.empty()) {
    const std::vector<int>& assignees = m_index.assignees(k);
    if (assignees.size() != 1) {
      return false;
    }
    e = assignees.front();
  } else {
    e = m_index.find_entity(entity);
  }
  const int slot = e < 0 ? -1 : m_index.slot(k, e);
  if (slot < 0) {
    return false;
  }
  const std::string_view date = trimmed(cells[m_columns.date].begin, cells[m_columns.date].end);
  Date day;
  if (fast_date(date, day)) {
    out.stamp = Period{day, day};
  } else {
    const PeriodParse stamp = parse_stamp(date);
    if (!stamp.period) {
      return false;
    }
    out.stamp = *stamp.period;
  }
  if (m_index.is_count(k)) {
    // A count row's value is ignored, but one that is written must still be a number
    // (NaN is refused everywhere): the row checker says so.
    if (m_columns.value >= 0) {
      const std::string_view value =
          trimmed(cells[m_columns.value].begin, cells[m_columns.value].end);
      Decimal ignored;
      if (!value.empty() && !fast_decimal(value.data(), value.data() + value.size(), ignored) &&
          !parse_decimal(value)) {
        return false;
      }
    }
    out.value = Decimal{0, true, 0};
  } else {
    const std::string_view value =
        trimmed(cells[m_columns.value].begin, cells[m_columns.value].end);
    if (!fast_decimal(value.data(), value.data() + value.size(), out.value)) {
      const std::optional<Decimal> parsed = parse_decimal_exact(value);
      if (!parsed) {
        return false;
      }
      out.value = *parsed;
    }
  }
  out.kpi = k;
  out.entity = e;
  out.slot = slot;
  return true;
}

void ChunkParser::slow_row(const char* begin, const char* end, int64_t line, RowSink& sink) {
  // The record the tokenizer makes of a line without quotes: cells split at every
  // delimiter, each at the column of its first character (an empty cell: of the
  // delimiter after it).
  m_record.fields.clear();
  m_record.error.reset();
  m_record.line = line;
  m_record.end_line = line;
  int column = 1;
  const char* start = begin;
  for (const char* c = begin; c <= end; ++c) {
    if (c == end || *c == m_delimiter) {
      m_record.fields.push_back(
          CsvField{std::string_view(start, static_cast<size_t>(c - start)), line, column, false});
      column += characters(start, c) + 1;
      start = c + 1;
    }
  }
  m_record.end_column = column - 1;  // just after the last character
  if (m_record.fields.size() == 1 && trimmed(begin, end).empty()) {
    return;  // a blank line is skipped, as an empty one is
  }
  ++m_report.rows_read;
  std::optional<Observation> row = m_checker.check(m_record, m_delimiter);
  if (row) {
    emit(*row, sink);
  }
}

void ChunkParser::parse_records(const Chunk& chunk, RowSink& sink) {
  MemoryBuffer buffer(chunk.data.get(), chunk.size);
  std::istream in(&buffer);
  CsvTokenizer tokenizer(in, chunk.size + 1);
  tokenizer.set_delimiter(m_delimiter);
  tokenizer.start_inside(chunk.first_line);
  while (tokenizer.next(m_record)) {
    ++m_report.rows_read;
    std::optional<Observation> row = m_checker.check(m_record, m_delimiter);
    if (row) {
      emit(*row, sink);
    }
  }
}

}  // namespace kpi::csv
