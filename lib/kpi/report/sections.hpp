#pragma once
// Internal: the sections of a report, each computed on its own.

#include <optional>
#include <vector>

#include "kpi/report/report.hpp"

namespace kpi::report {

std::optional<double> company_total(const Workspace& workspace, const ScoreResult& result);
StatusCounts count_statuses(const ScoreResult& result);
/// `compared_index`: entity_indexes(current, compared).
std::vector<Mover> find_movers(const ScoreResult& current, const ScoreResult& compared,
                               const std::vector<int>& compared_index);
/// Needs `running` and `elapsed_days` of the report set.
std::vector<AtRisk> find_at_risk(const Workspace& workspace, const Report& report);
/// True when `current` has the warning `no-data`, or KPIs none of which counted a row.
bool period_has_no_data(const ScoreResult& current);
std::vector<QualityIssue> find_quality_issues(const ScoreResult& current,
                                              const std::vector<Diagnostic>& findings);

/// The actual extrapolated to the period's end by elapsed days: actual x days / elapsed.
double project(double actual, int period_days, int elapsed_days);

/// True when `value` misses `target` in the KPI's direction.
bool misses(Direction direction, double value, const Target& target);

}  // namespace kpi::report
