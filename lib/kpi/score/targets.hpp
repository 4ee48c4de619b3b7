#pragma once
// Target, baseline and weight of a KPI for one entity, after overrides, rolled up over
// a stretch of days (scoring.md, "Target (and baseline)"). Shared by scoring and by
// the validator's cascade check.

#include <optional>
#include <string_view>

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

/// The weight for (entity, P): a weight override with a period applies when P lies
/// inside that period; precedence entity+period > entity > period > the KPI's weight.
double weight_for(const Kpi& kpi, std::string_view entity, const Period& period);

}  // namespace kpi
