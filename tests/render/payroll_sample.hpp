#pragma once
// A hand-made ScoreResult for the payroll rules (scoring.md, "Totals" and "People who
// join or leave"): a withheld reward at coverage 80, a full scorecard whose total 94.996
// sits just below tier A's 95, a person not active in the period, and a unit.

#include "sample.hpp"

namespace kpi::test {

inline ScoreResult payroll_result(std::optional<int> precision) {
  ScoreResult r;
  r.workspace = "ACME Corp";
  r.token = "2026-10";
  r.period = Period{make_date(2026, 10, 1), make_date(2026, 10, 31)};
  r.as_of = make_date(2026, 11, 1);
  r.precision = precision;

  EntityScore ana;
  ana.id = "ana";
  ana.name = "Ana";
  ana.member_of = "sales";
  ana.total = 82.5;
  ana.coverage = 80;
  ana.withheld = "1 of 2 KPIs unscored: sales.visits (no data)";
  KpiScore revenue = scored_kpi("sales.revenue", 110, 100, 110, 4, 82.5, 80, Status::green);
  revenue.rows = 3;
  KpiScore visits;
  visits.id = "sales.visits";
  visits.target = Target{20, 20, false};
  visits.weight = 20;
  visits.rows = 0;
  visits.missing = true;
  visits.reason = "no data";
  ana.kpis = {revenue, visits};

  EntityScore ben;
  ben.id = "ben";
  ben.name = "Ben";
  ben.member_of = "sales";
  ben.total = 94.996;
  ben.coverage = 100;
  ben.reward = Reward{"B", 1, 12000000};
  KpiScore ben_revenue =
      scored_kpi("sales.revenue", 130, 100, 130, 4.7498, 94.996, 100, Status::green);
  ben_revenue.rows = 2;
  ben.kpis = {ben_revenue};

  // Left on 2026-09-30: listed, every number null.
  EntityScore cid;
  cid.id = "cid";
  cid.name = "Cid";
  cid.member_of = "sales";
  cid.active = false;
  cid.active_share = 0;
  KpiScore idle;
  idle.id = "sales.revenue";
  idle.weight = std::nullopt;
  idle.rows = 0;
  idle.reason = "not active in P";
  cid.kpis = {idle};

  EntityScore sales;
  sales.id = "sales";
  sales.is_unit = true;
  sales.name = "Sales";
  sales.total = 88.748;
  sales.members_mean = 88.748;

  r.entities = {ana, ben, cid, sales};
  return r;
}

}  // namespace kpi::test
