#pragma once
// Target, baseline and weight of a KPI for one entity, after overrides, rolled up over
// a stretch of days (scoring.md, "Target (and baseline)"). Shared by scoring and by
// the validator's cascade check.

#include <optional>
#include <string_view>
#include <vector>

#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

/// t_s of one slot: the KPI's target after the overrides that match (entity, slot).
/// `entity` empty: only period overrides apply (the KPI's own target).
std::optional<Target> slot_target(const Kpi& kpi, std::string_view entity, const Period& slot);
std::optional<double> slot_baseline(const Kpi& kpi, std::string_view entity, const Period& slot);

/// Target and baseline rolled up over `stretch` (E: the scored period, cut at the as-of
/// date when that falls inside it), by the KPI's aggregate. Formula KPIs roll up like mean.
struct RolledUp {
  std::optional<Target> target;
  std::optional<double> baseline;
};
RolledUp roll_up(const Kpi& kpi, std::string_view entity, const Period& stretch);

/// One slot overlapping a stretch, as roll_up takes it: its share f_s = days(s within
/// stretch) / days(s), its target and baseline after overrides, and the override that
/// set each (null: the KPI's own value). For `kpi explain`.
struct SlotDetail {
  Period slot;
  double factor = 1;
  std::optional<Target> target;
  const Override* target_from = nullptr;
  std::optional<double> baseline;
  const Override* baseline_from = nullptr;
};
std::vector<SlotDetail> slot_details(const Kpi& kpi, std::string_view entity,
                                     const Period& stretch);

/// The override that sets the weight for (entity, P), or null: the KPI's own weight.
const Override* weight_override(const Kpi& kpi, std::string_view entity, const Period& period);

/// The weight for (entity, P): a weight override with a period applies when P lies
/// inside that period; precedence entity+period > entity > period > the KPI's weight.
double weight_for(const Kpi& kpi, std::string_view entity, const Period& period);

}  // namespace kpi
