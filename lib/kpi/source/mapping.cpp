// Compiling a source's mapping against a file's header row.

#include "kpi/source/mapping.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <map>

#include "kpi/source/text.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::source {

namespace {

Diagnostic problem(std::string rule, SourceLocation where, std::string message,
                   std::string hint = {}) {
  return Diagnostic{std::move(rule), Severity::error, std::move(message), std::move(where),
                    std::move(hint)};
}

/// The header's cells by folded name.
class Header {
 public:
  explicit Header(const std::vector<NamedColumn>& cells) : m_cells(cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
      const std::string key = match_key(cells[i].name);
      m_by_key[key].push_back(static_cast<int>(i));
      m_keys.push_back(key);
    }
  }

  /// The cell index of `name`, or -1 after adding a finding (missing or twice).
  int find(const Source& s, const std::string& file, const std::string& name,
           const SourceLocation& at, std::vector<Diagnostic>& problems,
           std::vector<std::string>* reported) const {
    const std::string key = match_key(name);
    auto it = m_by_key.find(key);
    if (it != m_by_key.end() && it->second.size() == 1) {
      return it->second.front();
    }
    if (reported != nullptr) {
      if (std::find(reported->begin(), reported->end(), key) != reported->end()) {
        return -1;
      }
      reported->push_back(key);
    }
    if (it == m_by_key.end()) {
      std::string hint;
      if (std::optional<std::string> near = nearest(key, m_keys)) {
        const auto found = m_by_key.find(*near);
        hint = "did you mean '" + m_cells[static_cast<size_t>(found->second.front())].name + "'?";
      }
      problems.push_back(problem("source-column", at,
                                 "column '" + name + "' of source '" + s.id +
                                     "' is not in the header of " + file + " (line " +
                                     std::to_string(s.header_row) + ")",
                                 hint));
    } else {
      problems.push_back(problem("source-column", at,
                                 "the header of " + file + " names column '" + name +
                                     "' twice (columns " + std::to_string(it->second[0] + 1) +
                                     " and " + std::to_string(it->second[1] + 1) +
                                     "), so it cannot say which one is meant"));
    }
    return -1;
  }

 private:
  const std::vector<NamedColumn>& m_cells;
  std::map<std::string, std::vector<int>> m_by_key;
  std::vector<std::string> m_keys;
};

std::vector<WideColumn> wide_columns(const Source& s, const std::vector<NamedColumn>& header,
                                     std::vector<Diagnostic>& problems) {
  std::vector<WideColumn> out;
  const DateFormatParse format = parse_date_format(s.wide.date_format);
  if (!format.format || s.wide.columns.empty()) {
    return out;  // reported with the definitions
  }
  for (size_t i = 0; i < header.size(); ++i) {
    const NamedColumn& cell = header[i];
    if (fnmatch(s.wide.columns.c_str(), cell.name.c_str(), 0) != 0) {
      continue;
    }
    if (cell.day) {
      out.push_back(WideColumn{static_cast<int>(i), Period{*cell.day, *cell.day}});
      continue;
    }
    const DateParse stamp = parse_date_cell(cell.name, *format.format);
    if (!stamp.stamp) {
      problems.push_back(problem("source-date", cell.at,
                                 "the wide column '" + cell.name + "' of source '" + s.id +
                                     "' is not a stamp: " + stamp.error));
      continue;
    }
    out.push_back(WideColumn{static_cast<int>(i), *stamp.stamp});
  }
  return out;
}

}  // namespace

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

std::optional<Mapping> compile_mapping(const Source& s, const std::string& file,
                                       const std::vector<NamedColumn>& cells,
                                       const MeasurementIndex& index,
                                       std::vector<Diagnostic>& problems,
                                       std::vector<std::string>* reported) {
  const Header header(cells);
  std::vector<std::string> once;  // each name reported once per file at least
  if (reported == nullptr) {
    reported = &once;
  }
  bool complete = true;
  auto column = [&](const std::string& name, const SourceLocation& at) {
    if (name.empty()) {
      return -1;
    }
    const int found = header.find(s, file, name, at, problems, reported);
    complete = complete && found >= 0;
    return found;
  };
  Mapping out;
  out.date = column(s.columns.date, s.columns.date_at);
  out.entity = column(s.columns.entity, s.columns.entity_at);
  column(s.columns.note, s.columns.note_at);  // not scored, but a typo is still a typo
  out.unmatched_skip = s.unmatched_skip;
  if (!s.entity.empty()) {
    out.constant_entity = index.find_entity(s.entity);
  }
  const DateFormatParse date = parse_date_format(s.date_format);
  if (date.format) {
    out.date_format = *date.format;
  }
  out.number_format.decimal = s.decimal.empty() ? '.' : s.decimal[0];
  out.number_format.thousands = s.thousands.empty() ? 0 : s.thousands[0];
  out.number_format.strip = s.strip;
  for (const SourceMeasure& m : s.measures) {
    CompiledMeasure c;
    c.spec = &m;
    c.kpi = index.find_kpi(m.kpi);
    c.value = m.has_value ? column(m.value, m.value_at) : -1;
    for (const auto& [filters, into] : {std::pair{&m.where, &c.where}, {&m.except, &c.except}}) {
      for (const ColumnFilter& f : *filters) {
        CompiledFilter compiled{column(f.column, f.column_at), {}};
        for (const std::string& value : f.values) {
          compiled.keys.push_back(match_key(value));
        }
        into->push_back(std::move(compiled));
      }
    }
    if (c.kpi < 0 || index.is_formula(c.kpi) || index.is_rollup(c.kpi)) {
      continue;  // the validator reports it
    }
    c.count = index.is_count(c.kpi);
    if (out.entity < 0 && out.constant_entity < 0 && index.assignees(c.kpi).size() == 1) {
      c.single_assignee = index.assignees(c.kpi).front();
    }
    out.measures.push_back(std::move(c));
  }
  if (s.has_wide) {
    out.wide = wide_columns(s, cells, problems);
  }
  if (!complete) {
    return std::nullopt;
  }
  return out;
}

}  // namespace kpi::source
