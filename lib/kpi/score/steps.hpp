#pragma once
// Internal to the score module: the steps compute_scores is made of, kept apart so
// that each can be tested on its own numbers.

#include <optional>
#include <string>
#include <vector>

#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"

namespace kpi::score_steps {

/// An achievement (percent, or the KPI's own unit under basis value), or why none.
struct Achievement {
  std::optional<double> value;
  std::string reason;  ///< set when value is empty
};

/// The basis/direction table of scoring.md. `target` and `baseline` are rolled up.
Achievement achievement(Basis basis, Direction direction, double actual,
                        const std::optional<Target>& target, const std::optional<double>& baseline);

/// What a frame makes of an achievement.
struct Grade {
  std::optional<double> points;
  std::optional<double> score;  ///< 100 x points / scale
  std::optional<std::string> label;
  Status status = Status::none;
  std::string reason;  ///< set when points is empty
};

/// Points, score, label and status for `achievement` under `frame`; `workspace_status`
/// is settings.status, used when neither the band nor the frame sets a status.
Grade grade(const Frame& frame, const StatusThresholds& workspace_status, double achievement);

/// green at or above `green`, amber at or above `amber`, else red.
Status status_for(const StatusThresholds& thresholds, double achievement);

/// sum w x score / sum w over the KPIs counted in the total; null when none is counted
/// or their weights sum to 0.
std::optional<double> weighted_total(const std::vector<KpiScore>& kpis);

/// Fills the totals of units without KPIs (the plain mean of their direct children's
/// totals, bottom-up) and every unit's members_mean. `entities` is in index order:
/// people, then units, each in definition order; `has_kpis[i]` says whether entity i
/// is assigned at least one KPI; person totals and totals of units with KPIs are set.
void roll_up_units(const Workspace& workspace, std::vector<EntityScore>& entities,
                   const std::vector<bool>& has_kpis);

/// The reward tier of a person with `total`; null without a total or without tiers.
std::optional<Reward> reward_for(const Workspace& workspace, const Person& person,
                                 const std::optional<double>& total);

}  // namespace kpi::score_steps

namespace kpi::score_steps {

/// round(x x 10^p) / 10^p in double, half away from zero (C's round); `precision` empty
/// (`none`): x as it is (scoring.md, "Totals", Precision).
double round_total(double x, const std::optional<int>& precision);
std::optional<double> round_total(const std::optional<double>& x,
                                  const std::optional<int>& precision);

/// 100 x (weights of the KPIs in the total) / (weights of the KPIs with a target); null
/// when the second sum is 0. KPIs without a target play no part. Never rounded.
std::optional<double> coverage_of(const std::vector<KpiScore>& kpis);

/// "2 of 5 KPIs unscored: sales.visits (no data), sales.margin (achievement undefined)":
/// of the KPIs with a target, those left out of the total, in definition order.
std::string withheld_text(const std::vector<KpiScore>& kpis);

/// Entity numbers of a unit, the units under it (recursively) and their people: whose
/// rows a `rollup_of` KPI of the unit takes.
std::vector<int> rollup_members(const Workspace& workspace, const MeasurementIndex& index,
                                const std::string& unit);

/// E_p: `stretch` cut to the person's [joined, left]; null when nothing is left.
std::optional<Period> active_stretch(const Period& stretch, const Person& person);

}  // namespace kpi::score_steps
