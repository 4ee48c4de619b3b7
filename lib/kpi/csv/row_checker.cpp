#include "kpi/csv/row_checker.hpp"

#include "kpi/util/quote.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/util/utf8.hpp"

namespace kpi::csv {

void RowChecker::add(std::string rule, std::string message, int64_t line, int64_t column,
                     std::string hint) {
  ++m_report.problems_total;
  if (m_report.problems.size() < m_options.max_errors) {
    m_report.problems.push_back(Diagnostic{std::move(rule), Severity::error, std::move(message),
                                           SourceLocation{m_file, line, column}, std::move(hint)});
  }
}

bool RowChecker::counted_only() {
  if (m_report.problems.size() < m_options.max_errors) {
    return false;
  }
  ++m_report.problems_total;
  return true;
}

std::string RowChecker::assignee_list(int k) const {
  std::string list;
  for (int e : m_index.assignees(k)) {
    list += (list.empty() ? "" : ", ") + m_index.entity_id(e);
  }
  return list;
}

std::optional<int> RowChecker::check_entity(const CsvRecord& row, int k) {
  const CsvField* field = cell(row, m_columns.entity);
  const std::string_view text = field ? trim(field->text) : std::string_view();
  const std::string& kpi_id = m_index.kpi_id(k);
  if (text.empty()) {
    const std::vector<int>& assignees = m_index.assignees(k);
    if (assignees.size() == 1) {
      return assignees.front();  // a single assignee needs no entity column
    }
    if (!counted_only()) {
      const int64_t line = field ? field->line : row.line;
      const int64_t column = field ? field->column : row.fields.front().column;
      add("missing-entity",
          assignees.empty()
              ? "the row names no entity and KPI " + quote(kpi_id) + " has no assignees"
              : "the row names no entity, but KPI " + quote(kpi_id) +
                    " has several assignees; expected one of " + assignee_list(k),
          line, column);
    }
    return std::nullopt;
  }
  const std::optional<int> e = m_index.entity(text);
  if (!e) {
    if (!counted_only()) {
      add("unknown-row-entity",
          "unknown entity " + quote(text) + "; expected the id of a person or unit", field->line,
          field->column, did_you_mean(text, m_index.entity_ids()));
    }
    return std::nullopt;
  }
  if (!m_index.is_assigned(k, *e)) {
    if (!counted_only()) {
      const std::string list = assignee_list(k);
      add("unassigned-entity",
          quote(text) + " is not assigned KPI " + quote(kpi_id) +
              (list.empty() ? std::string("; the KPI has no assignees")
                            : "; expected one of its assignees: " + list),
          field->line, field->column);
    }
    return std::nullopt;
  }
  return e;
}

std::optional<Observation> RowChecker::check(const CsvRecord& row, char delimiter) {
  if (row.error) {
    add("csv-syntax", row.error->message, row.error->line, row.error->column);
    return std::nullopt;
  }
  if (row.fields.size() > m_columns.count) {
    if (!counted_only()) {
      const CsvField& extra = row.fields[m_columns.count];
      const std::string name = delimiter == '\t' ? "tab" : quote(std::string_view(&delimiter, 1));
      add("csv-syntax",
          "this row has " + std::to_string(row.fields.size()) + " fields but the header has " +
              std::to_string(m_columns.count) + "; quote a field that contains the delimiter " +
              name,
          extra.line, extra.column);
    }
    return std::nullopt;
  }
  for (const CsvField& field : row.fields) {
    if (const std::optional<size_t> bad = first_invalid_utf8(field.text)) {
      if (!counted_only()) {
        // The column of the bad byte itself: the field's, plus the characters before it.
        int column = field.column + (field.quoted ? 1 : 0);
        for (size_t i = 0; i < *bad; ++i) {
          column += (static_cast<unsigned char>(field.text[i]) & 0xC0) != 0x80 ? 1 : 0;
        }
        add("encoding", "the cell is not valid UTF-8; save the file as UTF-8", field.line, column);
      }
      return std::nullopt;
    }
  }
  const CsvField* kpi_field = cell(row, m_columns.kpi);
  const std::string_view kpi_text = kpi_field ? trim(kpi_field->text) : std::string_view();
  const int64_t kpi_line = kpi_field ? kpi_field->line : row.end_line;
  const int64_t kpi_column = kpi_field ? kpi_field->column : row.end_column;
  const std::optional<int> k = m_index.kpi(kpi_text);
  if (!k) {
    if (!counted_only()) {
      add("unknown-row-kpi",
          kpi_text.empty()
              ? "the kpi cell is empty; expected the id of a defined KPI"
              : "unknown KPI " + quote(kpi_text) + "; expected the id of a defined KPI",
          kpi_line, kpi_column, kpi_text.empty() ? "" : did_you_mean(kpi_text, m_index.kpi_ids()));
    }
    return std::nullopt;
  }
  if (m_index.is_formula(*k)) {
    add("formula-row",
        "KPI " + quote(kpi_text) +
            " is computed by its formula, so rows cannot record it; record its operands instead",
        kpi_line, kpi_column);
    return std::nullopt;
  }
  if (m_index.is_rollup(*k)) {
    add("rollup-row",
        "KPI " + quote(kpi_text) +
            " rolls up another KPI's rows (rollup_of), so rows cannot record it; record them "
            "for that KPI instead",
        kpi_line, kpi_column);
    return std::nullopt;
  }
  const std::optional<int> e = check_entity(row, *k);
  if (!e) {
    return std::nullopt;
  }
  const CsvField* date_field = cell(row, m_columns.date);
  const std::string_view date_text = date_field ? trim(date_field->text) : std::string_view();
  const PeriodParse stamp = parse_stamp(date_text);
  if (!stamp.period) {
    // The period module says what is wrong; add what is expected unless it did.
    std::string message = date_text.empty() ? std::string("the date is empty")
                                            : "bad date " + quote(date_text) + ": " + stamp.error;
    if (date_text.empty() || stamp.error.find("expected") == std::string::npos) {
      message += "; expected YYYY-MM-DD or a period token (YYYY, YYYY-Qn, YYYY-MM, YYYY-Www)";
    }
    add("bad-date", std::move(message), date_field ? date_field->line : row.end_line,
        date_field ? date_field->column : row.end_column);
    return std::nullopt;
  }
  Observation observation;
  observation.kpi = *k;
  observation.entity = *e;
  observation.slot = m_index.slot(*k, *e);
  observation.stamp = *stamp.period;
  observation.value = Decimal{0, true, 0};
  observation.line = row.line;
  if (m_index.is_count(*k)) {
    // A count KPI counts rows and ignores the value; but a value written must be a
    // number, so that NaN or inf is refused here as everywhere else.
    const CsvField* written = m_columns.value < 0 ? nullptr : cell(row, m_columns.value);
    const std::string_view text = written ? trim(written->text) : std::string_view();
    if (!text.empty() && !parse_decimal(text)) {
      add("bad-number",
          quote(text) +
              " is not a decimal number; a count KPI ignores the value, but one that is "
              "written must be a number (or leave the cell empty)",
          written->line, written->column);
      return std::nullopt;
    }
    return observation;
  }
  if (m_columns.value < 0) {
    add("missing-column",
        "the header has no 'value' column, which KPI " + quote(kpi_text) + " (line " +
            std::to_string(row.line) + ") needs; only count KPIs may omit it; " +
            k_expected_columns,
        1, 1);
    m_stopped = true;
    return std::nullopt;
  }
  const CsvField* value_field = cell(row, m_columns.value);
  const std::string_view value_text = value_field ? trim(value_field->text) : std::string_view();
  const std::optional<Decimal> value = parse_decimal_exact(value_text);
  if (!value) {
    add("bad-number",
        (value_text.empty() ? std::string("the value is empty")
                            : quote(value_text) + " is not a decimal number") +
            "; expected an optional sign, digits, an optional '.' fraction and exponent, "
            "e.g. 1250.5 or -3e6",
        value_field ? value_field->line : row.end_line,
        value_field ? value_field->column : row.end_column);
    return std::nullopt;
  }
  observation.value = *value;
  return observation;
}

}  // namespace kpi::csv
