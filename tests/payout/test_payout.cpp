#include <boost/test/unit_test.hpp>

#include "../render/payroll_sample.hpp"
#include "kpi/payout/payout.hpp"

namespace {

/// The payroll sample's people with bonus bases: ana's tier B is withheld, ben is paid
/// 12,000,000, cid is not active; the unit is left out.
kpi::Workspace workspace() {
  kpi::Workspace ws;
  for (const char* id : {"ana", "ben", "cid"}) {
    kpi::Person p;
    p.id = id;
    p.member_of = "sales";
    ws.people.push_back(p);
  }
  ws.people[0].bonus_base = 10000000;
  ws.people[1].bonus_base = 12000000;
  return ws;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(payout_payout)

BOOST_AUTO_TEST_CASE(a_row_per_person_with_score_numbers) {
  kpi::ScoreResult scored = kpi::test::payroll_result(2);
  scored.entities[0].withheld_reward = kpi::Reward{"B", 1, 10000000};
  const kpi::Payout payout = kpi::build_payout(workspace(), scored);
  BOOST_TEST_REQUIRE(payout.people.size() == 3u);  // the unit is not paid

  const kpi::PayoutRow& ana = payout.people[0];
  BOOST_TEST(ana.id == "ana");
  BOOST_TEST(ana.unit == "sales");
  BOOST_TEST(*ana.total == 82.5);
  BOOST_TEST(*ana.coverage == 80.0);
  BOOST_TEST(*ana.tier == "B");  // what is held back is shown
  BOOST_TEST(*ana.multiplier == 1.0);
  BOOST_TEST(*ana.bonus_base == 10000000.0);
  BOOST_TEST(!ana.amount.has_value());  // withheld: nothing is paid
  BOOST_TEST(*ana.withheld == "1 of 2 KPIs unscored: sales.visits (no data)");

  const kpi::PayoutRow& ben = payout.people[1];
  BOOST_TEST(*ben.tier == "B");
  BOOST_TEST(*ben.amount == 12000000.0);
  BOOST_TEST(!ben.withheld.has_value());

  const kpi::PayoutRow& cid = payout.people[2];
  BOOST_TEST(!cid.total.has_value());
  BOOST_TEST(!cid.tier.has_value());
  BOOST_TEST(!cid.bonus_base.has_value());
  BOOST_TEST(cid.active_share == 0.0);
  BOOST_TEST(!cid.amount.has_value());

  BOOST_TEST(payout.total_amount == 12000000.0);
  BOOST_TEST(payout.paid == 1);
  BOOST_TEST(payout.withheld == 1);
  BOOST_TEST(payout.token == "2026-10");
}

BOOST_AUTO_TEST_CASE(the_sum_adds_the_amounts_as_listed) {
  kpi::ScoreResult scored = kpi::test::payroll_result(2);
  scored.entities[0].withheld.reset();
  scored.entities[0].reward = kpi::Reward{"C", 0.5, 4500000.25};
  const kpi::Payout payout = kpi::build_payout(workspace(), scored);
  BOOST_TEST(payout.total_amount == 16500000.25);
  BOOST_TEST(payout.paid == 2);
  BOOST_TEST(payout.withheld == 0);
}

BOOST_AUTO_TEST_SUITE_END()
