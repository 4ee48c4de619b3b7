#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_cycles)

BOOST_AUTO_TEST_CASE(unit_parents_in_a_loop_are_reported_once) {
  std::string text =
      "version: 1\nname: T\nunits:\n"
      "  - id: a\n    name: A\n    parent: c\n"   // 4-6
      "  - id: b\n    name: B\n    parent: a\n"   // 7-9
      "  - id: c\n    name: C\n    parent: b\n";  // 10-12
  Diagnostic d = one(check(text), "unit-cycle");
  BOOST_TEST(at(d) == "6:13");
  BOOST_TEST(d.message ==
             "unit parents form a cycle: a -> c -> b -> a; remove one of these parent links");
}

BOOST_AUTO_TEST_CASE(a_unit_that_is_its_own_parent) {
  Diagnostic d = one(check("version: 1\nname: T\nunits:\n  - id: a\n    name: A\n    parent: a\n"),
                     "unit-cycle");
  BOOST_TEST(at(d) == "6:13");
  BOOST_TEST(d.message == "unit parents form a cycle: a -> a; remove one of these parent links");
}

BOOST_AUTO_TEST_CASE(a_unit_tree_has_no_cycle) {
  std::string text =
      "version: 1\nname: T\nunits:\n"
      "  - id: a\n    name: A\n"
      "  - id: b\n    name: B\n    parent: a\n"
      "  - id: c\n    name: C\n    parent: b\n";
  BOOST_TEST(of_rule(check(text), "unit-cycle").empty());
}

BOOST_AUTO_TEST_CASE(aligned_to_in_a_loop) {
  std::string text = k_base + "kpis:\n" + block("k.a", {{"aligned_to", "k.b"}}) +  // 17-26
                     block("k.b", {{"aligned_to", "k.a"}});                        // 27-36
  Diagnostic d = one(check(text), "alignment-cycle");
  BOOST_TEST(at(d) == "26:17");
  BOOST_TEST(d.message ==
             "aligned_to links form a cycle: k.a -> k.b -> k.a; align one of these KPIs to a "
             "goal outside the loop");
}

BOOST_AUTO_TEST_CASE(aligned_to_a_chain_passes) {
  std::string text = k_base + "kpis:\n" + block("k.a") + block("k.b", {{"aligned_to", "k.a"}}) +
                     block("k.c", {{"aligned_to", "k.b"}});
  BOOST_TEST(of_rule(check(text), "alignment-cycle").empty());
}

BOOST_AUTO_TEST_CASE(formulas_in_a_loop_point_at_the_operand) {
  // k.a = k.x + k.b, k.b = 2 * k.a: one cycle, shown from k.a at its operand k.b.
  std::string text = k_base + "kpis:\n" + block("k.x") +         // 17-25
                     block("k.a", {{"formula", "k.x + k.b"}}) +  // 26-35
                     block("k.b", {{"formula", "2 * k.a"}});     // 36-45
  Diagnostic d = one(check(text), "formula-cycle");
  // "k.x + k.b": k.b is the 7th character; the value starts at column 14.
  BOOST_TEST(at(d) == "35:20");
  BOOST_TEST(d.message ==
             "formulas form a cycle: k.a -> k.b -> k.a; make one of these KPIs a measured KPI or "
             "change its formula");
}

BOOST_AUTO_TEST_CASE(a_formula_naming_the_same_kpi_twice_is_no_cycle) {
  std::string text = k_base + "kpis:\n" + block("k.x") + block("k.y") +
                     block("k.a", {{"formula", "k.x / (k.x + k.y)"}});
  BOOST_TEST(of_rule(check(text), "formula-cycle").empty());
}

BOOST_AUTO_TEST_CASE(six_thousand_cycles_on_one_path_each_named_in_short) {
  // c0 = c1, c(i) = c(i+1) + c0, c6000 = c0: 6,000 cycles of lengths 6,001 down to 2,
  // all leaving c0 at its operand c1 (line 26, column 14). Each message names at most
  // 10 KPIs, so the findings take memory in their number, not the sum of their lengths.
  std::string text = k_base + "kpis:\n" + block("c0", {{"formula", "c1"}});
  for (int i = 1; i <= 6000; ++i) {
    const std::string next = i < 6000 ? "c" + std::to_string(i + 1) + " + c0" : "c0";
    text += block("c" + std::to_string(i), {{"formula", next}});
  }
  std::vector<Diagnostic> cycles = of_rule(check(text), "formula-cycle");
  BOOST_REQUIRE_EQUAL(cycles.size(), 6000u);
  const std::string fix = "; make one of these KPIs a measured KPI or change its formula";
  BOOST_TEST(at(cycles.front()) == "26:14");
  BOOST_TEST(cycles.front().message ==
             "formulas form a cycle: c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> c7 -> c8 -> c9 -> "
             "… (5991 more) -> c0" +
                 fix);
  BOOST_TEST(
      cycles[5991].message ==
      "formulas form a cycle: c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> c7 -> c8 -> c9 -> c0" +
          fix);
  BOOST_TEST(cycles.back().message == "formulas form a cycle: c0 -> c1 -> c0" + fix);
  BOOST_TEST(at(cycles.back()) == "26:14");
}

BOOST_AUTO_TEST_SUITE_END()
