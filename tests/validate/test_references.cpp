#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_references)

BOOST_AUTO_TEST_CASE(unknown_owner_points_at_the_value_with_a_hint) {
  Diagnostic d =
      one(check(k_base + "kpis:\n" + block("k.a", {{"owner", "compnay"}})), "unknown-entity");
  BOOST_TEST(at(d) == "20:12");
  BOOST_TEST(d.message ==
             "unknown entity 'compnay' in owner of k.a; fix the name or define the entity");
  BOOST_TEST(d.hint == "did you mean 'company'?");
}

BOOST_AUTO_TEST_CASE(owner_may_be_a_unit_or_a_person) {
  std::string text = k_base + "kpis:\n" + block("k.a", {{"owner", "alice"}});
  BOOST_TEST(of_rule(check(text), "unknown-entity").empty());
}

BOOST_AUTO_TEST_CASE(unknown_assignee_and_override_entity) {
  std::string text = k_base + "kpis:\n" +
                     block("k.a", {{"assigned_to", "[alice, alise]"},
                                   {"overrides", "[{entity: bobb, target: 5}]"}});
  std::vector<Diagnostic> found = of_rule(check(text), "unknown-entity");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  // assigned_to (line 26) points at the unknown entry itself; the override at its entity.
  BOOST_TEST(at(found[0]) == "26:26");
  BOOST_TEST(found[0].hint == "did you mean 'alice'?");
  BOOST_TEST(at(found[1]) == "27:26");
  BOOST_TEST(found[1].message ==
             "unknown entity 'bobb' in an override of k.a; fix the name or define the entity");
}

BOOST_AUTO_TEST_CASE(known_assignees_and_override_entities_pass) {
  std::string text = k_base + "kpis:\n" +
                     block("k.a", {{"assigned_to", "[alice, company]"},
                                   {"overrides", "[{entity: alice, target: 5}]"}});
  BOOST_TEST(of_rule(check(text), "unknown-entity").empty());
}

BOOST_AUTO_TEST_CASE(unknown_parent_and_member_of) {
  std::vector<Diagnostic> findings = check(
      "version: 1\nname: T\nunits:\n  - id: company\n    name: C\n  - id: sales\n    name: S\n"
      "    parent: compny\n    manager: alise\npeople:\n  - id: alice\n    name: A\n"
      "    member_of: company\n  - id: bob\n    name: B\n    member_of: alice\n");
  std::vector<Diagnostic> units = of_rule(findings, "unknown-unit");
  BOOST_REQUIRE_EQUAL(units.size(), 2u);
  BOOST_TEST(at(units[0]) == "8:13");
  BOOST_TEST(units[0].message ==
             "unknown unit 'compny' in parent of sales; fix the name or define the unit");
  BOOST_TEST(units[0].hint == "did you mean 'company'?");
  BOOST_TEST(at(units[1]) == "16:16");
  Diagnostic manager = one(findings, "unknown-person");
  BOOST_TEST(at(manager) == "9:14");
  BOOST_TEST(manager.hint == "did you mean 'alice'?");
}

BOOST_AUTO_TEST_CASE(known_parent_manager_and_member_of_pass) {
  std::vector<Diagnostic> findings = check(
      "version: 1\nname: T\nunits:\n  - id: company\n    name: C\n  - id: sales\n    name: S\n"
      "    parent: company\n    manager: alice\npeople:\n  - id: alice\n    name: A\n"
      "    member_of: sales\n");
  BOOST_TEST(findings.empty());
}

BOOST_AUTO_TEST_CASE(unknown_aligned_to_and_formula_operand) {
  std::string text = k_base + "kpis:\n" + block("k.a") +
                     block("k.b", {{"aligned_to", "k.x"}, {"target", "~"}}) +
                     "    formula: 100 * k.a / k.c\n";
  std::vector<Diagnostic> found = of_rule(check(text), "unknown-kpi");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  // k.b starts on line 26; without target its type is line 33, aligned_to 34, formula 35.
  BOOST_TEST(at(found[0]) == "34:17");
  BOOST_TEST(found[0].message ==
             "unknown KPI 'k.x' in aligned_to of k.b; fix the name or define the KPI");
  BOOST_TEST(found[0].hint == "did you mean 'k.a'?");
  // "100 * k.a / k.c": k.c is the 13th character of the formula, whose value starts at 14.
  BOOST_TEST(at(found[1]) == "35:26");
  BOOST_TEST(found[1].message ==
             "unknown KPI 'k.c' in formula of k.b; fix the name or define the KPI");
}

BOOST_AUTO_TEST_CASE(unknown_assignee_in_a_block_list_points_at_its_own_line) {
  std::string text = k_base + "kpis:\n" + block("k.a", {{"assigned_to", ""}}) +
                     "      - alice\n"
                     "      - bobb\n";
  Diagnostic d = one(check(text), "unknown-entity");
  // k.a starts on line 17; assigned_to (an extra field) is on 26, its entries on 27, 28.
  BOOST_TEST(at(d) == "28:9");
}

BOOST_AUTO_TEST_CASE(operand_of_a_quoted_formula_is_pointed_at_exactly) {
  std::string text = k_base + "kpis:\n" + block("k.a") +
                     block("k.b", {{"target", "~"}, {"aligned_to", "k.a"}}) +
                     "    formula: \"k.a / k.zz\"\n";
  Diagnostic d = one(check(text), "unknown-kpi");
  // The value's quote is at column 14, so the text starts at 15 and k.zz (its 7th
  // character) at 21.
  BOOST_TEST(at(d) == "35:21");
}

BOOST_AUTO_TEST_CASE(known_aligned_to_and_operands_pass) {
  std::string text = k_base + "kpis:\n" + block("k.a") +
                     block("k.b", {{"aligned_to", "k.a"}, {"type", "operational"}}) +
                     block("k.c", {{"formula", "k.a + k.b"}, {"source", "~"}});
  BOOST_TEST(check(text).empty());
}

BOOST_AUTO_TEST_CASE(unknown_frame_on_a_kpi_and_in_settings) {
  std::string text = "version: 1\nname: T\nsettings:\n  default_frame: standrd\n" +
                     k_base.substr(k_base.find("frames:")) + "kpis:\n" +
                     block("k.a", {{"frame", "nope"}});
  std::vector<Diagnostic> found = of_rule(check(text), "unknown-frame");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(at(found[0]) == "4:18");
  BOOST_TEST(found[0].message ==
             "unknown frame 'standrd' in settings.default_frame; fix the name or define the "
             "frame");
  BOOST_TEST(found[0].hint == "did you mean 'standard'?");
  // 2 more lines than the base: k.a on line 19, its frame on line 28.
  BOOST_TEST(at(found[1]) == "28:12");
  BOOST_TEST(found[1].hint == "");
}

BOOST_AUTO_TEST_CASE(known_frames_pass) {
  std::string text = "version: 1\nname: T\nsettings:\n  default_frame: standard\n" +
                     k_base.substr(k_base.find("frames:")) + "kpis:\n" +
                     block("k.a", {{"frame", "standard"}});
  BOOST_TEST(check(text).empty());
}

BOOST_AUTO_TEST_SUITE_END()
