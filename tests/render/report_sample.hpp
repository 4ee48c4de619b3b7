#pragma once
// A small Report built by hand for the report renderers: the sample ScoreResult of
// sample.hpp with a person named to test escaping, compared with September.

#include "kpi/report/report.hpp"
#include "payroll_sample.hpp"

namespace kpi::test {

inline const char* const k_evil_name = "Eve <script>alert(1)</script> & \"Co\" | 'x'";

inline Workspace sample_workspace() {
  Workspace ws;
  ws.name = "ACME Corp";
  Unit sales;
  sales.id = "sales";
  sales.name = "Sales Department";
  ws.units = {sales};
  Kpi revenue;
  revenue.id = "sales.revenue";
  revenue.name = "Net revenue";
  revenue.period = SlotKind::monthly;
  revenue.target = Target{2000000000, 0, false};
  ws.kpis = {revenue};
  return ws;
}

inline Report sample_report() {
  ReportInputs in;
  in.current = sample_result();
  in.current.entities[1].name = k_evil_name;
  in.compared = in.current;
  in.compared->token = "2026-09";
  in.compared->period = Period{make_date(2026, 9, 1), make_date(2026, 9, 30)};
  in.compared->entities[0].total = 70;
  in.compared->entities[0].kpis[0].score = 60;
  in.compared->entities[0].kpis[0].achievement = 84;
  in.trend = kpi::start_trend(in.current);
  kpi::add_trend_period(in.trend, *in.compared, in.current);
  kpi::add_trend_period(in.trend, in.current, in.current);
  return build_report(sample_workspace(), std::move(in));
}

}  // namespace kpi::test

namespace kpi::test {

/// The payroll result (payroll_sample.hpp) as a report without comparison or trend, with
/// the warnings the data quality section lists: an empty glob, a repeated file, a row
/// outside a person's active days, and a finding it leaves to the warnings.
inline Report payroll_report() {
  ReportInputs in;
  in.current = payroll_result(2);
  in.current.warnings = {
      Diagnostic{"smart-specific", Severity::warning, "describe the outcome in a few words",
                 SourceLocation{"kpis/sales.yaml", 12, 5}, ""},
      Diagnostic{"inactive-row", Severity::warning, "cid left on 2026-09-30; row not counted",
                 SourceLocation{"data/sales.csv", 7, 1}, ""},
      Diagnostic{"data-empty", Severity::warning, "'data/2026-10/*.csv' matches no file",
                 SourceLocation{"kpi.yaml", 4, 5}, ""},
      Diagnostic{"data-repeated", Severity::warning, "named twice, read once",
                 SourceLocation{"data/sales.csv", 0, 0}, ""},
  };
  in.compare = CompareMode::none;
  return build_report(sample_workspace(), std::move(in));
}

/// The payroll report of a month in which no row counts: every KPI has 0 rows, and the
/// scorer's warning `no-data` says so when `warned`.
inline Report empty_period_report(bool warned) {
  ReportInputs in;
  in.current = payroll_result(2);
  for (EntityScore& e : in.current.entities) {
    e.total = std::nullopt;
    e.members_mean = std::nullopt;
    e.reward = std::nullopt;
    e.withheld = std::nullopt;
    for (KpiScore& k : e.kpis) {
      k.rows = 0;
    }
  }
  if (warned) {
    in.current.warnings = {Diagnostic{
        "no-data", Severity::warning, "no row counts toward 2026-10 (as of 2026-11-01)", {}, ""}};
  }
  in.compare = CompareMode::none;
  return build_report(sample_workspace(), std::move(in));
}

}  // namespace kpi::test
