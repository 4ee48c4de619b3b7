#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/score/score.hpp"

using namespace score_fixtures;
using kpi::Aggregate;
using kpi::SlotKind;
using kpi::Status;

namespace {

// The workspace every case starts from (October 2026 unless said otherwise):
//   units company > sales, ops, legal;  people alice (sales, bonus 12 000 000),
//   bob (sales, no bonus), carol (ops, no KPI)
//   sales.revenue  monthly sum, target 100, weight 2          alice, bob
//   sales.calls    weekly sum, target 70, weight 1, Q4 -> 3   alice, bob
//   sales.leads    monthly sum, no target (tracked)           alice, bob
//   sales.orders   monthly sum, no target (tracked)           alice, bob
//   sales.conv     100 * sales.orders / sales.leads, target 25 alice, bob
//   ops.cost       monthly sum, lower, target 1000            ops
// Frame: format.md's standard (scale 5); rewards A >= 95 x1.5, B >= 80 x1, C >= 60 x0.5, D x0.
kpi::Kpi sales_kpi(std::string id, SlotKind period, std::optional<double> target) {
  kpi::Kpi k = make_kpi(std::move(id), period, Aggregate::sum, target);
  k.owner = "sales";
  k.assigned_to = {"alice", "bob"};
  return k;
}

kpi::Kpi formula_kpi(std::string id, const std::string& text, std::optional<double> target) {
  kpi::Kpi k = sales_kpi(std::move(id), SlotKind::monthly, target);
  k.formula_text = text;
  k.formula = kpi::parse_formula(text).expr;
  return k;
}

kpi::Workspace make_workspace(kpi::MissingPolicy missing = kpi::MissingPolicy::skip) {
  kpi::Workspace ws;
  ws.name = "ACME";
  ws.settings.missing = missing;
  ws.frames = {standard_frame()};
  auto tier = [](std::optional<double> min, std::string label, double m) {
    kpi::RewardTier t;
    t.min = min;
    t.label = std::move(label);
    t.multiplier = m;
    return t;
  };
  ws.rewards = {tier(95, "A", 1.5), tier(80, "B", 1.0), tier(60, "C", 0.5),
                tier(std::nullopt, "D", 0)};
  auto unit = [](std::string id, std::string parent) {
    kpi::Unit u;
    u.id = std::move(id);
    u.name = u.id;
    u.parent = std::move(parent);
    return u;
  };
  ws.units = {unit("company", ""), unit("sales", "company"), unit("ops", "company"),
              unit("legal", "company")};
  auto person = [](std::string id, std::string unit, std::optional<double> bonus) {
    kpi::Person p;
    p.id = std::move(id);
    p.name = p.id;
    p.member_of = std::move(unit);
    p.bonus_base = bonus;
    return p;
  };
  ws.people = {person("alice", "sales", 12000000), person("bob", "sales", std::nullopt),
               person("carol", "ops", std::nullopt)};
  kpi::Kpi revenue = sales_kpi("sales.revenue", SlotKind::monthly, 100);
  revenue.weight = 2;
  kpi::Kpi calls = sales_kpi("sales.calls", SlotKind::weekly, 70);
  kpi::Override q4 = make_override(std::nullopt, quarter(2026, 4), "2026-Q4");
  q4.weight = 3;
  calls.overrides = {q4};
  kpi::Kpi cost = make_kpi("ops.cost", SlotKind::monthly, Aggregate::sum, 1000);
  cost.owner = "ops";
  cost.direction = kpi::Direction::lower;
  ws.kpis = {revenue,
             calls,
             sales_kpi("sales.leads", SlotKind::monthly, std::nullopt),
             sales_kpi("sales.orders", SlotKind::monthly, std::nullopt),
             formula_kpi("sales.conv", "100 * sales.orders / sales.leads", 25),
             cost};
  return ws;
}

/// The accumulators of October, as the CSV reader would leave them.
kpi::PeriodAggregates make_aggregates(const kpi::Workspace& ws, const kpi::MeasurementIndex& index,
                                      const kpi::ScoreRequest& request) {
  kpi::PeriodAggregates agg;
  agg.period = request.period;
  agg.as_of = request.as_of;
  agg.cells.resize(static_cast<size_t>(index.slot_count()));
  auto set = [&](const std::string& kpi, const std::string& entity, int64_t rows, double sum) {
    const int slot = index.slot(*index.kpi(kpi), *index.entity(entity));
    BOOST_TEST_REQUIRE(slot >= 0);
    kpi::Accumulator& a = agg.cells[static_cast<size_t>(slot)];
    a.rows = rows;
    a.sum = sum;
    a.min = a.max = a.last = sum / static_cast<double>(rows);
  };
  set("sales.revenue", "alice", 3, 105);
  set("sales.revenue", "bob", 2, 70);
  set("sales.calls", "alice", 5, 310);
  set("sales.leads", "alice", 1, 40);
  set("sales.orders", "alice", 1, 12);
  set("sales.leads", "bob", 1, 0);
  set("sales.orders", "bob", 1, 0);
  set("ops.cost", "ops", 1, 900);
  (void)ws;
  agg.warnings.push_back(kpi::Diagnostic{
      "partial-overlap", kpi::Severity::warning, "row overlaps", {"d.csv", 4, 1}, {}});
  return agg;
}

kpi::ScoreRequest october() {
  kpi::ScoreRequest r;
  r.token = "2026-10";
  r.period = month(2026, 10);
  r.as_of = day(2026, 11, 1);
  return r;
}

kpi::ScoreResult run(const kpi::Workspace& ws, const kpi::ScoreRequest& request) {
  kpi::MeasurementIndex index(ws);
  return kpi::compute_scores(ws, index, make_aggregates(ws, index, request), request);
}

const kpi::EntityScore& entity(const kpi::ScoreResult& r, const std::string& id) {
  for (const kpi::EntityScore& e : r.entities) {
    if (e.id == id) {
      return e;
    }
  }
  throw std::runtime_error("no entity " + id);
}

const kpi::KpiScore& row(const kpi::EntityScore& e, const std::string& id) {
  for (const kpi::KpiScore& k : e.kpis) {
    if (k.id == id) {
      return k;
    }
  }
  throw std::runtime_error("no row " + id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(score_engine)

BOOST_AUTO_TEST_CASE(entities_people_first_kpis_in_definition_order) {
  kpi::ScoreResult r = run(make_workspace(), october());
  BOOST_TEST(r.workspace == "ACME");
  BOOST_TEST(r.token == "2026-10");
  std::vector<std::string> ids;
  for (const auto& e : r.entities) {
    ids.push_back(e.id);
  }
  BOOST_TEST(ids == (std::vector<std::string>{"alice", "bob", "carol", "company", "sales", "ops",
                                              "legal"}),
             boost::test_tools::per_element());
  const auto& alice = entity(r, "alice");
  BOOST_REQUIRE(alice.kpis.size() == 5u);
  BOOST_TEST(alice.kpis[0].id == "sales.revenue");
  BOOST_TEST(alice.kpis[4].id == "sales.conv");
  BOOST_TEST(alice.member_of.value() == "sales");
  BOOST_TEST(!entity(r, "ops").member_of);
}

BOOST_AUTO_TEST_CASE(a_plain_kpi_scored) {
  // alice, revenue: A = 105, T = 100 -> 105 % -> band Achieved, 4 points, 100 x 4/5 = 80.
  kpi::ScoreResult r = run(make_workspace(), october());
  const auto& k = row(entity(r, "alice"), "sales.revenue");
  BOOST_TEST(k.actual.value() == 105.0);
  BOOST_TEST(k.target->value() == 100.0);
  BOOST_TEST(k.achievement.value() == 105.0);
  BOOST_TEST(k.points.value() == 4.0);
  BOOST_TEST(k.score.value() == 80.0);
  BOOST_TEST(k.weight.value() == 2.0);
  BOOST_TEST((k.status == Status::green));
  BOOST_TEST(k.label.value() == "Achieved");
  BOOST_TEST(k.rows.value() == 3);
  BOOST_TEST(!k.missing);
  BOOST_TEST(!k.reason);
  BOOST_TEST(k.in_total);
}

BOOST_AUTO_TEST_CASE(weekly_kpi_and_weight_override_with_a_period) {
  // calls over October: T = 40 + 70 + 70 + 70 + 60 = 310; A = 310 -> 100 % -> 4 points.
  // October lies inside the Q4 weight override: weight 3.
  kpi::ScoreResult r = run(make_workspace(), october());
  const auto& k = row(entity(r, "alice"), "sales.calls");
  BOOST_TEST(k.target->value() == 310.0);
  BOOST_TEST(k.achievement.value() == 100.0);
  BOOST_TEST(k.score.value() == 80.0);
  BOOST_TEST(k.weight.value() == 3.0);
  // Scored for September..October, P is not inside Q4: the KPI's weight 1.
  kpi::ScoreRequest req = october();
  req.period = span(day(2026, 9, 1), day(2026, 10, 31));
  BOOST_TEST(row(entity(run(make_workspace(), req), "alice"), "sales.calls").weight.value() == 1.0);
}

BOOST_AUTO_TEST_CASE(tracked_kpi_without_target_is_unscored) {
  kpi::ScoreResult r = run(make_workspace(), october());
  const auto& k = row(entity(r, "alice"), "sales.leads");
  BOOST_TEST(k.actual.value() == 40.0);
  BOOST_TEST(!k.target);
  BOOST_TEST(!k.achievement);
  BOOST_TEST(!k.points);
  BOOST_TEST((k.status == Status::none));
  BOOST_TEST(k.reason.value() == "no target");
  BOOST_TEST(!k.missing);
  BOOST_TEST(!k.in_total);
}

BOOST_AUTO_TEST_CASE(formula_kpi_and_its_division_by_zero) {
  kpi::ScoreResult r = run(make_workspace(), october());
  // alice: 100 x 12 / 40 = 30; T = 25 (monthly, rolled like mean) -> 120 % -> 5 points -> 100.
  const auto& a = row(entity(r, "alice"), "sales.conv");
  BOOST_TEST(a.actual.value() == 30.0);
  BOOST_TEST(!a.rows);
  BOOST_TEST(a.target->value() == 25.0);
  BOOST_TEST(a.achievement.value() == 120.0);
  BOOST_TEST(a.score.value() == 100.0);
  BOOST_TEST(a.label.value() == "Outstanding");
  // bob: 100 x 0 / 0: missing, with the reason; skipped.
  const auto& b = row(entity(r, "bob"), "sales.conv");
  BOOST_TEST(b.missing);
  BOOST_TEST(!b.actual);
  BOOST_TEST(!b.rows);
  BOOST_TEST(b.reason.value() == "division by zero");
  BOOST_TEST(!b.score);
  BOOST_TEST((b.status == Status::none));
  BOOST_TEST(!b.in_total);
}

BOOST_AUTO_TEST_CASE(formula_operand_not_assigned_or_missing_itself) {
  kpi::Workspace ws = make_workspace();
  ws.kpis.push_back(formula_kpi("sales.per-cost", "sales.revenue / ops.cost", std::nullopt));
  ws.kpis.push_back(formula_kpi("sales.conv2", "sales.conv * 2", std::nullopt));
  kpi::ScoreResult r = run(ws, october());
  BOOST_TEST(row(entity(r, "alice"), "sales.per-cost").reason.value() ==
             "ops.cost is not assigned to alice");
  BOOST_TEST(row(entity(r, "alice"), "sales.conv2").actual.value() == 60.0);
  BOOST_TEST(row(entity(r, "bob"), "sales.conv2").reason.value() == "sales.conv: division by zero");
  // bob has no calls at all: a formula over them says which operand.
  ws.kpis.push_back(formula_kpi("sales.calls2", "sales.calls + 1", std::nullopt));
  BOOST_TEST(row(entity(run(ws, october()), "bob"), "sales.calls2").reason.value() ==
             "no data for sales.calls");
}

BOOST_AUTO_TEST_CASE(missing_under_skip) {
  kpi::ScoreResult r = run(make_workspace(), october());
  const auto& bob = entity(r, "bob");
  const auto& calls = row(bob, "sales.calls");
  BOOST_TEST(calls.missing);
  BOOST_TEST(calls.rows.value() == 0);
  BOOST_TEST(calls.reason.value() == "no data for sales.calls");
  BOOST_TEST(!calls.points);
  BOOST_TEST(!calls.score);
  BOOST_TEST(!calls.label);
  BOOST_TEST((calls.status == Status::none));
  BOOST_TEST(calls.target->value() == 310.0);  // still shown
  // bob: revenue 70 % -> Weak, 1 point -> 20, status red; calls and conv skipped:
  // total = 2 x 20 / 2 = 20 -> tier D, withheld (issue 13): coverage 100 x 2 / (2 + 3 + 1)
  // of the KPIs with a target is below 100.
  BOOST_TEST(row(bob, "sales.revenue").score.value() == 20.0);
  BOOST_TEST((row(bob, "sales.revenue").status == Status::red));
  BOOST_TEST(bob.total.value() == 20.0);
  BOOST_TEST(bob.coverage.value() == 100.0 * 2 / 6);
  BOOST_TEST(!bob.reward);
  BOOST_TEST(bob.withheld.value() ==
             "2 of 3 KPIs unscored: sales.calls (no data), sales.conv (no actual)");
  // Warnings: the aggregates' own, then one per skipped missing actual.
  BOOST_REQUIRE(r.warnings.size() == 3u);
  BOOST_TEST(r.warnings[0].rule == "partial-overlap");
  BOOST_TEST(r.warnings[1].rule == "missing-data");
  BOOST_TEST((r.warnings[1].severity == kpi::Severity::warning));
  BOOST_TEST(r.warnings[1].message ==
             "sales.calls for bob has no actual for 2026-10 (no data for sales.calls); left out "
             "of the total");
  BOOST_TEST(r.warnings[2].message ==
             "sales.conv for bob has no actual for 2026-10 (division by zero); left out of the "
             "total");
}

BOOST_AUTO_TEST_CASE(missing_under_zero) {
  kpi::ScoreResult r = run(make_workspace(kpi::MissingPolicy::zero), october());
  const auto& bob = entity(r, "bob");
  const auto& calls = row(bob, "sales.calls");
  BOOST_TEST(calls.missing);
  BOOST_TEST(calls.points.value() == 0.0);
  BOOST_TEST(calls.score.value() == 0.0);
  BOOST_TEST((calls.status == Status::red));
  BOOST_TEST(!calls.actual);
  BOOST_TEST(!calls.achievement);
  BOOST_TEST(!calls.label);
  BOOST_TEST(calls.in_total);
  // (2 x 20 + 3 x 0 + 1 x 0) / (2 + 3 + 1) = 40 / 6 = 6.666.. -> 6.67 (precision 2) -> D.
  BOOST_TEST(bob.total.value() == 6.67);
  BOOST_TEST(bob.coverage.value() == 100.0);  // kept in under zero: covered
  BOOST_TEST(bob.reward->label == "D");
  BOOST_REQUIRE(r.warnings.size() == 1u);  // only the aggregates' own: zero says nothing
}

BOOST_AUTO_TEST_CASE(zero_deals_with_missing_before_the_target_is_looked_at) {
  // A tracked KPI (no target) without data still counts as a 0 under `zero`:
  // alice = (2 x 80 + 3 x 80 + 1 x 100 + 1 x 0) / 7 = 500 / 7 = 71.428.. -> 71.43.
  kpi::Workspace ws = make_workspace(kpi::MissingPolicy::zero);
  ws.kpis.push_back(sales_kpi("sales.visits", SlotKind::monthly, std::nullopt));
  kpi::ScoreResult r = run(ws, october());
  BOOST_TEST(row(entity(r, "alice"), "sales.visits").score.value() == 0.0);
  BOOST_TEST(entity(r, "alice").total.value() == 71.43);
  // Under skip the same KPI is left out: 500 / 6 -> 83.33 as before.
  ws.settings.missing = kpi::MissingPolicy::skip;
  BOOST_TEST(entity(run(ws, october()), "alice").total.value() == 83.33);
}

BOOST_AUTO_TEST_CASE(totals_rewards_and_unit_roll_up) {
  kpi::ScoreResult r = run(make_workspace(), october());
  // alice: (2 x 80 + 3 x 80 + 1 x 100) / (2 + 3 + 1) = 500 / 6 = 83.333.. -> 83.33
  // (precision 2) -> B, amount 12 000 000 x 1.0.
  const auto& alice = entity(r, "alice");
  BOOST_TEST(alice.total.value() == 83.33);
  BOOST_TEST(alice.coverage.value() == 100.0);
  BOOST_TEST(alice.reward->label == "B");
  BOOST_TEST(alice.reward->amount.value() == 12000000.0);
  BOOST_TEST(!alice.members_mean);
  // carol: no KPI -> no total, no reward.
  BOOST_TEST(!entity(r, "carol").total);
  BOOST_TEST(!entity(r, "carol").reward);
  BOOST_TEST(entity(r, "carol").kpis.empty());
  // ops: cost 900 against 1000, lower: 100 x (2 - 0.9) = 110.00000000000001 -> 4 points -> 80.
  const auto& ops = entity(r, "ops");
  BOOST_TEST(row(ops, "ops.cost").achievement.value() == 110.00000000000001);
  BOOST_TEST(ops.total.value() == 80.0);
  BOOST_TEST(!ops.members_mean);  // carol has no total
  BOOST_TEST(!ops.reward);
  // sales (no KPI): the rounded totals (83.33 + 20) / 2 = 51.665 -> 51.67 = members_mean;
  // coverage null (no KPI assigned).
  BOOST_TEST(entity(r, "sales").total.value() == 51.67);
  BOOST_TEST(entity(r, "sales").members_mean.value() == 51.67);
  BOOST_TEST(!entity(r, "sales").coverage);
  // legal: neither KPIs nor members.
  BOOST_TEST(!entity(r, "legal").total);
  BOOST_TEST(!entity(r, "legal").members_mean);
  // company: (51.67 + 80) / 2 = 65.835 -> 65.84 (legal has none).
  BOOST_TEST(entity(r, "company").total.value() == 65.84);
  BOOST_TEST(entity(r, "company").members_mean.value() == 65.84);
}

BOOST_AUTO_TEST_CASE(as_of_inside_the_period_paces_targets) {
  // E = Oct 1..15. revenue: T = 100 x 15/31 = 48.38709677419355,
  // achievement = 100 x 105 / T = 216.99999999999997. calls: 40 + 70 + 70 x 4/7 = 150.
  kpi::ScoreRequest req = october();
  req.as_of = day(2026, 10, 15);
  kpi::ScoreResult r = run(make_workspace(), req);
  const auto& rev = row(entity(r, "alice"), "sales.revenue");
  BOOST_TEST(rev.target->value() == 48.38709677419355);
  BOOST_TEST(rev.achievement.value() == 216.99999999999997);
  BOOST_TEST(row(entity(r, "alice"), "sales.calls").target->value() == 150.0);
  // An as-of date after P changes nothing.
  BOOST_TEST(
      row(entity(run(make_workspace(), october()), "alice"), "sales.revenue").target->value() ==
      100.0);
}

BOOST_AUTO_TEST_CASE(filters_narrow_the_listing_not_the_totals) {
  kpi::ScoreRequest req = october();
  req.entities = {"alice"};
  req.kpis = {"sales.revenue"};
  kpi::ScoreResult r = run(make_workspace(), req);
  BOOST_REQUIRE(r.entities.size() == 1u);
  BOOST_REQUIRE(r.entities[0].kpis.size() == 1u);
  BOOST_TEST(r.entities[0].total.value() == 83.33);  // over all five KPIs (500 / 6, precision 2)
  BOOST_TEST(r.warnings.size() == 1u);               // bob is not listed: no missing-data warnings

  req = october();
  req.unit = "sales";
  r = run(make_workspace(), req);
  std::vector<std::string> ids;
  for (const auto& e : r.entities) {
    ids.push_back(e.id);
  }
  BOOST_TEST(ids == (std::vector<std::string>{"alice", "bob", "sales"}),
             boost::test_tools::per_element());
  req.unit = "company";
  BOOST_TEST(run(make_workspace(), req).entities.size() == 7u);
}

BOOST_AUTO_TEST_CASE(unknown_filter_ids_are_usage_errors) {
  kpi::ScoreRequest req = october();
  req.entities = {"alise"};
  try {
    run(make_workspace(), req);
    BOOST_FAIL("no error");
  } catch (const kpi::Error& e) {
    BOOST_TEST(e.exit_status == kpi::k_exit_usage);
    BOOST_TEST(e.diagnostic.message == "unknown entity 'alise'");
    BOOST_TEST(e.diagnostic.hint == "did you mean 'alice'?");
  }
  req = october();
  req.kpis = {"sales.nope"};
  BOOST_CHECK_THROW(run(make_workspace(), req), kpi::Error);
}

BOOST_AUTO_TEST_SUITE_END()
