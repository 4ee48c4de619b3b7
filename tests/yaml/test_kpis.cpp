// KPI definitions: every field, targets, overrides, assignees, formulas and their findings.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using kpi::test::k_kpi_head;
using kpi::test::load;
using kpi::test::only;
using kpi::test::where;

BOOST_AUTO_TEST_SUITE(yaml_kpis)

BOOST_AUTO_TEST_CASE(every_field_is_read_with_its_position) {
  kpi::LoadResult r = load(k_kpi_head +
                           "    description: Net revenue invoiced\n"  // 8
                           "    assigned_to: [alice, bob]\n"          // 9
                           "    source: CRM export\n"                 // 10
                           "    direction: lower\n"                   // 11
                           "    aggregate: mean\n"                    // 12
                           "    target: 2000000000\n"                 // 13
                           "    baseline: 1.8e9\n"                    // 14
                           "    frame: standard\n"                    // 15
                           "    weight: 40\n"                         // 16
                           "    aligned_to: company.revenue\n"        // 17
                           "    cascade: sum\n"                       // 18
                           "    type: operational\n"                  // 19
                           "    indicator: leading\n"                 // 20
                           "    group: B\n"                           // 21
                           "    deadline: 2026-12-31\n"               // 22
                           "    tags: [q4, board]\n");                // 23
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Kpi& k = r.workspace.kpis.at(0);
  BOOST_TEST(k.id == "sales.revenue");
  BOOST_TEST(k.name == "Revenue");
  BOOST_TEST(k.description.value() == "Net revenue invoiced");
  BOOST_TEST(k.owner == "sales");
  BOOST_TEST((k.assigned_to == std::vector<std::string>{"alice", "bob"}));
  BOOST_TEST(!k.assigned_to_members);
  BOOST_TEST(k.unit == "VND");
  BOOST_TEST(k.source.value() == "CRM export");
  BOOST_TEST((k.direction == kpi::Direction::lower));
  BOOST_TEST((k.aggregate == kpi::Aggregate::mean));
  BOOST_TEST((k.period.value() == kpi::SlotKind::monthly));
  BOOST_TEST(k.target->value() == 2000000000.0);
  BOOST_TEST(!k.target->is_range);
  BOOST_TEST(k.baseline.value() == 1.8e9);
  BOOST_TEST(k.frame == "standard");
  BOOST_TEST(k.weight == 40.0);
  BOOST_TEST(k.aligned_to == "company.revenue");
  BOOST_TEST(k.cascade_sum);
  BOOST_TEST((k.type.value() == kpi::KpiType::operational));
  BOOST_TEST((k.indicator.value() == kpi::Indicator::leading));
  BOOST_TEST(k.group.value() == "B");
  BOOST_TEST(kpi::format_date(k.deadline.value()) == "2026-12-31");
  BOOST_TEST((k.tags == std::vector<std::string>{"q4", "board"}));
  BOOST_TEST(!k.is_formula());
  // Positions: the mapping starts at its first key; values and keys where written.
  BOOST_TEST(k.pos.mapping.line == 3);
  BOOST_TEST(k.pos.mapping.column == 5);
  BOOST_TEST(k.pos.at("target").line == 13);
  BOOST_TEST(k.pos.at("target").column == 13);
  BOOST_TEST(k.pos.key_at("target").column == 5);
  BOOST_TEST(k.pos.at("deadline").line == 22);
  BOOST_TEST(k.pos.at("deadline").column == 15);
  BOOST_TEST(k.pos.at("target").file == "kpi.yaml");
  BOOST_TEST(!k.pos.has("formula"));
}

BOOST_AUTO_TEST_CASE(defaults_when_optional_fields_are_absent) {
  kpi::LoadResult r = load(k_kpi_head);
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Kpi& k = r.workspace.kpis.at(0);
  BOOST_TEST((k.direction == kpi::Direction::higher));
  BOOST_TEST((k.aggregate == kpi::Aggregate::sum));
  BOOST_TEST(k.weight == 1.0);
  BOOST_TEST(!k.target.has_value());
  BOOST_TEST(k.assigned_to.empty());
  BOOST_TEST(!k.cascade_sum);
}

