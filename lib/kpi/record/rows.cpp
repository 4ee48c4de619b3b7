// Rows as text, the journal's header, the key check and the journal lines to write.

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "kpi/csv/line_ends.hpp"
#include "kpi/csv/tokenizer.hpp"
#include "kpi/record/record.hpp"

namespace kpi {

namespace {

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + 32);
    }
  }
  return out;
}

/// The offset just past the line end at or after `at` (LF, CRLF, or a bare CR, which the
/// readers read as LF), or npos when no line end follows.
size_t past_line_end(std::string_view text, size_t at) {
  const size_t end = text.find_first_of("\r\n", at);
  if (end == std::string_view::npos) {
    return end;
  }
  return text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? end + 2 : end + 1;
}

/// The key (kpi, entity, date) as one string; the date as its parsed days, so that a
/// day and the month holding it stay apart.
std::string key_of(const RecordRow& row) {
  return row.kpi + '\n' + row.entity + '\n' + std::to_string(row.stamp.start.days) + ':' +
         std::to_string(row.stamp.end.days);
}

/// Reads the journal's header (names, delimiter, line end): its first record, which
/// the tokenizer finds after any empty lines, as the reader does.
void read_header(Journal& journal) {
  const std::string& text = journal.content;
  std::istringstream raw(text);
  csv::LineEndStream in(raw);  // a bare CR ends a line, as in the readers
  csv::CsvTokenizer tokenizer(in);
  tokenizer.set_delimiter(csv::detect_delimiter(tokenizer.peek_line()));
  csv::CsvRecord header;
  if (!tokenizer.next(header) || header.error) {
    return;  // the reader reports what is wrong
  }
  journal.delimiter = tokenizer.delimiter();
  journal.columns.clear();
  for (const csv::CsvField& field : header.fields) {
    journal.columns.push_back(lower_trimmed(field.text));
  }
  // New rows end as the header's line does: LF, CRLF or CR.
  size_t next = 0;
  for (int64_t line = 1; line <= header.end_line && next != std::string::npos; ++line) {
    next = past_line_end(text, next);
  }
  journal.line_end = "\n";
  if (next != std::string::npos && next >= 2 && text.compare(next - 2, 2, "\r\n") == 0) {
    journal.line_end = "\r\n";
  } else if (next != std::string::npos && next >= 1 && text[next - 1] == '\r') {
    journal.line_end = "\r";
  }
}

/// The column a field goes to: the first of its name (`date`, else `period`), or -1.
int column_of(const std::vector<std::string>& columns, std::string_view name) {
  for (std::string_view wanted : {name, name == "date" ? std::string_view("period") : name}) {
    auto it = std::find(columns.begin(), columns.end(), wanted);
    if (it != columns.end()) {
      return static_cast<int>(it - columns.begin());
    }
  }
  return -1;
}

}  // namespace

RowsRead read_record_rows(std::istream& in, const std::string& file_name,
                          const MeasurementIndex& index, const ReadOptions& options) {
  RowsRead result;
  result.report = read_measurement_rows(
      in, file_name, index,
      [&](const Observation& o, const RowText& text) {
        RecordRow row{index.kpi_id(o.kpi),
                      index.entity_id(o.entity),
                      std::string(text.date),
                      std::string(text.value),
                      std::string(text.note),
                      !text.entity.empty(),
                      o.line,
                      text.end_line,
                      o.stamp};
        result.rows.push_back(std::move(row));
      },
      options);
  return result;
}

Journal parse_journal(const std::string& path, std::string content, const MeasurementIndex& index) {
  Journal journal;
  journal.path = path;
  journal.exists = true;
  journal.content = std::move(content);
  journal.columns = k_journal_columns;
  if (journal.content.empty()) {
    return journal;
  }
  read_header(journal);
  if (journal.content.back() != '\n' && journal.content.back() != '\r') {
    // A writer stopped mid-row (a crash, a full disk before this tool truncated): the
    // row may be cut anywhere, even where it still parses, so it is never merged.
    int64_t last_line = 1;
    for (size_t at = past_line_end(journal.content, 0); at != std::string::npos;
         at = past_line_end(journal.content, at)) {
      ++last_line;
    }
    journal.problems.push_back(Diagnostic{
        "journal-cut",
        Severity::error,
        "the journal's last line has no line break: it may have been cut short by a crash; "
        "check it, then end it with a line break or remove it",
        SourceLocation{path, last_line, 1},
        {}});
  }
  std::istringstream in(journal.content);
  RowsRead read = read_record_rows(in, path, index);
  journal.rows = std::move(read.rows);
  journal.problems.insert(journal.problems.end(), read.report.problems.begin(),
                          read.report.problems.end());
  return journal;
}

