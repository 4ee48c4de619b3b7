#pragma once
// A small Report built by hand for the report renderers: the sample ScoreResult of
// sample.hpp with a person named to test escaping, compared with September.

#include "kpi/report/report.hpp"
#include "sample.hpp"

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
  in.trend = {*in.compared, in.current};
  return build_report(sample_workspace(), std::move(in));
}

}  // namespace kpi::test
