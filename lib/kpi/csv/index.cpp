#include <algorithm>

#include "kpi/csv/measurements.hpp"

namespace kpi {

MeasurementIndex::MeasurementIndex(const Workspace& workspace) {
  // Entities: people first, then units (the order of the score result).
  for (const Person& person : workspace.people) {
    if (m_entity_by_id.insert(person.id, entity_count())) {
      m_entity_ids.push_back(person.id);
      std::optional<Period> active;
      if (person.joined || person.left) {
        // Far enough for any stamp (year 9999 is day 2932896).
        active =
            Period{person.joined.value_or(Date{-100000000}), person.left.value_or(Date{100000000})};
      }
      m_active.push_back(active);
    }
  }
  for (const Unit& unit : workspace.units) {
    if (m_entity_by_id.insert(unit.id, entity_count())) {
      m_entity_ids.push_back(unit.id);
      m_active.emplace_back();
    }
  }
  const std::vector<std::vector<std::string>> all_assignees = workspace.assignees_of_all();
  for (size_t position = 0; position < workspace.kpis.size(); ++position) {
    const Kpi& kpi = workspace.kpis[position];
    if (!m_kpi_by_id.insert(kpi.id, kpi_count())) {
      continue;  // a duplicate id: the validator reports it; the first one wins
    }
    const int k = kpi_count();
    m_kpi_ids.push_back(kpi.id);
    m_kinds.push_back(kpi.is_formula()                    ? Kind::formula
                      : !kpi.rollup_of.empty()            ? Kind::rollup
                      : kpi.aggregate == Aggregate::count ? Kind::count
                                                          : Kind::measured);
    std::vector<int> assignees;
    for (const std::string& id : all_assignees[position]) {
      const std::optional<int> e = entity(id);
      if (e && m_slots.insert(k, *e, static_cast<int>(m_slot_count))) {
        ++m_slot_count;
        assignees.push_back(*e);
      }
    }
    m_ranges.push_back(range_of(k, assignees));
    m_assignees.push_back(std::move(assignees));
  }
}

MeasurementIndex::SlotRange MeasurementIndex::range_of(int k, const std::vector<int>& assignees) {
  if (assignees.empty()) {
    return SlotRange{0, 0, 0};
  }
  const auto [low, high] = std::minmax_element(assignees.begin(), assignees.end());
  const size_t span = static_cast<size_t>(*high - *low) + 1;
  if (span > 4 * assignees.size() + 64) {
    return SlotRange{0, -1, 0};  // far apart: an array over the range would be mostly empty
  }
  SlotRange range{*low, static_cast<int>(span), m_range_slots.size()};
  m_range_slots.resize(m_range_slots.size() + span, -1);
  for (int e : assignees) {
    m_range_slots[range.offset + static_cast<size_t>(e - *low)] = m_slots.find(k, e);
  }
  return range;
}

std::optional<int> MeasurementIndex::kpi(std::string_view id) const {
  const int k = m_kpi_by_id.find(id);
  return k < 0 ? std::nullopt : std::optional<int>(k);
}

std::optional<int> MeasurementIndex::entity(std::string_view id) const {
  const int e = m_entity_by_id.find(id);
  return e < 0 ? std::nullopt : std::optional<int>(e);
}

}  // namespace kpi
