#include <boost/test/unit_test.hpp>

#include "kpi/author/author.hpp"
#include "kpi/yaml/definitions.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(author_render)

namespace {

Kpi minimal() {
  Kpi k;
  k.id = "sales.calls";
  k.name = "Customer calls";
  k.owner = "sales";
  k.unit = "calls";
  k.period = SlotKind::monthly;
  return k;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plain_scalars_stay_plain) {
  BOOST_TEST(yaml_scalar("Net revenue, excluding VAT") == "Net revenue, excluding VAT");
  BOOST_TEST(yaml_scalar("sales.revenue") == "sales.revenue");
  BOOST_TEST(yaml_scalar("Nguyễn Thị Lan") == "Nguyễn Thị Lan");
}

BOOST_AUTO_TEST_CASE(scalars_that_would_read_differently_are_quoted) {
  BOOST_TEST(yaml_scalar("%") == "\"%\"");
  BOOST_TEST(yaml_scalar("") == "\"\"");
  BOOST_TEST(yaml_scalar("yes") == "\"yes\"");
  BOOST_TEST(yaml_scalar("No") == "\"No\"");
  BOOST_TEST(yaml_scalar("2026") == "\"2026\"");
  BOOST_TEST(yaml_scalar("2026-12-31") == "\"2026-12-31\"");
  BOOST_TEST(yaml_scalar("1e3") == "\"1e3\"");
  BOOST_TEST(yaml_scalar("1st place") == "1st place");
  BOOST_TEST(yaml_scalar("Ratio: a/b") == "\"Ratio: a/b\"");
  BOOST_TEST(yaml_scalar("a #b") == "\"a #b\"");
  BOOST_TEST(yaml_scalar("- x") == "\"- x\"");
  BOOST_TEST(yaml_scalar("- \"q\" \\ \n") == "\"- \\\"q\\\" \\\\ \\n\"");
}

BOOST_AUTO_TEST_CASE(a_minimal_kpi_in_the_default_style) {
  BOOST_TEST(render_kpi_yaml(minimal(), YamlStyle{}) ==
             "  - id: sales.calls\n"
             "    name: Customer calls\n"
             "    owner: sales\n"
             "    unit: calls\n"
             "    period: monthly\n");
}

BOOST_AUTO_TEST_CASE(every_field_in_format_order_and_another_style) {
  Kpi k = minimal();
  k.description = "Calls to customers, one row per call";
  k.assigned_to = {"lan", "hung"};
  k.source = "Phone system export";
  k.direction = Direction::range;
  k.aggregate = Aggregate::count;
  k.target = Target{10, 20, true};
  k.baseline = 12.5;
  k.frame = "standard";
  k.weight = 20;
  k.aligned_to = "sales.revenue";
  k.type = KpiType::operational;
  k.indicator = Indicator::leading;
  k.group = "B";
  k.deadline = make_date(2026, 12, 31);
  k.tags = {"q4", "calls, outbound"};
  YamlStyle style;
  style.item_indent = 0;
  style.key_indent = 2;
  style.newline = "\r\n";
  BOOST_TEST(render_kpi_yaml(k, style) ==
             "- id: sales.calls\r\n"
             "  name: Customer calls\r\n"
             "  description: Calls to customers, one row per call\r\n"
             "  owner: sales\r\n"
             "  assigned_to: [lan, hung]\r\n"
             "  unit: calls\r\n"
             "  source: Phone system export\r\n"
             "  direction: range\r\n"
             "  aggregate: count\r\n"
             "  period: monthly\r\n"
             "  target: [10, 20]\r\n"
             "  baseline: 12.5\r\n"
             "  frame: standard\r\n"
             "  weight: 20\r\n"
             "  aligned_to: sales.revenue\r\n"
             "  type: operational\r\n"
             "  indicator: leading\r\n"
             "  group: B\r\n"
             "  deadline: 2026-12-31\r\n"
             "  tags: [q4, \"calls, outbound\"]\r\n");
}

BOOST_AUTO_TEST_CASE(members_a_formula_and_large_numbers) {
  Kpi k = minimal();
  k.assigned_to_members = true;
  k.unit = "%";
  k.aggregate = Aggregate::mean;  // not written: a formula KPI has no aggregate
  k.formula_text = "100 * a.orders / a.leads";
  k.target = Target{2000000000, 2000000000, false};
  BOOST_TEST(render_kpi_yaml(k, YamlStyle{}) ==
             "  - id: sales.calls\n"
             "    name: Customer calls\n"
             "    owner: sales\n"
             "    assigned_to: members\n"
             "    unit: \"%\"\n"
             "    formula: 100 * a.orders / a.leads\n"
             "    period: monthly\n"
             "    target: 2000000000\n");
}

BOOST_AUTO_TEST_CASE(what_is_rendered_reads_back_the_same) {
  Kpi k = minimal();
  k.name = "yes: \"quoted\" # not a comment";
  k.description = "  leading spaces, and a tab\tinside";
  k.unit = "%";
  k.target = Target{0.1, 0.1, false};
  LoadResult load =
      load_workspace_text("version: 1\nkpis:\n" + render_kpi_yaml(k, YamlStyle{}), "kpi.yaml");
  BOOST_TEST(load.diagnostics.empty());
  BOOST_REQUIRE(load.workspace.kpis.size() == 1u);
  const Kpi& back = load.workspace.kpis.front();
  BOOST_TEST(back.name == k.name);
  BOOST_TEST(*back.description == *k.description);
  BOOST_TEST(back.unit == "%");
  BOOST_TEST(back.target->value() == 0.1);
}

BOOST_AUTO_TEST_SUITE_END()
