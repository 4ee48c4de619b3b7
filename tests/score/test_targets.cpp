#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "kpi/score/targets.hpp"

using namespace score_fixtures;
using kpi::Aggregate;
using kpi::SlotKind;

BOOST_AUTO_TEST_SUITE(score_targets)

BOOST_AUTO_TEST_CASE(weekly_sum_for_a_month_prorates_the_edge_weeks) {
  // 2026-10-01 is a Thursday. October 2026 overlaps five ISO weeks:
  //   W40 Sep 28..Oct 4: 4 of 7 days -> 70 x 4/7 = 40
  //   W41, W42, W43: whole           -> 70 each
  //   W44 Oct 26..Nov 1: 6 of 7 days -> 70 x 6/7 = 60
  // T = 40 + 70 + 70 + 70 + 60 = 310.
  kpi::Kpi k = make_kpi("calls", SlotKind::weekly, Aggregate::sum, 70);
  kpi::RolledUp r = kpi::roll_up(k, "alice", month(2026, 10));
  BOOST_REQUIRE(r.target);
  BOOST_TEST(r.target->value() == 310.0);
  BOOST_TEST(!r.target->is_range);
  BOOST_TEST(!r.baseline);
}

BOOST_AUTO_TEST_CASE(quarterly_sum_for_a_month_is_paced) {
  // Q4 2026 has 92 days, October 31: T = 900 x (31 / 92) = 303.2608695652174.
  kpi::Kpi k = make_kpi("deals", SlotKind::quarterly, Aggregate::sum, 900);
  k.baseline = 92;
  kpi::RolledUp r = kpi::roll_up(k, "alice", month(2026, 10));
  BOOST_REQUIRE(r.target);
  BOOST_TEST(r.target->value() == 900 * (31.0 / 92.0));
  BOOST_TEST(r.target->value() == 303.2608695652174);
  // The baseline rolls up by the same rule: 92 x 31/92 = 31.
  BOOST_TEST(r.baseline.value() == 31.0);
}

BOOST_AUTO_TEST_CASE(as_of_cut_paces_the_target) {
  // E = Oct 1 .. Nov 15 = 46 of Q4's 92 days: T = 900 x 46/92 = 450.
  kpi::Kpi k = make_kpi("deals", SlotKind::quarterly, Aggregate::sum, 900);
  kpi::RolledUp r = kpi::roll_up(k, "alice", span(day(2026, 10, 1), day(2026, 11, 15)));
  BOOST_TEST(r.target->value() == 450.0);
}

BOOST_AUTO_TEST_CASE(monthly_sum_for_a_quarter_with_a_december_override) {
  // Oct 100 + Nov 100 + Dec 150 = 350.
  kpi::Kpi k = make_kpi("revenue", SlotKind::monthly, Aggregate::sum, 100);
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.target = number(150);
  k.overrides = {dec};
  BOOST_TEST(kpi::roll_up(k, "alice", quarter(2026, 4)).target->value() == 350.0);
  // The KPI's own target (no entity) sees the period override too.
  BOOST_TEST(kpi::roll_up(k, "", quarter(2026, 4)).target->value() == 350.0);
}

