// The plain reader of measurement CSV (format.md): one row at a time through the
// tokenizer and the strict row check. `kpi record` uses it, and it is the reference the
// parallel reader is tested against.

#include "kpi/csv/header.hpp"
#include "kpi/csv/line_ends.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/csv/row_checker.hpp"
#include "kpi/csv/tokenizer.hpp"

namespace kpi {

namespace {

std::string_view cell_text(const csv::CsvRecord& row, int column, bool trimmed) {
  if (column < 0 || static_cast<size_t>(column) >= row.fields.size()) {
    return {};
  }
  const std::string_view text = row.fields[static_cast<size_t>(column)].text;
  return trimmed ? csv::trim(text) : text;
}

}  // namespace

ReadReport read_measurement_rows(
    std::istream& source, const std::string& file_name, const MeasurementIndex& index,
    const std::function<void(const Observation&, const RowText&)>& sink,
    const ReadOptions& options) {
  csv::LineEndStream in(source);
  ReadReport report;
  report.chunks = 1;  // the plain reader numbers its rows within one chunk
  csv::CsvTokenizer tokenizer(
      in, options.block_size > 0 ? options.block_size : csv::k_default_block_size);
  tokenizer.set_delimiter(csv::detect_delimiter(tokenizer.peek_line()));
  csv::CsvRecord record;
  if (!tokenizer.next(record)) {
    return report;  // an empty file holds no rows, which is not wrong
  }
  const csv::Columns columns = csv::match_header(record);
  csv::RowChecker checker(file_name, index, columns, options, report);
  if (record.error) {
    checker.add("csv-syntax", record.error->message, record.error->line, record.error->column);
    return report;
  }
  const std::string missing = csv::missing_header_columns(columns);
  if (!missing.empty()) {
    checker.add("missing-column", "the header has no " + missing + "; " + csv::k_expected_columns,
                1, 1);
    return report;
  }
  const int64_t first_order = options.first_chunk << 32;
  while (tokenizer.next(record)) {
    ++report.rows_read;
    std::optional<Observation> observation = checker.check(record, tokenizer.delimiter());
    if (checker.stopped()) {
      break;
    }
    if (observation) {
      observation->order = first_order + report.rows_valid;
      ++report.rows_valid;
      sink(*observation,
           RowText{cell_text(record, columns.kpi, true), cell_text(record, columns.entity, true),
                   cell_text(record, columns.date, true), cell_text(record, columns.value, true),
                   cell_text(record, columns.note, false), record.end_line});
    }
  }
  return report;
}

ReadReport read_measurements(std::istream& in, const std::string& file_name,
                             const MeasurementIndex& index,
                             const std::function<void(const Observation&)>& sink,
                             const ReadOptions& options) {
  return read_measurement_rows(
      in, file_name, index, [&sink](const Observation& o, const RowText&) { sink(o); }, options);
}

}  // namespace kpi
