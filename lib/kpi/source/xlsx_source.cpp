// Workbook sources: one sheet read row by row through xlsx::SheetReader, each row mapped
// like a text row, with positions `file:Sheet!C17`.

#include <charconv>
#include <cmath>

#include "kpi/source/reader.hpp"
#include "kpi/source/text.hpp"
#include "kpi/source/xlsx.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::source {

namespace {

constexpr size_t k_sheet_batch = 64;

class SheetPlaces : public CellPlaces {
 public:
  SheetPlaces(const std::string& file, const std::string& sheet) : m_file(file), m_sheet(sheet) {}
  void set_row(int64_t row) { m_row = row; }
  SourceLocation at(size_t cell, size_t) const override {
    return SourceLocation::in_sheet(m_file,
                                    m_sheet + "!" + xlsx::cell_ref(static_cast<int>(cell), m_row));
  }

 private:
  const std::string& m_file;
  const std::string& m_sheet;
  int64_t m_row = 0;
};

RowCell::Kind kind_of(xlsx::Cell::Type type) {
  switch (type) {
    case xlsx::Cell::Type::number:
      return RowCell::Kind::number;
    case xlsx::Cell::Type::date:
      return RowCell::Kind::date;
    default:
      return RowCell::Kind::text;
  }
}

/// A number cell as its shortest decimal digits ("1.5E-3" is 0.0015): how a number in a
/// text role (an id, a filter column) reads.
void shortest_digits(xlsx::Cell& cell) {
  if (cell.type != xlsx::Cell::Type::number || cell.text.find_first_of("eE") == std::string::npos) {
    return;
  }
  const std::optional<double> value = parse_decimal(cell.text);
  if (!value) {
    return;
  }
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *value);
  if (error == std::errc()) {
    cell.text.assign(buffer, end);
  }
}

/// The day of a date cell (its serial, the fraction being the time of day).
std::optional<Date> day_of(const std::string& serial) {
  const std::optional<double> value = parse_decimal(serial);
  if (!value || *value < 1 || *value >= 3e6) {
    return std::nullopt;
  }
  return excel_serial_day(static_cast<long long>(std::floor(*value)));
}

/// An error of the sheet reader at a cell (line = row, column = 1-based column), named
/// as the cell.
Diagnostic at_cell(Diagnostic d, const std::string& file, const std::string& sheet) {
  if (d.where.line > 0 && d.where.column > 0) {
    d.where = SourceLocation::in_sheet(
        file, sheet + "!" + xlsx::cell_ref(static_cast<int>(d.where.column - 1), d.where.line));
  } else if (d.where.file.empty()) {
    d.where = SourceLocation(file);
  }
  return d;
}

/// The finding for a workbook that cannot be read: at the cell for a broken cell, at
/// the file otherwise; and a sheet the workbook lacks, the source's mistake as much as
/// the file's, at the `sheet:` value in the YAML with the nearest sheet suggested.
Diagnostic file_finding(const Error& e, const std::string& file, const Source& source,
                        const std::string& sheet) {
  const auto* missing = dynamic_cast<const xlsx::MissingSheet*>(&e);
  if (missing == nullptr) {
    return at_cell(e.diagnostic, file, sheet);
  }
  Diagnostic d = e.diagnostic;
  d.message = "source '" + source.id + "': " + d.message;
  d.where = source.at_key("sheet");
  d.hint = did_you_mean(source.sheet, missing->sheets);
  return d;
}

