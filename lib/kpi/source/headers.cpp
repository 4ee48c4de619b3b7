// Reading a text source's header row and checking the columns the source names.

#include "kpi/source/headers.hpp"

#include <fnmatch.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "kpi/csv/tokenizer.hpp"
#include "kpi/source/cells.hpp"
#include "kpi/source/text.hpp"
#include "kpi/util/glob.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::source {

namespace fs = std::filesystem;

namespace {

Diagnostic finding(std::string rule, SourceLocation where, std::string message,
                   std::string hint = {}) {
  return Diagnostic{std::move(rule), Severity::error, std::move(message), std::move(where),
                    std::move(hint)};
}

/// Offset of the start of physical line `line` (LF, CRLF or CR ends), or npos.
size_t line_start(std::string_view text, int line) {
  size_t at = 0;
  for (int l = 1; l < line; ++l) {
    const size_t end = text.find_first_of("\r\n", at);
    if (end == std::string_view::npos) {
      return std::string_view::npos;
    }
    at = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
  return at < text.size() ? at : std::string_view::npos;
}

/// The columns a source names, each with its position in the YAML.
std::vector<std::pair<std::string, SourceLocation>> named_columns(const Source& s) {
  std::vector<std::pair<std::string, SourceLocation>> out;
  auto add = [&](const std::string& name, const SourceLocation& at) {
    if (!name.empty()) {
      out.emplace_back(name, at);
    }
  };
  add(s.columns.date, s.columns.date_at);
  add(s.columns.entity, s.columns.entity_at);
  add(s.columns.note, s.columns.note_at);
  for (const SourceMeasure& m : s.measures) {
    add(m.value, m.value_at);
    for (const std::vector<ColumnFilter>* filters : {&m.where, &m.except}) {
      for (const ColumnFilter& f : *filters) {
        add(f.column, f.column_at);
      }
    }
  }
  return out;
}

bool is_text_file(const std::string& path) {
  const std::string ext = fold_case(fs::path(path).extension().string());
  return ext != ".xlsx";
}

void check_wide(const Source& s, const std::string& file, const std::vector<HeaderCell>& header,
                std::vector<Diagnostic>& out) {
  const DateFormatParse format = parse_date_format(s.wide.date_format);
  if (!format.format || s.wide.columns.empty()) {
    return;  // reported with the definitions
  }
  for (const HeaderCell& cell : header) {
    if (fnmatch(s.wide.columns.c_str(), cell.name.c_str(), 0) != 0) {
      continue;
    }
    const DateParse stamp = parse_date_cell(cell.name, *format.format);
    if (!stamp.stamp) {
      out.push_back(finding("source-date", SourceLocation{file, cell.line, cell.column},
                            "the wide column '" + cell.name + "' of source '" + s.id +
                                "' is not a stamp: " + stamp.error));
    }
  }
}

void check_file(const Source& s, const std::string& file, std::set<std::string>& reported,
                std::vector<Diagnostic>& out) {
  std::vector<HeaderCell> header;
  try {
    header = read_header(file, s.header_row, s.delimiter);
  } catch (const Error& e) {
    out.push_back(e.diagnostic);
    return;
  }
  std::map<std::string, std::vector<const HeaderCell*>> by_key;
  std::vector<std::string> keys;
  for (const HeaderCell& cell : header) {
    by_key[match_key(cell.name)].push_back(&cell);
    keys.push_back(match_key(cell.name));
  }
  for (const auto& [name, at] : named_columns(s)) {
    const std::string key = match_key(name);
    if (reported.count(key) != 0) {
      continue;
    }
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      reported.insert(key);
      std::string hint;
      if (std::optional<std::string> near = nearest(key, keys)) {
        hint = "did you mean '" + by_key[*near].front()->name + "'?";
      }
      out.push_back(finding("source-column", at,
                            "column '" + name + "' of source '" + s.id +
                                "' is not in the header of " + file + " (line " +
                                std::to_string(s.header_row) + ")",
                            hint));
    } else if (it->second.size() > 1) {
      reported.insert(key);
      out.push_back(finding("source-column", at,
                            "the header of " + file + " names column '" + name +
                                "' twice (columns " +
                                std::to_string(it->second[0] - header.data() + 1) + " and " +
                                std::to_string(it->second[1] - header.data() + 1) +
                                "), so it cannot say which one is meant"));
    }
  }
  if (s.has_wide) {
    check_wide(s, file, header, out);
  }
}

}  // namespace

char detect_source_delimiter(std::string_view line) {
  const char candidates[] = {',', ';', '\t', '|'};
  int counts[4] = {0, 0, 0, 0};
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    }
    for (int i = 0; i < 4 && !quoted; ++i) {
      counts[i] += c == candidates[i] ? 1 : 0;
    }
  }
  int best = 0;
  for (int i = 1; i < 4; ++i) {
    best = counts[i] > counts[best] ? i : best;
  }
  return candidates[best];
}

std::vector<HeaderCell> read_header(const std::string& path, int header_row,
                                    const std::string& delimiter) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) {
    throw Error(finding("source-column", SourceLocation{path, 0, 0},
                        "cannot read the source file '" + path + "'"));
  }
  std::string text = bytes.str();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text.erase(0, 3);
  }
  const size_t start = line_start(text, header_row);
  if (start == std::string::npos) {
    throw Error(finding("source-column", SourceLocation{path, 0, 0},
                        "'" + path + "' has no line " + std::to_string(header_row) +
                            ", where 'header_row' puts its column names"));
  }
  std::istringstream rest(text.substr(start));
  csv::CsvTokenizer tokenizer(rest);
  tokenizer.start_inside(header_row);
  const std::string_view line = tokenizer.peek_line();
  tokenizer.set_delimiter(delimiter == "auto" ? detect_source_delimiter(line) : delimiter[0]);
  csv::CsvRecord record;
  if (!tokenizer.next(record)) {
    throw Error(finding("source-column", SourceLocation{path, header_row, 1},
                        "line " + std::to_string(header_row) + " of '" + path +
                            "' is empty; 'header_row' must point at the column names"));
  }
  if (record.error) {
    throw Error(finding("csv-syntax",
                        SourceLocation{path, record.error->line, record.error->column},
                        record.error->message));
  }
  std::vector<HeaderCell> cells;
  for (const csv::CsvField& field : record.fields) {
    cells.push_back(HeaderCell{std::string(trimmed(field.text)), field.line, field.column});
  }
  return cells;
}

std::vector<std::string> source_files(const Source& source, std::vector<Diagnostic>& findings) {
  const fs::path folder = fs::path(source.at.file).parent_path();
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (size_t g = 0; g < source.files.size(); ++g) {
    const std::vector<std::string> matches =
        expand_glob(folder.empty() ? fs::path(".") : folder, source.files[g]);
    if (matches.empty()) {
      Diagnostic d = finding(
          "source-empty", source.file_positions[g],
          "the glob '" + source.files[g] + "' of source '" + source.id + "' matches no file");
      d.severity = Severity::warning;
      findings.push_back(std::move(d));
    }
    for (const std::string& match : matches) {
      const std::string file = (folder / match).lexically_normal().generic_string();
      if (seen.insert(file).second) {
        out.push_back(file);
      }
    }
  }
  return out;
}

std::vector<Diagnostic> check_source_files(const Workspace& workspace) {
  std::vector<Diagnostic> out;
  for (const Source& s : workspace.sources) {
    std::set<std::string> reported;
    for (const std::string& file : source_files(s, out)) {
      if (is_text_file(file)) {
        check_file(s, file, reported, out);
      }
    }
  }
  return out;
}

}  // namespace kpi::source
