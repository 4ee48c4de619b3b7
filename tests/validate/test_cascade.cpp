#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_cascade)

namespace {

/// Parent `mkt.revenue` (lines 17-26, cascade on line 26) and its children.
std::string family(const std::string& parent_target, const std::string& children,
                   const Fields& parent_extra = {}) {
  Fields fields = {{"target", parent_target}, {"cascade", "sum"}};
  fields.insert(fields.end(), parent_extra.begin(), parent_extra.end());
  return k_base + "kpis:\n" + block("mkt.revenue", fields) + children;
}

std::string child(const std::string& id, const std::string& target, const Fields& more = {}) {
  Fields fields = {{"target", target}, {"aligned_to", "mkt.revenue"}};
  fields.insert(fields.end(), more.begin(), more.end());
  return block(id, fields);
}

}  // namespace

BOOST_AUTO_TEST_CASE(children_short_of_the_parent_name_the_gap) {
  std::string text = family("12000000000", child("k.a", "6000000000") + child("k.b", "5400000000"));
  Diagnostic d = one(check(text), "cascade-gap");
  BOOST_TEST(at(d) == "26:14");
  BOOST_TEST(d.message ==
             "children of mkt.revenue add up to 11400000000, 600000000 short of its target "
             "12000000000; change the children's targets or the parent's");
  BOOST_TEST((d.severity == Severity::warning));
}

BOOST_AUTO_TEST_CASE(children_over_the_parent) {
  Diagnostic d =
      one(check(family("1000", child("k.a", "600") + child("k.b", "500"))), "cascade-gap");
  BOOST_TEST(d.message ==
             "children of mkt.revenue add up to 1100, 100 over its target 1000; change the "
             "children's targets or the parent's");
}

BOOST_AUTO_TEST_CASE(children_that_add_up_pass) {
  BOOST_TEST(
      of_rule(check(family("1000", child("k.a", "600") + child("k.b", "400"))), "cascade-gap")
          .empty());
}

BOOST_AUTO_TEST_CASE(weekly_children_roll_up_over_the_parents_month) {
  // November 2026 has 30 days: 700 a week is 100 a day, 3000 for the month (the weeks
  // at both ends count one day each, 1/7 of their target).
  std::string weekly = child("k.a", "700", {{"period", "weekly"}});
  BOOST_TEST(of_rule(check(family("3000", weekly)), "cascade-gap").empty());
  Diagnostic d = one(check(family("3100", weekly)), "cascade-gap");
  BOOST_TEST(d.message ==
             "children of mkt.revenue add up to 3000, 100 short of its target 3100; change the "
             "children's targets or the parent's");
}

BOOST_AUTO_TEST_CASE(children_in_another_unit_of_measure_do_not_count) {
  std::string text = family("1000", child("k.a", "1000") + child("k.b", "50", {{"unit", "\"%\""}}));
  BOOST_TEST(of_rule(check(text), "cascade-gap").empty());
}

BOOST_AUTO_TEST_CASE(the_reference_date_picks_the_parents_slot) {
  // The parent wants 2000 in December; the children still add up to 1000.
  std::string text = family("1000", child("k.a", "600") + child("k.b", "400"),
                            {{"overrides", "[{period: 2026-12, target: 2000}]"}});
  BOOST_TEST(of_rule(check(text, make_date(2026, 11, 30)), "cascade-gap").empty());
  Diagnostic d = one(check(text, make_date(2026, 12, 1)), "cascade-gap");
  BOOST_TEST(d.message ==
             "children of mkt.revenue add up to 1000, 1000 short of its target 2000; change the "
             "children's targets or the parent's");
}

BOOST_AUTO_TEST_CASE(without_cascade_nothing_is_compared) {
  std::string text =
      k_base + "kpis:\n" + block("mkt.revenue", {{"target", "1000"}}) + child("k.a", "10");
  BOOST_TEST(of_rule(check(text), "cascade-gap").empty());
}

BOOST_AUTO_TEST_SUITE_END()
