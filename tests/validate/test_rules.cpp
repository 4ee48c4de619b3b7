#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_rules)

BOOST_AUTO_TEST_CASE(the_base_workspace_is_clean) {
  BOOST_TEST(check(k_base + "kpis:\n" + block("k.a")).empty());
}

BOOST_AUTO_TEST_CASE(findings_follow_file_order_then_line_and_column) {
  // Checks run by concern (references before SMART), but the output is by position.
  std::string text =
      k_base + "kpis:\n" + block("k.a", {{"source", "~"}}) + block("k.b", {{"owner", "nobody"}});
  std::vector<Diagnostic> findings = check(text);
  BOOST_REQUIRE_EQUAL(findings.size(), 2u);
  BOOST_TEST(findings[0].rule == "smart-source");
  BOOST_TEST(at(findings[0]) == "17:5");
  BOOST_TEST(findings[1].rule == "unknown-entity");
  BOOST_TEST(at(findings[1]) == "28:12");
}

BOOST_AUTO_TEST_CASE(severity_comes_from_the_catalogue) {
  std::vector<Diagnostic> findings =
      check(k_base + "kpis:\n" + block("k.a", {{"source", "~"}, {"owner", "nobody"}}));
  BOOST_TEST((one(findings, "smart-source").severity == Severity::warning));
  BOOST_TEST((one(findings, "unknown-entity").severity == Severity::error));
}

BOOST_AUTO_TEST_SUITE_END()
