// Formulas over formulas: each actual computed once per entity, without recursion
// (issue 17: a chain of 10,000 crashed, a ladder of 40 took 2^40 evaluations).

#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/formula/formula.hpp"
#include "kpi/score/score.hpp"

using namespace score_fixtures;

namespace {

kpi::Kpi measured(const std::string& id) {
  kpi::Kpi k = make_kpi(id, kpi::SlotKind::monthly, kpi::Aggregate::sum, std::nullopt);
  k.assigned_to = {"alice"};
  return k;
}

kpi::Kpi formula(const std::string& id, const std::string& text) {
  kpi::Kpi k = measured(id);
  k.formula_text = text;
  k.formula = kpi::parse_formula(text).expr;
  BOOST_TEST_REQUIRE(k.formula != nullptr);
  return k;
}

kpi::Workspace workspace(std::vector<kpi::Kpi> kpis) {
  kpi::Workspace ws;
  ws.frames = {standard_frame()};
  kpi::Unit u;
  u.id = "sales";
  u.name = "Sales";
  ws.units = {u};
  kpi::Person p;
  p.id = "alice";
  p.name = "Alice";
  p.member_of = "sales";
  ws.people = {p};
  ws.kpis = std::move(kpis);
  return ws;
}

/// Scores October 2026 with `value` (one row) for `first`, or no row when nullopt.
std::vector<kpi::KpiScore> score(const kpi::Workspace& ws, const std::string& first,
                                 std::optional<double> value) {
  kpi::ScoreRequest request;
  request.token = "2026-10";
  request.period = month(2026, 10);
  request.as_of = day(2026, 11, 1);
  kpi::MeasurementIndex index(ws);
  kpi::PeriodAggregates agg;
  agg.period = request.period;
  agg.as_of = request.as_of;
  agg.cells.resize(static_cast<size_t>(index.slot_count()));
  if (value) {
    kpi::Accumulator& a =
        agg.cells[static_cast<size_t>(index.slot(*index.kpi(first), *index.entity("alice")))];
    a.rows = 1;
    a.sum = a.min = a.max = a.last = *value;
  }
  kpi::ScoreResult r = kpi::compute_scores(ws, index, agg, request);
  return r.entities.front().kpis;
}

std::vector<kpi::Kpi> chain(int n) {
  std::vector<kpi::Kpi> kpis = {measured("k0")};
  for (int i = 1; i < n; ++i) {
    kpis.push_back(formula("k" + std::to_string(i), "k" + std::to_string(i - 1) + " + 1"));
  }
  return kpis;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(score_formula_chain)

BOOST_AUTO_TEST_CASE(a_chain_of_10000_formulas_scores_without_recursion) {
  const std::vector<kpi::KpiScore> rows = score(workspace(chain(10000)), "k0", 1);
  BOOST_TEST_REQUIRE(rows.size() == 10000u);
  BOOST_TEST(rows[0].actual.value() == 1.0);
  BOOST_TEST(rows[1].actual.value() == 2.0);
  BOOST_TEST(rows[9999].id == "k9999");
  BOOST_TEST(rows[9999].actual.value() == 10000.0);
  BOOST_TEST(!rows[9999].rows.has_value());  // a formula KPI has no rows
}

BOOST_AUTO_TEST_CASE(a_missing_root_gives_short_reasons_down_the_chain) {
  const std::vector<kpi::KpiScore> rows = score(workspace(chain(10000)), "k0", std::nullopt);
  BOOST_TEST(rows[1].reason.value() == "no data for k0");
  BOOST_TEST(rows[2].reason.value() == "k1: no data for k0");
  BOOST_TEST(rows[9].reason.value() == "k8: k7: k6: k5: k4: k3: k2: k1: no data for k0");
  // Past 8 operands the middle of the chain is left out.
  BOOST_TEST(rows[10].reason.value() == "k9: …: no data for k0");
  BOOST_TEST(rows[9999].reason.value() == "k9998: …: no data for k0");
  BOOST_TEST(rows[9999].missing);
}

BOOST_AUTO_TEST_CASE(a_ladder_of_40_formulas_each_using_the_one_before_twice) {
  std::vector<kpi::Kpi> kpis = {measured("l0")};
  for (int i = 1; i < 40; ++i) {
    const std::string before = "l" + std::to_string(i - 1);
    kpis.push_back(formula("l" + std::to_string(i), before + " + " + before));
  }
  const std::vector<kpi::KpiScore> rows = score(workspace(kpis), "l0", 1);
  BOOST_TEST(rows[39].actual.value() == 549755813888.0);  // 2^39
}

BOOST_AUTO_TEST_CASE(operands_are_still_evaluated_lazily_left_to_right) {
  // b fails first, so c (which would name the other failure) is not the reason.
  const std::vector<kpi::KpiScore> rows =
      score(workspace({measured("m"), formula("b", "m / 0"), formula("c", "unknown.x + 1"),
                       formula("a", "b + c")}),
            "m", 5);
  BOOST_TEST(rows[3].reason.value() == "b: division by zero");
  BOOST_TEST(rows[2].reason.value() == "unknown KPI unknown.x");
}

BOOST_AUTO_TEST_CASE(a_cycle_ends_with_a_reason_instead_of_looping) {
  // Validation refuses cycles before scoring; the engine must still end.
  const std::vector<kpi::KpiScore> rows =
      score(workspace({measured("m"), formula("a", "b + 1"), formula("b", "a + 1")}), "m", 1);
  BOOST_TEST(rows[1].reason.value() == "b: formulas refer to each other through a");
  BOOST_TEST(rows[2].reason.value() == "formulas refer to each other through a");
}

BOOST_AUTO_TEST_SUITE_END()