/// The header row's cells, by column (a date cell named by its day), or nullopt after a
/// finding. `row` is left holding the header row.
std::optional<std::vector<NamedColumn>> read_sheet_header(xlsx::SheetReader& sheet, xlsx::Row& row,
                                                          const std::string& file,
                                                          const Source& source,
                                                          std::vector<Diagnostic>& problems) {
  const std::string& sheet_name = sheet.sheet_name();
  bool more = sheet.next(row);
  while (more && row.number < source.header_row) {
    more = sheet.next(row);
  }
  if (!more || row.number != source.header_row) {
    problems.push_back(Diagnostic{
        "source-column",
        Severity::error,
        "row " + std::to_string(source.header_row) + " of sheet '" + sheet_name + "' in " + file +
            " is empty; 'header_row' of source '" + source.id + "' must point at the column names",
        SourceLocation::in_sheet(file, sheet_name + "!A" + std::to_string(source.header_row)),
        {}});
    return std::nullopt;
  }
  std::vector<NamedColumn> header;
  for (xlsx::Cell& c : row.cells) {
    shortest_digits(c);
    header.resize(static_cast<size_t>(c.column) + 1);
    NamedColumn& named = header[static_cast<size_t>(c.column)];
    named.at =
        SourceLocation::in_sheet(file, sheet_name + "!" + xlsx::cell_ref(c.column, row.number));
    if (c.type == xlsx::Cell::Type::date) {
      named.day = day_of(c.text);
    }
    named.name = named.day ? format_date(*named.day) : std::string(trimmed(c.text));
  }
  return header;
}

}  // namespace

void check_xlsx_header(const std::string& file, const Source& source, const MeasurementIndex& index,
                       std::vector<std::string>& reported, std::vector<Diagnostic>& findings) {
  try {
    xlsx::SheetReader sheet(file, source.sheet);
    xlsx::Row row;
    if (std::optional<std::vector<NamedColumn>> header =
            read_sheet_header(sheet, row, file, source, findings)) {
      compile_mapping(source, file, *header, index, findings, &reported);
    }
  } catch (const Error& e) {
    findings.push_back(file_finding(e, file, source, source.sheet));
  }
}

ReadReport read_xlsx_source(const std::string& file, const Source& source,
                            const MeasurementIndex& index, const EntityMatcher& matcher,
                            RowSink& sink, const ReadOptions& options, UnmatchedTally& unmatched,
                            const std::function<void(const std::string&)>& on_sheet) {
  ReadReport report;
  std::string sheet_name = source.sheet;
  try {
    xlsx::SheetReader sheet(file, source.sheet);
    sheet_name = sheet.sheet_name();
    on_sheet(sheet_name);
    xlsx::Row row;
    const std::optional<std::vector<NamedColumn>> header =
        read_sheet_header(sheet, row, file, source, report.problems);
    if (!header) {
      report.problems_total = 1;
      return report;
    }
    const std::optional<Mapping> mapping =
        compile_mapping(source, file, *header, index, report.problems);
    report.problems_total = static_cast<int64_t>(report.problems.size());
    if (!mapping) {
      return report;
    }
    RowMapper mapper(source, *mapping, index, matcher, report, options.max_errors);
    SheetPlaces places(file, sheet_name);
    std::vector<RowCell> cells;
    std::vector<Observation> batch;
    int64_t order = 0;
    while (sheet.next(row)) {
      cells.assign(row.cells.empty() ? 0 : static_cast<size_t>(row.cells.back().column) + 1,
                   RowCell{});
      for (xlsx::Cell& c : row.cells) {
        shortest_digits(c);
        cells[static_cast<size_t>(c.column)] = RowCell{c.text, kind_of(c.type)};
      }
      places.set_row(row.number);
      const size_t from = batch.size();
      mapper.map_row(cells.data(), cells.size(), row.number, places, batch);
      for (size_t i = from; i < batch.size(); ++i) {
        batch[i].order = (options.first_chunk << 32) + order++;
      }
      if (batch.size() >= k_sheet_batch) {
        sink.add_rows(batch.data(), batch.size());
        batch.clear();
      }
    }
    if (!batch.empty()) {
      sink.add_rows(batch.data(), batch.size());
    }
    unmatched.merge(mapper.unmatched());
    report.chunks = 1 + (order >> 32);
  } catch (const Error& e) {
    // Not a workbook, no such sheet, a broken part: the file is one finding.
    ++report.problems_total;
    if (report.problems.size() < options.max_errors) {
      report.problems.push_back(file_finding(e, file, source, sheet_name));
    }
  }
  return report;
}

}  // namespace kpi::source