BOOST_AUTO_TEST_CASE(range_target_is_a_pair) {
  kpi::LoadResult r = load(k_kpi_head + "    direction: range\n    target: [95, 105.5]\n");
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Target& t = r.workspace.kpis.at(0).target.value();
  BOOST_TEST(t.is_range);
  BOOST_TEST(t.low == 95.0);
  BOOST_TEST(t.high == 105.5);
}

BOOST_AUTO_TEST_CASE(range_target_of_three_values_is_a_wrong_type) {
  kpi::Diagnostic d = only(load(k_kpi_head + "    target: [1, 2, 3]\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:8:13");
  BOOST_TEST(d.message == "a range 'target' must be a pair [low, high], not a list of 3 values");
  kpi::Diagnostic high = only(load(k_kpi_head + "    target: [1, x]\n"));
  BOOST_TEST(high.rule == "wrong-type");
  BOOST_TEST(where(high) == "kpi.yaml:8:17");
}

BOOST_AUTO_TEST_CASE(assigned_to_single_id_and_members) {
  kpi::LoadResult one = load(k_kpi_head + "    assigned_to: alice\n");
  BOOST_TEST((one.workspace.kpis.at(0).assigned_to == std::vector<std::string>{"alice"}));
  kpi::LoadResult members = load(k_kpi_head + "    assigned_to: members\n");
  BOOST_TEST(members.diagnostics.empty());
  BOOST_TEST(members.workspace.kpis.at(0).assigned_to_members);
  BOOST_TEST(members.workspace.kpis.at(0).assigned_to.empty());
}

BOOST_AUTO_TEST_CASE(overrides_keep_entity_period_target_baseline_weight) {
  kpi::LoadResult r = load(k_kpi_head +
                           "    overrides:\n"                                 // 8
                           "      - {entity: alice, target: 130}\n"           // 9
                           "      - {period: 2026-12, target: 2500000000}\n"  // 10
                           "      - entity: bob\n"                            // 11
                           "        period: 2026-Q4\n"                        // 12
                           "        target: [1, 2]\n"                         // 13
                           "        baseline: 5\n"                            // 14
                           "        weight: 30\n");                           // 15
  BOOST_TEST(r.diagnostics.empty());
  const std::vector<kpi::Override>& o = r.workspace.kpis.at(0).overrides;
  BOOST_REQUIRE_EQUAL(o.size(), 3u);
  BOOST_TEST(o[0].entity.value() == "alice");
  BOOST_TEST(!o[0].period.has_value());
  BOOST_TEST(o[0].target->value() == 130.0);
  BOOST_TEST(o[0].pos.mapping.line == 9);
  BOOST_TEST(o[0].pos.mapping.column == 9);
  BOOST_TEST(o[0].pos.at("target").column == 33);
  BOOST_TEST(!o[1].entity.has_value());
  BOOST_TEST(o[1].period_token == "2026-12");
  BOOST_TEST(kpi::format_date(o[1].period->start) == "2026-12-01");
  BOOST_TEST(kpi::format_date(o[1].period->end) == "2026-12-31");
  BOOST_TEST(o[2].entity.value() == "bob");
  BOOST_TEST(kpi::format_date(o[2].period->start) == "2026-10-01");
  BOOST_TEST(o[2].target->is_range);
  BOOST_TEST(o[2].baseline.value() == 5.0);
  BOOST_TEST(o[2].weight.value() == 30.0);
  BOOST_TEST(o[2].pos.mapping.line == 11);
  BOOST_TEST(o[2].pos.mapping.column == 9);
}

BOOST_AUTO_TEST_CASE(override_with_a_bad_period_or_without_entity_and_period) {
  kpi::Diagnostic bad =
      only(load(k_kpi_head + "    overrides:\n      - {period: 2026-13, target: 1}\n"));
  BOOST_TEST(bad.rule == "bad-value");
  BOOST_TEST(where(bad) == "kpi.yaml:9:18");
  BOOST_TEST(bad.message.find("override period '2026-13' cannot be read") == 0);
  kpi::Diagnostic neither = only(load(k_kpi_head + "    overrides:\n      - {target: 1}\n"));
  BOOST_TEST(neither.rule == "missing-field");
  BOOST_TEST(where(neither) == "kpi.yaml:9:9");
  kpi::Diagnostic key = only(load(k_kpi_head + "    overrides:\n      - {entity: a, wieght: 1}\n"));
  BOOST_TEST(key.rule == "unknown-key");
  BOOST_TEST(key.message == "unknown key 'wieght' in an override");
  BOOST_TEST(key.hint == "did you mean 'weight'?");
}

BOOST_AUTO_TEST_CASE(deadline_that_does_not_exist_is_a_bad_value) {
  kpi::LoadResult r = load(k_kpi_head + "    deadline: 2026-02-30\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "bad-value");
  BOOST_TEST(where(d) == "kpi.yaml:8:15");
  BOOST_TEST(d.message == "'deadline' must be a real day written YYYY-MM-DD, not '2026-02-30'");
  BOOST_TEST(!r.workspace.kpis.at(0).deadline.has_value());
}

BOOST_AUTO_TEST_CASE(bad_enums_name_the_allowed_values) {
  kpi::Diagnostic period =
      only(load("version: 1\nkpis:\n  - {id: k, name: K, owner: s, unit: u, period: monthy}\n"));
  BOOST_TEST(period.rule == "bad-value");
  BOOST_TEST(where(period) == "kpi.yaml:3:49");
  BOOST_TEST(period.message ==
             "'period' must be one of daily, weekly, monthly, quarterly, yearly, not 'monthy'");
  BOOST_TEST(period.hint == "did you mean 'monthly'?");
  BOOST_TEST(only(load(k_kpi_head + "    group: D\n")).message ==
             "'group' must be one of A, B, C, not 'D'");
  BOOST_TEST(only(load(k_kpi_head + "    cascade: mean\n")).message ==
             "'cascade' must be one of sum, not 'mean'");
  BOOST_TEST(only(load(k_kpi_head + "    aggregate: avg\n")).rule == "bad-value");
  BOOST_TEST(only(load(k_kpi_head + "    type: tactical\n")).rule == "bad-value");
  BOOST_TEST(only(load(k_kpi_head + "    indicator: lead\n")).rule == "bad-value");
}

BOOST_AUTO_TEST_CASE(missing_fields_point_at_the_start_of_the_mapping) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "kpis:\n"
      "  - name: Revenue\n"
      "    unit: VND\n");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 3u);
  const char* keys[] = {"id", "owner", "period"};
  for (std::size_t i = 0; i < 3; ++i) {
    BOOST_TEST(r.diagnostics[i].rule == "missing-field");
    BOOST_TEST(where(r.diagnostics[i]) == "kpi.yaml:3:5");
    BOOST_TEST(r.diagnostics[i].message == std::string("a KPI lacks the required key '") + keys[i] +
                                               "'; add '" + keys[i] + ": ...'");
  }
  kpi::Diagnostic named =
      only(load("version: 1\nkpis:\n  - {id: k, name: K, owner: s, unit: u}\n"));
  BOOST_TEST(where(named) == "kpi.yaml:3:5");  // the flow mapping's brace
  BOOST_TEST(named.message == "KPI 'k' lacks the required key 'period'; add 'period: ...'");
}

