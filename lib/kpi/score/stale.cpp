// stale-data (kpi-score(1), "Stale data"): a KPI whose last slot closed some days ago
// has no row in it, or after it, for someone assigned: the export may have stopped. Read
// from the period's own cells (the latest stamp end each holds), so the check costs no
// second pass over the rows.

#include <fmt/format.h>

#include "kpi/score/score.hpp"

namespace kpi {

namespace {

/// Of the KPI's slots, the last one ending on or before `cutoff`.
Period last_slot_ending_by(SlotKind kind, Date cutoff) {
  Period slot = slots_overlapping(kind, Period{cutoff, cutoff}).front();
  if (slot.end > cutoff) {
    const Date before{slot.start.days - 1};
    slot = slots_overlapping(kind, Period{before, before}).front();
  }
  return slot;
}

/// Whether the KPI is checked: its rows are its own and a missing row is a gap.
bool is_checked(const Kpi& kpi) {
  return kpi.period && !kpi.is_formula() && kpi.rollup_of.empty() &&
         kpi.aggregate != Aggregate::count;  // no row of a count KPI is a count of 0
}

std::string names_of(const std::vector<std::string>& ids) {
  constexpr size_t k_listed = 10;
  std::string out;
  for (size_t i = 0; i < ids.size() && i < k_listed; ++i) {
    out += (i == 0 ? "" : ", ") + ids[i];
  }
  if (ids.size() > k_listed) {
    out += fmt::format(" and {} more", ids.size() - k_listed);
  }
  return out;
}

}  // namespace

std::vector<Diagnostic> stale_data_warnings(const Workspace& workspace,
                                            const MeasurementIndex& index,
                                            const PeriodAggregates& aggregates) {
  std::vector<Diagnostic> out;
  const int days = workspace.settings.freshness_days;
  if (days <= 0) {
    return out;
  }
  const Date cutoff{aggregates.as_of.days - days};
  for (const Kpi& kpi : workspace.kpis) {
    const std::optional<int> k = index.kpi(kpi.id);
    if (!k || !is_checked(kpi) || workspace.find_kpi(kpi.id) != &kpi) {
      continue;  // of KPIs that share an id, the first counts
    }
    const Period slot = last_slot_ending_by(*kpi.period, cutoff);
    if (!aggregates.period.contains(slot)) {
      continue;  // a slot outside the period scored is another run's business
    }
    std::vector<std::string> stale;
    for (int e : index.assignees(*k)) {
      const std::optional<Period>& active = index.active_days(e);
      if (active && !active->overlaps(slot)) {
        continue;  // not active during the slot: no row is expected
      }
      const Accumulator* cell = aggregates.at(index, *k, e);
      if (cell == nullptr || cell->rows == 0 || cell->last_end < slot.start) {
        stale.push_back(index.entity_id(e));
      }
    }
    if (stale.empty()) {
      continue;
    }
    out.push_back(Diagnostic{
        "stale-data", Severity::warning,
        fmt::format("{} has no row in or after {}, its last slot that ended at least {} day{} "
                    "before {}, for {}; the data may have stopped coming",
                    kpi.id, describe_period(slot), days, days == 1 ? "" : "s",
                    format_date(aggregates.as_of), names_of(stale)),
        kpi.pos.mapping, "settings.freshness_days sets how many days a slot has to get its rows"});
  }
  return out;
}

}  // namespace kpi
