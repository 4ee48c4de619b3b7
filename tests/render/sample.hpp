#pragma once
// A small ScoreResult built by hand, shared by the renderer tests: a person with two KPIs
// (one missing), a person without KPIs or reward, and a unit with a range target. The
// KPIs have names and units; payroll_sample.hpp's have none (renderers show the ids).

#include "kpi/period/period.hpp"
#include "kpi/score/score.hpp"

namespace kpi::test {

inline KpiScore scored_kpi(std::string id, double actual, double target, double achievement,
                           double points, double score, double weight, Status status) {
  KpiScore k;
  k.id = std::move(id);
  k.actual = actual;
  k.target = Target{target, target, false};
  k.achievement = achievement;
  k.points = points;
  k.score = score;
  k.weight = weight;
  k.status = status;
  k.in_total = true;
  return k;
}

inline ScoreResult sample_result() {
  ScoreResult r;
  r.workspace = "ACME Corp";
  r.token = "2026-10";
  r.period = Period{make_date(2026, 10, 1), make_date(2026, 10, 31)};
  r.as_of = make_date(2026, 11, 1);

  EntityScore alice;
  alice.id = "alice";
  alice.name = "Alice Nguyen";
  alice.member_of = "sales";
  alice.total = 80;
  alice.reward = Reward{"B", 1.25, 15000000};
  KpiScore revenue =
      scored_kpi("sales.revenue", 2100000000, 2000000000, 105, 4, 80, 40, Status::green);
  revenue.name = "Net revenue";
  revenue.unit = "VND";
  revenue.label = "Achieved";
  revenue.rows = 23;
  KpiScore calls;
  calls.id = "sales.calls";
  calls.name = "Calls made";
  calls.unit = "calls";
  calls.target = Target{300, 300, false};
  calls.weight = 60;
  calls.rows = 0;
  calls.missing = true;
  calls.reason = "no measurements";
  alice.kpis = {revenue, calls};

  EntityScore carol;
  carol.id = "carol";
  carol.name = "Carol";
  carol.member_of = "sales";

  EntityScore sales;
  sales.id = "sales";
  sales.is_unit = true;
  sales.name = "Sales Department";
  sales.total = 100.0 / 3;
  sales.members_mean = 80;
  // 0.1 + 0.2: a number that only prints back exactly with 17 digits.
  KpiScore margin = scored_kpi("sales.margin", 0.1 + 0.2, 0, 100, 3, 100.0 / 3, 1, Status::amber);
  margin.name = "Gross margin";
  margin.unit = "ratio";
  margin.target = Target{0.25, 0.35, true};
  margin.rows = 3;
  sales.kpis = {margin};

  r.entities = {alice, carol, sales};
  r.warnings = {
      Diagnostic{"smart-specific", Severity::warning, "describe the outcome in a few words",
                 SourceLocation{"kpis/sales.yaml", 12, 5}, ""},
      Diagnostic{"missing-data", Severity::warning, "no rows for sales.calls", {}, ""},
  };
  return r;
}

}  // namespace kpi::test
