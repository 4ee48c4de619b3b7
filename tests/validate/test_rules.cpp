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

BOOST_AUTO_TEST_CASE(files_sort_in_definition_order_and_unlisted_ones_by_name_after) {
  Workspace ws;
  ws.files = {"kpi.yaml", "kpis/b.yaml", "kpis/a.yaml"};
  const std::vector<std::pair<std::string, int>> places = {
      {"z.yaml", 1},      {"kpis/a.yaml", 9}, {"kpis/b.yaml", 30}, {"c.yaml", 4},
      {"kpis/a.yaml", 2}, {"kpi.yaml", 40},   {"kpis/b.yaml", 3}};
  for (const auto& [file, line] : places) {
    Kpi k;
    k.id = "k" + std::to_string(ws.kpis.size());
    k.pos.mapping = {file, line, 5};
    ws.kpis.push_back(k);
  }
  std::string order;
  for (const Diagnostic& d :
       of_rule(validate_workspace(ws, make_date(2026, 11, 23)), "smart-source")) {
    order += d.where.file + ":" + std::to_string(d.where.line) + " ";
  }
  BOOST_TEST(order ==
             "kpi.yaml:40 kpis/b.yaml:3 kpis/b.yaml:30 kpis/a.yaml:2 kpis/a.yaml:9 c.yaml:4 "
             "z.yaml:1 ");
}

BOOST_AUTO_TEST_SUITE_END()
