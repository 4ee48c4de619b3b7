#pragma once
// Internal: what the Markdown and HTML reports both need: the order of scorecards,
// changes against the compared period, trend values and how a period is described.

#include <optional>
#include <string>
#include <vector>

#include "kpi/report/report.hpp"

namespace kpi::render {

/// Units first (they are what managers read first), then people; definition order.
std::vector<const EntityScore*> scorecard_order(const ScoreResult& result);

/// The KPI of an entity in the report's period.
const KpiScore* current_kpi(const Report& report, std::string_view entity, std::string_view kpi);
/// The KPI of `entity` (an entity of the report's period) in the compared period.
const KpiScore* compared_kpi(const Report& report, const EntityScore& entity, std::string_view kpi);
std::optional<double> compared_total(const Report& report, const EntityScore& entity);

/// now - before when both exist.
std::optional<double> change(const std::optional<double>& now, const std::optional<double>& before);
/// "+2.5", "−1" (U+2212), "0", or the dash.
std::string signed_change(const std::optional<double>& delta);

/// One KPI of an entity of the report's period: its achievement per trend period, oldest
/// first, null where there is none.
std::vector<std::optional<double>> achievement_trend(const Report& report,
                                                     const EntityScore& entity,
                                                     const KpiScore& kpi);
/// An entity's total per trend period.
std::vector<std::optional<double>> total_trend(const Report& report, const EntityScore& entity);

/// ▁▂▃▄▅▆▇█ between the series' least and greatest value; "·" for a missing value;
/// empty for an empty series.
std::string block_sparkline(const std::vector<std::optional<double>>& values);

/// "1 October 2026 to 31 October 2026" (dates in words, in the labels' language).
std::string period_dates(const Period& period);
/// "closed" or "running: day 23 of 30".
std::string period_state(const Report& report);
/// "2026-09 (previous period)", "2025-10 (a year earlier)" or "" when nothing is compared.
std::string compared_description(const Report& report);
/// For a period without data, the sentence the md and html reports open with: "No data:
/// no measurement counts toward 2026-10 (2026-10-01 to 2026-10-31) as of 2026-11-05. ..."
std::string no_data_notice(const Report& report);
/// A total of the report (company, unit, person) as the text outputs print it.
std::string report_total(const Report& report, const std::optional<double>& total);

/// The KPI's name, or its id when the workspace does not define it (any more).
std::string kpi_name(const Report& report, std::string_view kpi);

/// Name of a status for people: "green", "amber", "red", "unscored".
std::string status_word(Status status);

}  // namespace kpi::render