BOOST_AUTO_TEST_CASE(bad_id_is_reported_and_kept) {
  kpi::LoadResult r = load(
      "version: 1\nkpis:\n  - {id: Sales Revenue, name: K, owner: s, unit: u, period: daily}\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "bad-id");
  BOOST_TEST(where(d) == "kpi.yaml:3:10");
  BOOST_TEST(d.message ==
             "'Sales Revenue' is not a valid id: use lower-case letters, digits, '_', '.' and '-', "
             "starting with a letter or digit, at most 64 characters");
  BOOST_TEST(r.workspace.kpis.at(0).id == "Sales Revenue");
  std::string long_id(65, 'a');
  BOOST_TEST(only(load(k_kpi_head + "  - {id: " + long_id +
                       ", name: K, owner: s, unit: u, period: "
                       "daily}\n"))
                 .rule == "bad-id");
}

BOOST_AUTO_TEST_CASE(formula_is_kept_and_parsed) {
  kpi::LoadResult r = load(
      "version: 1\nkpis:\n"
      "  - {id: mkt.conversion, name: C, owner: mkt, unit: '%', period: monthly,\n"
      "     formula: 100 * mkt.orders / mkt.leads}\n");
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Kpi& k = r.workspace.kpis.at(0);
  BOOST_TEST(k.is_formula());
  BOOST_TEST(k.formula_text.value() == "100 * mkt.orders / mkt.leads");
  BOOST_REQUIRE(k.formula != nullptr);
  BOOST_TEST(
      (kpi::formula_refs(*k.formula) == std::vector<std::string>{"mkt.orders", "mkt.leads"}));
}

BOOST_AUTO_TEST_CASE(formula_syntax_error_points_inside_the_formula) {
  // "    formula: " puts the value at column 14; the parser stops at offset 12 (the end).
  kpi::LoadResult plain = load(k_kpi_head + "    formula: 100 * a.b /\n");
  kpi::Diagnostic d = only(plain);
  BOOST_TEST(d.rule == "formula-syntax");
  BOOST_TEST(where(d) == "kpi.yaml:8:25");
  BOOST_TEST(plain.workspace.kpis.at(0).formula == nullptr);
  BOOST_TEST(plain.workspace.kpis.at(0).formula_text.value() == "100 * a.b /");
  // Quoted: one more column for the quote. '*' at offset 1 is the error: column 15 + 1.
  kpi::Diagnostic quoted = only(load(k_kpi_head + "    formula: \"* a\"\n"));
  BOOST_TEST(quoted.rule == "formula-syntax");
  BOOST_TEST(where(quoted) == "kpi.yaml:8:15");
}

BOOST_AUTO_TEST_CASE(formula_with_aggregate_points_at_the_aggregate_key) {
  kpi::LoadResult r = load(k_kpi_head + "    aggregate: mean\n    formula: a / b\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "formula-aggregate");
  BOOST_TEST(where(d) == "kpi.yaml:8:5");
  BOOST_TEST(d.message ==
             "a formula KPI takes no 'aggregate': its actual comes from its formula; remove "
             "'aggregate'");
}

BOOST_AUTO_TEST_CASE(formula_kpi_needs_the_same_fields) {
  kpi::LoadResult r = load("version: 1\nkpis:\n  - {id: f, formula: a / b}\n");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 4u);
  for (const kpi::Diagnostic& d : r.diagnostics) {
    BOOST_TEST(d.rule == "missing-field");
    BOOST_TEST(where(d) == "kpi.yaml:3:5");
  }
}

BOOST_AUTO_TEST_CASE(a_huge_id_is_echoed_cut_and_kept_cut) {
  // 60,000 bytes: within the scalar limit, far past what a message should repeat.
  const std::string huge(60000, 'a');
  kpi::LoadResult r =
      load("version: 1\nkpis:\n  - {id: " + huge + ", name: K, unit: u, period: daily}\n");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 2u);
  const std::string shown = std::string(40, 'a') + "…";
  BOOST_TEST(r.diagnostics[0].rule == "bad-id");
  BOOST_TEST(r.diagnostics[0].message ==
             "'" + shown +
                 "' (60,000 bytes) is not a valid id: use lower-case letters, digits, '_', '.' "
                 "and '-', starting with a letter or digit, at most 64 characters");
  // Every later message names the id as kept: cut.
  BOOST_TEST(r.workspace.kpis.at(0).id == shown);
  BOOST_TEST(r.diagnostics[1].message ==
             "KPI '" + shown + "' lacks the required key 'owner'; add 'owner: ...'");
}

BOOST_AUTO_TEST_CASE(a_long_unknown_value_is_quoted_cut) {
  kpi::Diagnostic d = only(load(k_kpi_head + "    aggregate: " + std::string(100, 'z') + "\n"));
  BOOST_TEST(d.rule == "bad-value");
  BOOST_TEST(d.message.find("not '" + std::string(40, 'z') + "…' (100 bytes)") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
