#pragma once
// Internal to explain: the achievement formula with its numbers, the next band up and the
// actual it needs, the next reward tier and the total it needs.

#include <optional>
#include <string>

#include "kpi/explain/explain.hpp"

namespace kpi::explain_steps {

/// "100 x A / T = 100 x 450000 / 500000 = 90" for the basis and direction of scoring.md's
/// table, with the KPI's rolled-up target and baseline.
std::string achievement_formula(Basis basis, Direction direction, const KpiScore& score);

/// The band with more points nearest the achievement, and the first actual (from the
/// current one on) that score's own achievement and grade put in that band; null for a
/// linear frame, an unscored KPI, the top band, or a band no actual reaches.
std::optional<NextBand> next_band(const Kpi& kpi, const Frame& frame, const KpiScore& score);

/// The tier, among those above the one `total` falls in, with the lowest `min`, which
/// reward_for gives at that min; null without a total, tiers, or a higher tier.
std::optional<NextTier> next_tier(const Workspace& workspace, const std::optional<double>& total);

}  // namespace kpi::explain_steps