BOOST_AUTO_TEST_CASE(override_precedence_per_field) {
  kpi::Kpi k = make_kpi("revenue", SlotKind::monthly, Aggregate::sum, 100);
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.target = number(150);
  kpi::Override alice = make_override(std::string("alice"), std::nullopt);
  alice.target = number(120);
  kpi::Override alice_dec = make_override(std::string("alice"), month(2026, 12), "2026-12");
  alice_dec.target = number(200);
  kpi::Override bob_weight = make_override(std::string("bob"), std::nullopt);
  bob_weight.weight = 5;  // sets no target: bob's targets come from elsewhere
  // Written most specific first, so order cannot be what decides.
  k.overrides = {alice_dec, alice, dec, bob_weight};
  // alice: Oct 120 (entity) + Nov 120 + Dec 200 (entity+period) = 440.
  BOOST_TEST(kpi::slot_target(k, "alice", month(2026, 10))->value() == 120.0);
  BOOST_TEST(kpi::slot_target(k, "alice", month(2026, 12))->value() == 200.0);
  BOOST_TEST(kpi::roll_up(k, "alice", quarter(2026, 4)).target->value() == 440.0);
  // bob: his override sets only the weight; Dec comes from the period override.
  BOOST_TEST(kpi::slot_target(k, "bob", month(2026, 12))->value() == 150.0);
  BOOST_TEST(kpi::roll_up(k, "bob", quarter(2026, 4)).target->value() == 350.0);
  // Entity beats period: carol's entity override wins over the December one.
  kpi::Override carol = make_override(std::string("carol"), std::nullopt);
  carol.target = number(90);
  k.overrides = {dec, carol};
  BOOST_TEST(kpi::slot_target(k, "carol", month(2026, 12))->value() == 90.0);
}

BOOST_AUTO_TEST_CASE(narrowest_period_wins_then_first_written) {
  kpi::Kpi k = make_kpi("revenue", SlotKind::monthly, Aggregate::sum, 100);
  kpi::Override q4 = make_override(std::nullopt, quarter(2026, 4), "2026-Q4");
  q4.target = number(110);
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.target = number(150);
  kpi::Override dec2 = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec2.target = number(160);
  k.overrides = {q4, dec, dec2};
  // Oct 110 + Nov 110 (Q4) + Dec 150 (narrower than Q4; first of two Decembers) = 370.
  BOOST_TEST(kpi::roll_up(k, "alice", quarter(2026, 4)).target->value() == 370.0);
  // A period override matches only slots inside it: September keeps 100.
  BOOST_TEST(kpi::slot_target(k, "alice", month(2026, 9))->value() == 100.0);
}

BOOST_AUTO_TEST_CASE(weekly_mean_weights_slots_by_days_in_the_stretch) {
  // Weekly mean KPI, target 10, W44 (Oct 26..Nov 1) overridden to 17. Over October:
  //   numerator   = 10x(4/7)x7 + 10x7 + 10x7 + 10x7 + 17x(6/7)x7 = 40+70+70+70+102 = 352
  //   denominator = (4/7)x7 + 7 + 7 + 7 + (6/7)x7                = 31
  // T = 352 / 31 = 11.35483870967742.
  kpi::Kpi k = make_kpi("handle-time", SlotKind::weekly, Aggregate::mean, 10);
  kpi::Override w44 =
      make_override(std::nullopt, span(day(2026, 10, 26), day(2026, 11, 1)), "2026-W44");
  w44.target = number(17);
  k.overrides = {w44};
  BOOST_TEST(kpi::roll_up(k, "alice", month(2026, 10)).target->value() == 352.0 / 31.0);
  // Formula KPIs roll up like mean whatever their aggregate says.
  k.aggregate = Aggregate::sum;
  k.formula_text = "a / b";
  BOOST_TEST(kpi::roll_up(k, "alice", month(2026, 10)).target->value() == 352.0 / 31.0);
}

BOOST_AUTO_TEST_CASE(last_takes_the_latest_slot) {
  kpi::Kpi k = make_kpi("headcount", SlotKind::monthly, Aggregate::last, 100);
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.target = number(130);
  k.overrides = {dec};
  // Q4: the latest slot is December -> 130 (not 100+100+130, not their mean).
  BOOST_TEST(kpi::roll_up(k, "alice", quarter(2026, 4)).target->value() == 130.0);
  // Cut at Nov 15: the latest slot overlapping E is November -> 100.
  BOOST_TEST(kpi::roll_up(k, "alice", span(day(2026, 10, 1), day(2026, 11, 15))).target->value() ==
             100.0);
}

