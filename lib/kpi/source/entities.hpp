#pragma once
// Matching an export's entity cell to a unit or person (sources.md, "Entities"): ids
// exactly, then names and aliases ignoring case; and a measure's where/except filters.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kpi/model/model.hpp"

namespace kpi::source {

/// What an entity cell matched.
struct EntityMatch {
  enum class Kind { entity, none, ambiguous };
  Kind kind = Kind::none;
  std::string entity;               ///< the id, for Kind::entity
  std::vector<std::string> owners;  ///< Kind::ambiguous: the entities sharing the spelling
  std::string nearest;              ///< Kind::none: the nearest id or name, when near enough
};

/// The ids, names and aliases of a workspace's units and people, ready for lookups.
class EntityMatcher {
 public:
  explicit EntityMatcher(const Workspace& workspace);

  /// The cell, trimmed, against ids (exactly), then names, then aliases (ignoring case).
  EntityMatch match(std::string_view cell) const;

 private:
  void add(std::unordered_map<std::string, std::vector<std::string>>& table, const std::string& key,
           const std::string& id);
  EntityMatch lookup(const std::unordered_map<std::string, std::vector<std::string>>& table,
                     const std::string& key) const;

  std::unordered_map<std::string, std::string> m_ids;
  std::unordered_map<std::string, std::vector<std::string>> m_names;
  std::unordered_map<std::string, std::vector<std::string>> m_aliases;
  std::vector<std::string> m_candidates;      ///< ids and names, for suggestions
  std::vector<std::string> m_candidate_keys;  ///< the same, folded
};

/// A measure's filters against one row: `cell(column)` gives the row's cell of a column
/// named in the filters. True when every `where` column holds one of its values and no
/// `except` column holds one of its, compared trimmed and ignoring case.
template <typename CellOf>
bool measure_matches(const SourceMeasure& measure, CellOf&& cell);

/// One filter's test: the cell equals one of the values, trimmed and ignoring case.
bool filter_holds(const ColumnFilter& filter, std::string_view cell);

template <typename CellOf>
bool measure_matches(const SourceMeasure& measure, CellOf&& cell) {
  for (const ColumnFilter& f : measure.where) {
    if (!filter_holds(f, cell(f.column))) {
      return false;
    }
  }
  for (const ColumnFilter& f : measure.except) {
    if (filter_holds(f, cell(f.column))) {
      return false;
    }
  }
  return true;
}

}  // namespace kpi::source
