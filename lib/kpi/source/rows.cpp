// A source's mapping applied to one body row.

#include "kpi/source/rows.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kpi/source/text.hpp"
#include "kpi/util/quote.hpp"

namespace kpi::source {

namespace {

/// Entity cells remembered per reader; beyond this many distinct ones, lookups repeat.
constexpr size_t k_entity_cache = 100000;
/// Distinct date texts remembered per reader (a few years of days, or date-times).
constexpr size_t k_stamp_cache = 8192;
constexpr int k_no_entity = -1;
constexpr int k_several_entities = -2;

std::string_view cell_text(const RowCell* cells, size_t count, int index) {
  return index >= 0 && static_cast<size_t>(index) < count ? cells[index].text : std::string_view{};
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

void UnmatchedTally::add(int64_t line, std::string_view value) {
  ++rows;
  if (first.size() >= k_unmatched_listed) {
    return;
  }
  const bool seen =
      std::any_of(first.begin(), first.end(), [&](const auto& f) { return f.second == value; });
  if (!seen) {
    first.emplace_back(line, std::string(value));
  }
}

void UnmatchedTally::merge(const UnmatchedTally& other) {
  rows += other.rows;
  // Plain pair access: clang 14 cannot capture a structured binding.
  for (const auto& entry : other.first) {
    auto it = std::find_if(first.begin(), first.end(),
                           [&](const auto& f) { return f.second == entry.second; });
    if (it == first.end()) {
      first.push_back(entry);
    } else {
      it->first = std::min(it->first, entry.first);
    }
  }
  std::sort(first.begin(), first.end());
  if (first.size() > k_unmatched_listed) {
    first.resize(k_unmatched_listed);
  }
}

RowMapper::RowMapper(const Source& source, const Mapping& mapping, const MeasurementIndex& index,
                     const EntityMatcher& matcher, ReadReport& report, size_t max_errors)
    : m_source(source),
      m_mapping(mapping),
      m_index(index),
      m_matcher(matcher),
      m_report(report),
      m_max_errors(max_errors) {}

void RowMapper::fail(std::string rule, SourceLocation where, std::string message,
                     std::string hint) {
  m_failed = true;
  ++m_report.problems_total;
  if (m_report.problems.size() < m_max_errors) {
    m_report.problems.push_back(Diagnostic{std::move(rule), Severity::error, std::move(message),
                                           std::move(where), std::move(hint)});
  }
}

bool RowMapper::holds(const CompiledFilter& f, const RowCell* cells, size_t count) {
  const std::string_view text = trimmed(cell_text(cells, count, f.column));
  // The keys are folded. Compared byte by byte with A-Z lowered, a cell that equals a
  // key folds to it (the key's other characters fold to themselves); an ASCII cell that
  // equals none folds to none, since default case folding of ASCII is lower case. So
  // ICU is needed only for other text that matched nothing here (few cells).
  const bool equal = std::any_of(f.keys.begin(), f.keys.end(), [text](const std::string& key) {
    if (key.size() != text.size()) {
      return false;
    }
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != key[i]) {
        return false;
      }
    }
    return true;
  });
  if (equal || is_ascii(text)) {
    return equal;
  }
  // Other text is folded through ICU once a row: several measures usually filter on the
  // same column.
  const auto slot = static_cast<size_t>(std::max(f.column, -1) + 1);  // -1: no column
  if (slot >= m_folded.size()) {
    m_folded.resize(slot + 1);
  }
  FoldedCell& folded = m_folded[slot];
  if (folded.row != m_row_serial) {
    folded.row = m_row_serial;
    folded.text = fold_case(text);
  }
  return std::find(f.keys.begin(), f.keys.end(), folded.text) != f.keys.end();
}

bool RowMapper::passes(const CompiledMeasure& m, const RowCell* cells, size_t count) {
  for (const CompiledFilter& f : m.where) {
    if (!holds(f, cells, count)) {
      return false;
    }
  }
  for (const CompiledFilter& f : m.except) {
    if (holds(f, cells, count)) {
      return false;
    }
  }
  return true;
}

int RowMapper::entity_of(const RowCell* cells, size_t count, int64_t line,
                         const CellPlaces& places) {
  const std::string_view text = trimmed(cell_text(cells, count, m_mapping.entity));
  int entity = k_no_entity;
  if (auto it = m_entities.find(text); it != m_entities.end()) {
    entity = it->second;
  } else {
    const EntityMatch match = m_matcher.match(text);
    if (match.kind == EntityMatch::Kind::entity) {
      entity = m_index.find_entity(match.entity);
    } else if (match.kind == EntityMatch::Kind::ambiguous) {
      entity = k_several_entities;
    }
    if (m_entities.size() < k_entity_cache) {
      m_entities.emplace(std::string(text), entity);
    }
  }
  if (entity >= 0) {
    return entity;
  }
  const SourceLocation at = places.at(static_cast<size_t>(m_mapping.entity), 0);
  const std::string& column = m_source.columns.entity;
  if (entity == k_several_entities) {
    const EntityMatch match = m_matcher.match(text);
    std::string owners;
    for (const std::string& id : match.owners) {
      owners += (owners.empty() ? "'" : ", '") + id + "'";
    }
    fail("alias-clash", at,
         quote(text) + " in column " + quote(column) + " is the name or alias of " + owners +
             ": the row cannot say which one it means");
  } else if (m_mapping.unmatched_skip) {
    m_unmatched.add(line, text);
  } else if (text.empty()) {
    fail("source-entity", at,
         "the entity cell (column " + quote(column) + ") is empty; the row names nobody");
  } else {
    const EntityMatch match = m_matcher.match(text);
    fail("source-entity", at,
         quote(text) + " in column " + quote(column) + " of source '" + m_source.id +
             "' is no unit or person (by id, name or alias)",
         match.nearest.empty() ? "add it to the entity's 'aliases', or set 'unmatched: skip'"
                               : "did you mean '" + match.nearest + "'?");
  }
  return k_no_entity;
}

bool RowMapper::value_of(const RowCell& cell, size_t index, const CellPlaces& places,
                         Decimal& out) {
  if (cell.kind != RowCell::Kind::text) {
    // A workbook's number is taken as stored.
    if (std::optional<Decimal> value = parse_decimal_exact(cell.text)) {
      out = *value;
      return true;
    }
  }
  const NumberParse parsed = parse_number_cell(cell.text, m_mapping.number_format);
  if (!parsed.value) {
    fail("source-number", places.at(index, static_cast<size_t>(std::max(parsed.column, 1) - 1)),
         parsed.error);
    return false;
  }
  out = *parsed.value;
  return true;
}

bool RowMapper::stamp_of(const RowCell& cell, size_t index, const CellPlaces& places, Period& out) {
  if (cell.kind == RowCell::Kind::date) {
    // A date cell is its day whatever date_format says; the fraction is the time.
    const std::optional<double> serial = parse_decimal(cell.text);
    const std::optional<Date> day =
        serial && *serial >= 1 && *serial < 3e6
            ? excel_serial_day(static_cast<long long>(std::floor(*serial)))
            : std::nullopt;
    if (!day) {
      fail("source-date", places.at(index, 0),
           "the date cell holds " + quote(cell.text) + ", which is no day of Excel's calendar");
      return false;
    }
    out = Period{*day, *day};
    return true;
  }
  if (auto it = m_stamps.find(cell.text); it != m_stamps.end()) {
    out = it->second;
    return true;
  }
  const DateParse parsed = parse_date_cell(cell.text, m_mapping.date_format);
  if (parsed.stamp && m_stamps.size() < k_stamp_cache) {
    m_stamps.emplace(std::string(cell.text), *parsed.stamp);  // only good dates: a bad one
  }                                                           // is reported each time
  if (!parsed.stamp) {
    fail("source-date", places.at(index, static_cast<size_t>(std::max(parsed.column, 1) - 1)),
         parsed.error);
    return false;
  }
  out = *parsed.stamp;
  return true;
}

void RowMapper::map_row(const RowCell* cells, size_t count, int64_t line, const CellPlaces& places,
                        std::vector<Observation>& out) {
  bool any = false;
  for (size_t i = 0; i < count && !any; ++i) {
    any = !trimmed(cells[i].text).empty();
  }
  if (!any) {
    return;  // a row of empty cells is skipped (sources.md, "Columns")
  }
  ++m_report.rows_read;
  ++m_row_serial;
  m_matched.clear();
  for (size_t m = 0; m < m_mapping.measures.size(); ++m) {
    if (passes(m_mapping.measures[m], cells, count)) {
      m_matched.push_back(static_cast<int>(m));
    }
  }
  if (m_matched.empty()) {
    return;  // no measure wants the row: none of its cells is parsed
  }
  m_failed = false;
  int entity = m_mapping.constant_entity;
  if (m_mapping.entity >= 0) {
    entity = entity_of(cells, count, line, places);
    if (entity < 0) {
      return;
    }
  }
  static const RowCell k_empty{};
  auto cell = [&](int index) -> const RowCell& {
    return index >= 0 && static_cast<size_t>(index) < count ? cells[index] : k_empty;
  };
  Period stamp;
  if (m_mapping.date >= 0 &&
      !stamp_of(cell(m_mapping.date), static_cast<size_t>(m_mapping.date), places, stamp)) {
    return;
  }
  const size_t first = out.size();
  for (int m : m_matched) {
    const CompiledMeasure& measure = m_mapping.measures[static_cast<size_t>(m)];
    const int who = entity >= 0 ? entity : measure.single_assignee;
    if (who < 0) {
      continue;  // the validator reports a KPI nobody is named for
    }
    const int slot = m_index.slot(measure.kpi, who);
    if (slot < 0) {
      const size_t at = static_cast<size_t>(std::max(m_mapping.entity, 0));
      fail("source-unassigned", places.at(at, 0),
           quote(m_index.entity_id(who)) + " is not assigned KPI '" + m_index.kpi_id(measure.kpi) +
               "', which the row feeds (source '" + m_source.id + "')");
      out.resize(first);
      return;
    }
    Observation row;
    row.kpi = measure.kpi;
    row.entity = who;
    row.slot = slot;
    row.line = line;
    row.value.exact = true;  // 0, exactly, for count KPIs
    row.cell = measure.count ? m_mapping.date : measure.value;
    if (m_mapping.wide.empty()) {
      row.stamp = stamp;
      if (!measure.count &&
          !value_of(cell(measure.value), static_cast<size_t>(measure.value), places, row.value)) {
        out.resize(first);
        return;
      }
      out.push_back(row);
      continue;
    }
    for (const WideColumn& w : m_mapping.wide) {
      const RowCell& c = cell(w.column);
      if (trimmed(c.text).empty()) {
        continue;  // an empty wide cell is no measurement
      }
      row.stamp = w.stamp;
      row.cell = w.column;
      if (!measure.count && !value_of(c, static_cast<size_t>(w.column), places, row.value)) {
        out.resize(first);
        return;
      }
      out.push_back(row);
    }
  }
  if (out.size() > first) {
    ++m_report.rows_valid;
  }
}

}  // namespace kpi::source
