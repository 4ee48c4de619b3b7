#include <algorithm>

#include "kpi/csv/measurements.hpp"

namespace kpi {

MeasurementIndex::MeasurementIndex(const Workspace& workspace) {
  // Entities: people first, then units (the order of the score result).
  for (const Person& person : workspace.people) {
    if (m_entity_by_id.emplace(person.id, entity_count()).second) {
      m_entity_ids.push_back(person.id);
    }
  }
  for (const Unit& unit : workspace.units) {
    if (m_entity_by_id.emplace(unit.id, entity_count()).second) {
      m_entity_ids.push_back(unit.id);
    }
  }
  for (const Kpi& kpi : workspace.kpis) {
    if (!m_kpi_by_id.emplace(kpi.id, kpi_count()).second) {
      continue;  // a duplicate id: the validator reports it; the first one wins
    }
    m_kpi_ids.push_back(kpi.id);
    m_formula.push_back(kpi.is_formula());
    m_count.push_back(kpi.aggregate == Aggregate::count);
    std::vector<int> assignees;
    for (const std::string& id : workspace.assignees_of(kpi)) {
      const std::optional<int> e = entity(id);
      if (e && std::find(assignees.begin(), assignees.end(), *e) == assignees.end()) {
        assignees.push_back(*e);
      }
    }
    m_assignees.push_back(std::move(assignees));
  }
}

std::optional<int> MeasurementIndex::kpi(std::string_view id) const {
  auto it = m_kpi_by_id.find(id);
  if (it == m_kpi_by_id.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<int> MeasurementIndex::entity(std::string_view id) const {
  auto it = m_entity_by_id.find(id);
  if (it == m_entity_by_id.end()) {
    return std::nullopt;
  }
  return it->second;
}

bool MeasurementIndex::is_assigned(int k, int e) const {
  const std::vector<int>& list = m_assignees[static_cast<size_t>(k)];
  return std::find(list.begin(), list.end(), e) != list.end();
}

}  // namespace kpi
