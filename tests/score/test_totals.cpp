#include <boost/test/unit_test.hpp>

#include "kpi/score/steps.hpp"

using kpi::EntityScore;
using kpi::KpiScore;
using kpi::score_steps::reward_for;
using kpi::score_steps::roll_up_units;
using kpi::score_steps::weighted_total;

namespace {

KpiScore scored(double weight, double score) {
  KpiScore k;
  k.weight = weight;
  k.score = score;
  k.in_total = true;
  return k;
}

EntityScore person(std::string id, std::string unit, std::optional<double> total) {
  EntityScore e;
  e.id = std::move(id);
  e.member_of = std::move(unit);
  e.total = total;
  return e;
}

EntityScore unit(std::string id, std::optional<double> total = std::nullopt) {
  EntityScore e;
  e.id = std::move(id);
  e.is_unit = true;
  e.total = total;
  return e;
}

kpi::Unit unit_def(std::string id, std::string parent) {
  kpi::Unit u;
  u.id = std::move(id);
  u.parent = std::move(parent);
  return u;
}

kpi::Workspace with_rewards() {
  kpi::Workspace ws;
  auto tier = [](std::optional<double> min, std::string label, double m) {
    kpi::RewardTier t;
    t.min = min;
    t.label = std::move(label);
    t.multiplier = m;
    return t;
  };
  ws.rewards = {tier(95, "A", 1.5), tier(80, "B", 1.0), tier(60, "C", 0.5),
                tier(std::nullopt, "D", 0)};
  return ws;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(score_totals)

BOOST_AUTO_TEST_CASE(weighted_mean_over_the_kpis_counted) {
  // (40 x 80 + 60 x 60) / (40 + 60) = (3200 + 3600) / 100 = 68.
  std::vector<KpiScore> kpis = {scored(40, 80), scored(60, 60)};
  BOOST_TEST(weighted_total(kpis).value() == 68.0);
  // An unscored KPI (undefined achievement, or missing under skip) is in neither sum.
  KpiScore unscored;
  unscored.weight = 100;
  kpis.push_back(unscored);
  BOOST_TEST(weighted_total(kpis).value() == 68.0);
}

BOOST_AUTO_TEST_CASE(missing_under_zero_counts_as_a_zero_score) {
  // skip: only the 80 counts -> 80. zero: (1 x 80 + 1 x 0) / 2 = 40.
  KpiScore skipped;
  skipped.missing = true;
  BOOST_TEST(weighted_total({scored(1, 80), skipped}).value() == 80.0);
  KpiScore zeroed = scored(1, 0);
  zeroed.missing = true;
  BOOST_TEST(weighted_total({scored(1, 80), zeroed}).value() == 40.0);
}

BOOST_AUTO_TEST_CASE(no_total_without_scored_kpis_or_with_zero_weights) {
  BOOST_TEST(!weighted_total({}));
  BOOST_TEST(!weighted_total({scored(0, 80), scored(0, 60)}));
}

BOOST_AUTO_TEST_CASE(units_roll_up_from_their_children) {
  // company (no KPI)
  //   erin (person, 90)
  //   sales (no KPI): alice 80, bob 60, carol null  -> total = members_mean = (80+60)/2 = 70
  //   ops (has KPIs, total 50): dave 95             -> total 50, members_mean 95
  //   legal (no KPI, no members)                    -> total null, members_mean null
  // company: children's non-null totals, people first: (90 + 70 + 50) / 3 = 70.
  kpi::Workspace ws;
  ws.units = {unit_def("company", ""), unit_def("sales", "company"), unit_def("ops", "company"),
              unit_def("legal", "company")};
  std::vector<EntityScore> es = {person("erin", "company", 90),
                                 person("alice", "sales", 80),
                                 person("bob", "sales", 60),
                                 person("carol", "sales", {}),
                                 person("dave", "ops", 95),
                                 unit("company"),
                                 unit("sales"),
                                 unit("ops", 50),
                                 unit("legal")};
  std::vector<bool> has_kpis = {true, true, true, false, true, false, false, true, false};
  roll_up_units(ws, es, has_kpis);
  BOOST_TEST(es[6].total.value() == 70.0);
  BOOST_TEST(es[6].members_mean.value() == 70.0);
  BOOST_TEST(es[7].total.value() == 50.0);  // from its own KPIs, not its members
  BOOST_TEST(es[7].members_mean.value() == 95.0);
  BOOST_TEST(!es[8].total);
  BOOST_TEST(!es[8].members_mean);
  BOOST_TEST(es[5].total.value() == 70.0);
  BOOST_TEST(es[5].members_mean.value() == 70.0);
  BOOST_TEST(es[0].total.value() == 90.0);  // people untouched
}

BOOST_AUTO_TEST_CASE(unit_with_kpis_but_none_scored_has_no_total) {
  kpi::Workspace ws;
  ws.units = {unit_def("sales", "")};
  std::vector<EntityScore> es = {person("alice", "sales", 80), unit("sales")};
  roll_up_units(ws, es, {true, true});
  BOOST_TEST(!es[1].total);  // it has KPIs: no mean of its members instead
  BOOST_TEST(es[1].members_mean.value() == 80.0);
}

BOOST_AUTO_TEST_CASE(reward_first_tier_in_written_order) {
  kpi::Workspace ws = with_rewards();
  kpi::Person alice;
  alice.bonus_base = 12000000;
  auto r = reward_for(ws, alice, 87.5);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->label == "B");
  BOOST_TEST(r->multiplier == 1.0);
  BOOST_TEST(r->amount.value() == 12000000.0);
  // 95 exactly: min is inclusive -> A, 12 000 000 x 1.5 = 18 000 000.
  BOOST_TEST(reward_for(ws, alice, 95)->amount.value() == 18000000.0);
  // Below every min: the catch-all D, amount 0.
  auto d = reward_for(ws, alice, 10);
  BOOST_TEST(d->label == "D");
  BOOST_TEST(d->amount.value() == 0.0);
}

BOOST_AUTO_TEST_CASE(reward_without_bonus_base_total_or_tiers) {
  kpi::Workspace ws = with_rewards();
  kpi::Person bob;  // no bonus_base
  auto r = reward_for(ws, bob, 60);
  BOOST_TEST(r->label == "C");
  BOOST_TEST(r->multiplier == 0.5);
  BOOST_TEST(!r->amount);
  BOOST_TEST(!reward_for(ws, bob, std::nullopt));
  BOOST_TEST(!reward_for(kpi::Workspace{}, bob, 99));
}

BOOST_AUTO_TEST_SUITE_END()
