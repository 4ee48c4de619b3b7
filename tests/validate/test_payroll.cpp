#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_payroll)

BOOST_AUTO_TEST_CASE(rollup_of_must_name_a_measured_kpi) {
  // k.a lines 17..25, k.f 26..35 (formula on 35), k.r 36..45 (rollup_of on 45).
  const std::string text = k_base + "kpis:\n" + block("k.a") +
                           block("k.f", {{"formula", "k.a * 2"}}) +
                           block("k.r", {{"rollup_of", "k.f"}});
  const Diagnostic d = one(check(text), "rollup-of");
  BOOST_TEST(at(d) == "45:16");
  BOOST_TEST(d.message ==
             "'rollup_of' of k.r names the formula KPI 'k.f', which has no rows; name a measured "
             "KPI (or write a formula)");
  BOOST_TEST(blocks_scoring(d));
}

BOOST_AUTO_TEST_CASE(rollup_of_a_measured_kpi_on_a_unit_passes) {
  const std::string text = k_base + "kpis:\n" + block("k.a", {{"owner", "alice"}}) +
                           block("k.r", {{"rollup_of", "k.a"}});
  BOOST_TEST(of_rule(check(text), "rollup-of").empty());
}

BOOST_AUTO_TEST_CASE(rollup_of_an_unknown_kpi_and_on_a_person) {
  const std::string unknown =
      k_base + "kpis:\n" + block("k.a") + block("k.r", {{"rollup_of", "k.b"}});
  const Diagnostic d = one(check(unknown), "unknown-kpi");
  BOOST_TEST(at(d) == "35:16");
  BOOST_TEST(d.hint == "did you mean 'k.a'?");
  const std::string person =
      k_base + "kpis:\n" + block("k.a") + block("k.r", {{"owner", "alice"}, {"rollup_of", "k.a"}});
  const Diagnostic p = one(check(person), "rollup-of");
  BOOST_TEST(at(p) == "29:12");  // the owner, since assigned_to is not written
  BOOST_TEST(p.message ==
             "KPI 'k.r' sets 'rollup_of' but is assigned to the person 'alice'; a rollup is "
             "assigned to units only");
}

BOOST_AUTO_TEST_CASE(left_before_joined) {
  std::string text = k_base;
  text.replace(text.find("    member_of: company\n"), 22,
               "    member_of: company\n    joined: 2026-10-16\n    left: 2026-10-01\n");
  const Diagnostic d = one(check(text), "joined-after-left");
  BOOST_TEST(at(d) == "17:11");
  BOOST_TEST(d.message ==
             "person 'alice' left on 2026-10-01, before joining on 2026-10-16; 'left' is the last "
             "active day and cannot come before 'joined'");
  std::string same_day = k_base;
  same_day.replace(same_day.find("    member_of: company\n"), 22,
                   "    member_of: company\n    joined: 2026-10-16\n    left: 2026-10-16\n");
  BOOST_TEST(of_rule(check(same_day), "joined-after-left").empty());
}

BOOST_AUTO_TEST_SUITE_END()
