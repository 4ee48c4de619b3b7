#pragma once
// A small workspace built by hand for the csv and score tests.

#include "kpi/model/model.hpp"

namespace kpi_test {

inline kpi::Kpi make_kpi(std::string id, std::string owner, kpi::Aggregate aggregate,
                         std::vector<std::string> assigned_to = {}) {
  kpi::Kpi k;
  k.id = std::move(id);
  k.name = k.id;
  k.owner = std::move(owner);
  k.aggregate = aggregate;
  k.period = kpi::SlotKind::monthly;
  k.assigned_to = std::move(assigned_to);
  return k;
}

/// Entities in index order: alice 0, bob 1, carol 2, sales 3, ops 4.
/// KPIs in index order: sales.revenue 0 (sum; alice, bob), ops.tickets 1 (count; ops),
/// ops.uptime 2 (last; ops), mkt.conv 3 (formula), sales.calls 4 (mean; members of
/// sales), sales.deal 5 (max; alice), sales.low 6 (min; alice).
inline kpi::Person make_person(std::string id, std::string name, std::string unit) {
  kpi::Person p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.member_of = std::move(unit);
  return p;
}

inline kpi::Unit make_unit(std::string id, std::string name) {
  kpi::Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  return u;
}

inline kpi::Workspace make_workspace() {
  kpi::Workspace w;
  w.name = "test";
  w.units.push_back(make_unit("sales", "Sales"));
  w.units.push_back(make_unit("ops", "Operations"));
  w.people.push_back(make_person("alice", "Alice", "sales"));
  w.people.push_back(make_person("bob", "Bob", "sales"));
  w.people.push_back(make_person("carol", "Carol", "ops"));
  w.kpis.push_back(make_kpi("sales.revenue", "sales", kpi::Aggregate::sum, {"alice", "bob"}));
  w.kpis.push_back(make_kpi("ops.tickets", "ops", kpi::Aggregate::count));
  w.kpis.push_back(make_kpi("ops.uptime", "ops", kpi::Aggregate::last));
  kpi::Kpi formula = make_kpi("mkt.conv", "sales", kpi::Aggregate::sum);
  formula.formula_text = "100 * sales.deal / sales.calls";
  w.kpis.push_back(formula);
  kpi::Kpi calls = make_kpi("sales.calls", "sales", kpi::Aggregate::mean);
  calls.assigned_to_members = true;
  w.kpis.push_back(calls);
  w.kpis.push_back(make_kpi("sales.deal", "alice", kpi::Aggregate::max));
  w.kpis.push_back(make_kpi("sales.low", "alice", kpi::Aggregate::min));
  return w;
}

}  // namespace kpi_test
