// Header matching and row validation for measurement CSV (format.md).

#include <array>

#include "kpi/csv/measurements.hpp"
#include "kpi/csv/tokenizer.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi {

namespace {

constexpr const char* k_expected_columns =
    "expected a header naming the columns kpi, entity, date (or period), value and note, in any "
    "order";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) {
      return false;
    }
  }
  return true;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

/// Where the columns sit; -1 when the header lacks one.
struct Columns {
  int kpi = -1;
  int entity = -1;
  int date = -1;
  int value = -1;
  int note = -1;
  size_t count = 0;
};

Columns match_header(const csv::CsvRecord& header) {
  Columns c;
  int period = -1;
  c.count = header.fields.size();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const std::string_view name = trim(header.fields[i].text);
    const int at = static_cast<int>(i);
    // The first column of a name wins; `date` wins over `period`; others are ignored.
    for (auto [word, slot] :
         {std::pair{"kpi", &c.kpi}, std::pair{"entity", &c.entity}, std::pair{"date", &c.date},
          std::pair{"period", &period}, std::pair{"value", &c.value}, std::pair{"note", &c.note}}) {
      if (*slot < 0 && iequals(name, word)) {
        *slot = at;
      }
    }
  }
  if (c.date < 0) {
    c.date = period;
  }
  return c;
}

/// Reads the rows of one source after its header.
class RowChecker {
 public:
  RowChecker(const std::string& file, const MeasurementIndex& index, const Columns& columns,
             const ReadOptions& options, ReadReport& report)
      : m_file(file), m_index(index), m_columns(columns), m_options(options), m_report(report) {}

  void add(std::string rule, std::string message, int line, int column, std::string hint = {}) {
    ++m_report.problems_total;
    if (m_report.problems.size() < m_options.max_errors) {
      m_report.problems.push_back(Diagnostic{std::move(rule), Severity::error, std::move(message),
                                             SourceLocation{m_file, line, column},
                                             std::move(hint)});
    }
  }

  /// A valid row's observation, or nothing (the problem has been added).
  std::optional<Observation> check(const csv::CsvRecord& row, char delimiter);
  /// Set when a row needs the value column the header lacks: reading stops.
  bool stopped() const { return m_stopped; }

 private:
  const csv::CsvField* cell(const csv::CsvRecord& row, int column) const {
    if (column < 0 || static_cast<size_t>(column) >= row.fields.size()) {
      return nullptr;
    }
    return &row.fields[static_cast<size_t>(column)];
  }
  std::optional<int> check_entity(const csv::CsvRecord& row, int k);
  std::string assignee_list(int k) const;

  const std::string& m_file;
  const MeasurementIndex& m_index;
  const Columns& m_columns;
  const ReadOptions& m_options;
  ReadReport& m_report;
  bool m_stopped = false;
};

std::string RowChecker::assignee_list(int k) const {
  std::string list;
  for (int e : m_index.assignees(k)) {
    list += (list.empty() ? "" : ", ") + m_index.entity_id(e);
  }
  return list;
}

std::optional<int> RowChecker::check_entity(const csv::CsvRecord& row, int k) {
  const csv::CsvField* field = cell(row, m_columns.entity);
  const std::string_view text = field ? trim(field->text) : std::string_view();
  const std::string& kpi_id = m_index.kpi_id(k);
  if (text.empty()) {
    const std::vector<int>& assignees = m_index.assignees(k);
    if (assignees.size() == 1) {
      return assignees.front();  // a single assignee needs no entity column
    }
    const int line = field ? field->line : row.line;
    const int column = field ? field->column : row.fields.front().column;
    add("missing-entity",
        assignees.empty()
            ? "the row names no entity and KPI " + quoted(kpi_id) + " has no assignees"
            : "the row names no entity, but KPI " + quoted(kpi_id) +
                  " has several assignees; expected one of " + assignee_list(k),
        line, column);
    return std::nullopt;
  }
  const std::optional<int> e = m_index.entity(text);
  if (!e) {
    add("unknown-row-entity",
        "unknown entity " + quoted(text) + "; expected the id of a person or unit", field->line,
        field->column, did_you_mean(text, m_index.entity_ids()));
    return std::nullopt;
  }
  if (!m_index.is_assigned(k, *e)) {
    const std::string list = assignee_list(k);
    add("unassigned-entity",
        quoted(text) + " is not assigned KPI " + quoted(kpi_id) +
            (list.empty() ? std::string("; the KPI has no assignees")
                          : "; expected one of its assignees: " + list),
        field->line, field->column);
    return std::nullopt;
  }
  return e;
}

