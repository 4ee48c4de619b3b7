// Entity cells and filters, compared as sources.md says: trimmed, Unicode case folded.

#include "kpi/source/entities.hpp"

#include <algorithm>

#include "kpi/source/cells.hpp"
#include "kpi/source/text.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::source {

EntityMatcher::EntityMatcher(const Workspace& workspace) {
  auto add_entity = [&](const std::string& id, const std::string& name) {
    m_ids.emplace(id, id);
    m_candidates.push_back(id);
    m_candidate_keys.push_back(fold_case(id));
    if (!name.empty()) {
      add(m_names, match_key(name), id);
      m_candidates.push_back(name);
      m_candidate_keys.push_back(match_key(name));
    }
  };
  for (const Person& p : workspace.people) {
    add_entity(p.id, p.name);
  }
  for (const Unit& u : workspace.units) {
    add_entity(u.id, u.name);
  }
  for (const EntityAliases& e : workspace.aliases) {
    for (const std::string& alias : e.aliases) {
      add(m_aliases, match_key(alias), e.entity);
    }
  }
}

void EntityMatcher::add(std::unordered_map<std::string, std::vector<std::string>>& table,
                        const std::string& key, const std::string& id) {
  std::vector<std::string>& owners = table[key];
  if (std::find(owners.begin(), owners.end(), id) == owners.end()) {
    owners.push_back(id);
  }
}

EntityMatch EntityMatcher::lookup(
    const std::unordered_map<std::string, std::vector<std::string>>& table,
    const std::string& key) const {
  EntityMatch out;
  auto it = table.find(key);
  if (it == table.end()) {
    return out;
  }
  if (it->second.size() == 1) {
    out.kind = EntityMatch::Kind::entity;
    out.entity = it->second.front();
  } else {
    out.kind = EntityMatch::Kind::ambiguous;
    out.owners = it->second;
  }
  return out;
}

EntityMatch EntityMatcher::match(std::string_view cell) const {
  const std::string_view text = trimmed(cell);
  if (auto id = m_ids.find(std::string(text)); id != m_ids.end()) {
    return EntityMatch{EntityMatch::Kind::entity, id->second, {}, {}};
  }
  const std::string key = fold_case(text);
  // A name and an alias of two different entities spelled alike are a clash too.
  EntityMatch by_name = lookup(m_names, key);
  EntityMatch by_alias = lookup(m_aliases, key);
  if (by_name.kind == EntityMatch::Kind::none) {
    by_name = by_alias;
  } else if (by_alias.kind != EntityMatch::Kind::none) {
    std::vector<std::string> owners = by_name.kind == EntityMatch::Kind::entity
                                          ? std::vector<std::string>{by_name.entity}
                                          : by_name.owners;
    for (const std::string& id : by_alias.kind == EntityMatch::Kind::entity
                                     ? std::vector<std::string>{by_alias.entity}
                                     : by_alias.owners) {
      if (std::find(owners.begin(), owners.end(), id) == owners.end()) {
        owners.push_back(id);
      }
    }
    if (owners.size() > 1) {
      return EntityMatch{EntityMatch::Kind::ambiguous, "", owners, {}};
    }
  }
  if (by_name.kind == EntityMatch::Kind::none) {
    // Suggested by the folded spelling, shown as written in the definitions.
    if (std::optional<std::string> near = nearest(key, m_candidate_keys)) {
      const auto at = std::find(m_candidate_keys.begin(), m_candidate_keys.end(), *near);
      by_name.nearest = m_candidates[static_cast<size_t>(at - m_candidate_keys.begin())];
    }
  }
  return by_name;
}

bool filter_holds(const ColumnFilter& filter, std::string_view cell) {
  const std::string key = match_key(cell);
  for (const std::string& value : filter.values) {
    if (match_key(value) == key) {
      return true;
    }
  }
  return false;
}

}  // namespace kpi::source