BOOST_AUTO_TEST_CASE(range_rolls_up_bound_by_bound) {
  // Monthly mean range [2, 4], December [3, 5]; over Q4 (31 + 30 + 31 = 92 days):
  //   low  = (2x31 + 2x30 + 3x31) / 92 = 215/92
  //   high = (4x31 + 4x30 + 5x31) / 92 = 399/92
  kpi::Kpi k = make_kpi("temp", SlotKind::monthly, Aggregate::mean, std::nullopt);
  k.direction = kpi::Direction::range;
  k.target = range(2, 4);
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.target = range(3, 5);
  k.overrides = {dec};
  kpi::RolledUp r = kpi::roll_up(k, "alice", quarter(2026, 4));
  BOOST_REQUIRE(r.target);
  BOOST_TEST(r.target->is_range);
  BOOST_TEST(r.target->low == 215.0 / 92.0);
  BOOST_TEST(r.target->high == 399.0 / 92.0);
}

BOOST_AUTO_TEST_CASE(no_target_anywhere_is_null) {
  kpi::Kpi k = make_kpi("tracked", SlotKind::monthly, Aggregate::sum, std::nullopt);
  BOOST_TEST(!kpi::roll_up(k, "alice", quarter(2026, 4)).target);
}

BOOST_AUTO_TEST_CASE(slots_without_a_target_are_left_out) {
  // No target of its own, December overridden to 150: October and November add
  // nothing; Q4's T = 150 (our reading: scoring.md is silent on such gaps).
  kpi::Kpi k = make_kpi("revenue", SlotKind::monthly, Aggregate::sum, std::nullopt);
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.target = number(150);
  k.overrides = {dec};
  BOOST_TEST(kpi::roll_up(k, "alice", quarter(2026, 4)).target->value() == 150.0);
  // Under mean the average is over the days that have a target: 150x31 / 31.
  k.aggregate = Aggregate::mean;
  BOOST_TEST(kpi::roll_up(k, "alice", quarter(2026, 4)).target->value() == 150.0);
  // October alone has no target at all.
  BOOST_TEST(!kpi::roll_up(k, "alice", month(2026, 10)).target);
}

BOOST_AUTO_TEST_CASE(baseline_has_its_own_overrides) {
  // Monthly sum, baseline 80, Dec baseline 95 via a period override that sets no target.
  kpi::Kpi k = make_kpi("revenue", SlotKind::monthly, Aggregate::sum, 100);
  k.baseline = 80;
  kpi::Override dec = make_override(std::nullopt, month(2026, 12), "2026-12");
  dec.baseline = 95;
  k.overrides = {dec};
  kpi::RolledUp r = kpi::roll_up(k, "alice", quarter(2026, 4));
  BOOST_TEST(r.target->value() == 300.0);   // 100 x 3
  BOOST_TEST(r.baseline.value() == 255.0);  // 80 + 80 + 95
}

BOOST_AUTO_TEST_CASE(weight_override_with_a_period_applies_when_p_lies_inside) {
  kpi::Kpi k = make_kpi("revenue", SlotKind::monthly, Aggregate::sum, 100);
  k.weight = 1;
  kpi::Override q4 = make_override(std::nullopt, quarter(2026, 4), "2026-Q4");
  q4.weight = 3;
  kpi::Override bob = make_override(std::string("bob"), std::nullopt);
  bob.weight = 4;
  kpi::Override bob_dec = make_override(std::string("bob"), month(2026, 12), "2026-12");
  bob_dec.weight = 6;
  k.overrides = {q4, bob, bob_dec};
  BOOST_TEST(kpi::weight_for(k, "alice", month(2026, 10)) == 3.0);
  // September..October does not lie inside Q4: the KPI's own weight.
  BOOST_TEST(kpi::weight_for(k, "alice", span(day(2026, 9, 1), day(2026, 10, 31))) == 1.0);
  BOOST_TEST(kpi::weight_for(k, "bob", month(2026, 10)) == 4.0);   // entity beats period
  BOOST_TEST(kpi::weight_for(k, "bob", month(2026, 12)) == 6.0);   // entity+period beats entity
  BOOST_TEST(kpi::weight_for(k, "bob", quarter(2026, 4)) == 4.0);  // Q4 not inside December
}

BOOST_AUTO_TEST_SUITE_END()