std::optional<Observation> RowChecker::check(const csv::CsvRecord& row, char delimiter) {
  if (row.error) {
    add("csv-syntax", row.error->message, row.error->line, row.error->column);
    return std::nullopt;
  }
  if (row.fields.size() > m_columns.count) {
    const csv::CsvField& extra = row.fields[m_columns.count];
    const std::string name = delimiter == '\t' ? "tab" : quoted(std::string_view(&delimiter, 1));
    add("csv-syntax",
        "this row has " + std::to_string(row.fields.size()) + " fields but the header has " +
            std::to_string(m_columns.count) + "; quote a field that contains the delimiter " + name,
        extra.line, extra.column);
    return std::nullopt;
  }
  const csv::CsvField* kpi_field = cell(row, m_columns.kpi);
  const std::string_view kpi_text = kpi_field ? trim(kpi_field->text) : std::string_view();
  const int kpi_line = kpi_field ? kpi_field->line : row.end_line;
  const int kpi_column = kpi_field ? kpi_field->column : row.end_column;
  const std::optional<int> k = m_index.kpi(kpi_text);
  if (!k) {
    add("unknown-row-kpi",
        kpi_text.empty() ? "the kpi cell is empty; expected the id of a defined KPI"
                         : "unknown KPI " + quoted(kpi_text) + "; expected the id of a defined KPI",
        kpi_line, kpi_column, kpi_text.empty() ? "" : did_you_mean(kpi_text, m_index.kpi_ids()));
    return std::nullopt;
  }
  if (m_index.is_formula(*k)) {
    add("formula-row",
        "KPI " + quoted(kpi_text) +
            " is computed by its formula, so rows cannot record it; record its operands instead",
        kpi_line, kpi_column);
    return std::nullopt;
  }
  const std::optional<int> e = check_entity(row, *k);
  if (!e) {
    return std::nullopt;
  }
  const csv::CsvField* date_field = cell(row, m_columns.date);
  const std::string_view date_text = date_field ? trim(date_field->text) : std::string_view();
  const PeriodParse stamp = parse_stamp(date_text);
  if (!stamp.period) {
    // The period module says what is wrong; add what is expected unless it did.
    std::string message = date_text.empty() ? std::string("the date is empty")
                                            : "bad date " + quoted(date_text) + ": " + stamp.error;
    if (date_text.empty() || stamp.error.find("expected") == std::string::npos) {
      message += "; expected YYYY-MM-DD or a period token (YYYY, YYYY-Qn, YYYY-MM, YYYY-Www)";
    }
    add("bad-date", std::move(message), date_field ? date_field->line : row.end_line,
        date_field ? date_field->column : row.end_column);
    return std::nullopt;
  }
  Observation observation{*k, *e, *stamp.period, 0, row.line};
  if (m_index.is_count(*k)) {
    return observation;  // a count KPI counts rows; any value is ignored
  }
  if (m_columns.value < 0) {
    add("missing-column",
        "the header has no 'value' column, which KPI " + quoted(kpi_text) + " (line " +
            std::to_string(row.line) + ") needs; only count KPIs may omit it; " +
            k_expected_columns,
        1, 1);
    m_stopped = true;
    return std::nullopt;
  }
  const csv::CsvField* value_field = cell(row, m_columns.value);
  const std::string_view value_text = value_field ? trim(value_field->text) : std::string_view();
  const std::optional<double> value = parse_decimal(value_text);
  if (!value) {
    add("bad-number",
        (value_text.empty() ? std::string("the value is empty")
                            : quoted(value_text) + " is not a decimal number") +
            "; expected an optional sign, digits, an optional '.' fraction and exponent, "
            "e.g. 1250.5 or -3e6",
        value_field ? value_field->line : row.end_line,
        value_field ? value_field->column : row.end_column);
    return std::nullopt;
  }
  observation.value = *value;
  return observation;
}

std::string missing_header_columns(const Columns& columns) {
  std::string missing;
  if (columns.kpi < 0) {
    missing = "'kpi'";
  }
  if (columns.date < 0) {
    missing +=
        missing.empty() ? "'date' (or 'period') column" : " and 'date' (or 'period') columns";
  } else if (!missing.empty()) {
    missing += " column";
  }
  return missing;
}

std::string_view cell_text(const csv::CsvRecord& row, int column, bool trimmed) {
  if (column < 0 || static_cast<size_t>(column) >= row.fields.size()) {
    return {};
  }
  const std::string_view text = row.fields[static_cast<size_t>(column)].text;
  return trimmed ? trim(text) : text;
}

}  // namespace

ReadReport read_measurement_rows(
    std::istream& in, const std::string& file_name, const MeasurementIndex& index,
    const std::function<void(const Observation&, const RowText&)>& sink,
    const ReadOptions& options) {
  ReadReport report;
  csv::CsvTokenizer tokenizer(in, options.block_size);
  tokenizer.set_delimiter(csv::detect_delimiter(tokenizer.peek_line()));
  csv::CsvRecord record;
  if (!tokenizer.next(record)) {
    return report;  // an empty file holds no rows, which is not wrong
  }
  const Columns columns = match_header(record);
  RowChecker checker(file_name, index, columns, options, report);
  if (record.error) {
    checker.add("csv-syntax", record.error->message, record.error->line, record.error->column);
    return report;
  }
  const std::string missing = missing_header_columns(columns);
  if (!missing.empty()) {
    checker.add("missing-column", "the header has no " + missing + "; " + k_expected_columns, 1, 1);
    return report;
  }
  while (tokenizer.next(record)) {
    ++report.rows_read;
    const std::optional<Observation> observation = checker.check(record, tokenizer.delimiter());
    if (checker.stopped()) {
      break;
    }
    if (observation) {
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