RecordPlan plan_record(const Journal& journal, const std::vector<RecordRow>& input,
                       RecordMode mode) {
  RecordPlan plan;
  if (mode == RecordMode::append) {
    return plan;
  }
  std::unordered_map<std::string, size_t> first_in_input;
  for (size_t i = 0; i < input.size(); ++i) {
    auto [it, added] = first_in_input.emplace(key_of(input[i]), i);
    if (!added) {
      plan.conflicts.push_back(KeyConflict{i, false, it->second});
    }
  }
  for (size_t j = 0; j < journal.rows.size(); ++j) {
    auto it = first_in_input.find(key_of(journal.rows[j]));
    if (it == first_in_input.end()) {
      continue;
    }
    if (mode == RecordMode::replace) {
      plan.replaced.push_back(j);
    } else {
      plan.conflicts.push_back(KeyConflict{it->second, true, j});
    }
  }
  return plan;
}

bool ReplaceScope::holds(const RecordRow& row) const {
  return period.contains(row.stamp) && std::find(kpis.begin(), kpis.end(), row.kpi) != kpis.end();
}

RecordPlan plan_replace_period(const Journal& journal, const std::vector<RecordRow>& input,
                               const ReplaceScope& scope) {
  RecordPlan plan;
  for (size_t i = 0; i < input.size(); ++i) {
    if (!scope.holds(input[i])) {
      plan.outside.push_back(i);
    }
  }
  for (size_t j = 0; j < journal.rows.size(); ++j) {
    if (scope.holds(journal.rows[j])) {
      plan.replaced.push_back(j);
    }
  }
  return plan;
}

std::string quote_field(std::string_view text, char delimiter) {
  const bool needs =
      !text.empty() && (text.find_first_of("\"\r\n") != std::string_view::npos ||
                        text.find(delimiter) != std::string_view::npos || text.front() == ' ' ||
                        text.front() == '\t' || text.back() == ' ' || text.back() == '\t');
  if (!needs) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

namespace {

/// A row's field and the journal column it goes to; text is null for an entity that
/// defaulted, which may go unwritten when the journal has no entity column.
struct Field {
  const char* name;
  int column;
  const std::string* text;
};

}  // namespace

std::string format_journal_rows(const Journal& journal, const std::vector<RecordRow>& rows) {
  const std::vector<std::string>& columns = journal.columns;
  std::string out;
  const bool header = !journal.exists || journal.content.empty();
  if (header) {
    for (size_t c = 0; c < columns.size(); ++c) {
      out += (c > 0 ? std::string(1, journal.delimiter) : "") + columns[c];
    }
    out += journal.line_end;
  }
  const int kpi = column_of(columns, "kpi");
  const int entity = column_of(columns, "entity");
  const int date = column_of(columns, "date");
  const int value = column_of(columns, "value");
  const int note = column_of(columns, "note");
  for (const RecordRow& row : rows) {
    const Field fields[] = {{"kpi", kpi, &row.kpi},
                            {"entity", entity, row.entity_given ? &row.entity : nullptr},
                            {"date", date, &row.date},
                            {"value", value, &row.value},
                            {"note", note, &row.note}};
    std::vector<std::string> cells(columns.size());
    for (const Field& field : fields) {
      if (field.column >= 0) {
        const std::string& text = field.text ? *field.text : row.entity;
        cells[static_cast<size_t>(field.column)] = quote_field(text, journal.delimiter);
      } else if (field.text != nullptr && !field.text->empty()) {
        throw Error(Diagnostic{"journal-columns",
                               Severity::error,
                               std::string("the journal's header has no '") + field.name +
                                   "' column for line " + std::to_string(row.line) + "'s " +
                                   field.name + "; add the column to the journal's header",
                               SourceLocation{journal.path, 1, 1},
                               {}});
      }
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      out += (c > 0 ? std::string(1, journal.delimiter) : "") + cells[c];
    }
    out += journal.line_end;
  }
  return out;
}

std::string replaced_journal_content(const Journal& journal, const RecordPlan& plan,
                                     const std::vector<RecordRow>& rows) {
  // Drop the lines of the replaced rows; every other byte stays as it was.
  std::vector<std::pair<int, int>> dropped;
  for (size_t j : plan.replaced) {
    dropped.emplace_back(journal.rows[j].line, journal.rows[j].end_line);
  }
  std::sort(dropped.begin(), dropped.end());
  std::string out;
  out.reserve(journal.content.size());
  size_t at = 0;
  size_t next_drop = 0;
  for (int64_t line = 1; at < journal.content.size(); ++line) {
    size_t end = past_line_end(journal.content, at);
    end = end == std::string::npos ? journal.content.size() : end;
    while (next_drop < dropped.size() && dropped[next_drop].second < line) {
      ++next_drop;
    }
    const bool drop = next_drop < dropped.size() && dropped[next_drop].first <= line;
    if (!drop) {
      out.append(journal.content, at, end - at);
    }
    at = end;
  }
  return out + format_journal_rows(journal, rows);
}

}  // namespace kpi
