// Key checking and typed reads, seen through whole workspace texts.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"
#include "kpi/yaml/node_reader.hpp"

using kpi::test::k_kpi_head;
using kpi::test::load;
using kpi::test::only;
using kpi::test::where;

BOOST_AUTO_TEST_SUITE(yaml_node_reader)

BOOST_AUTO_TEST_CASE(decimal_numbers_are_plain_digits_with_fraction_and_exponent) {
  using kpi::yaml::parse_decimal;
  BOOST_TEST(parse_decimal("40").value() == 40.0);
  BOOST_TEST(parse_decimal("-1.5e3").value() == -1500.0);
  BOOST_TEST(parse_decimal("+2").value() == 2.0);
  BOOST_TEST(parse_decimal("0.25").value() == 0.25);
  for (const char* bad :
       {"", "1,5", "5%", ".5", "1.", "NaN", "inf", ".inf", "1e999", "0x10", "1e", "--1", "1 000"}) {
    BOOST_TEST(!parse_decimal(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_CASE(unknown_key_points_at_the_key_and_suggests_the_nearest) {
  kpi::Diagnostic d = only(load(k_kpi_head + "    targt: 5\n"));
  BOOST_TEST(d.rule == "unknown-key");
  BOOST_TEST(where(d) == "kpi.yaml:8:5");
  BOOST_TEST(d.message == "unknown key 'targt' in a KPI");
  BOOST_TEST(d.hint == "did you mean 'target'?");
}

BOOST_AUTO_TEST_CASE(unknown_key_far_from_any_lists_the_known_keys) {
  kpi::Diagnostic d = only(load("version: 1\ncolour: red\n"));
  BOOST_TEST(d.rule == "unknown-key");
  BOOST_TEST(where(d) == "kpi.yaml:2:1");
  BOOST_TEST(d.message == "unknown key 'colour' in the workspace file");
  BOOST_TEST(
      d.hint ==
      "known keys: version, name, include, data, journal, tests, settings, warehouse, units, "
      "people, "
      "frames, rewards, sources, kpis");
}

BOOST_AUTO_TEST_CASE(duplicate_key_points_at_the_second_and_keeps_the_first) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "units:\n"
      "  - id: sales\n"
      "    name: Sales\n"
      "    name: Sales again\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "duplicate-key");
  BOOST_TEST(where(d) == "kpi.yaml:5:5");
  BOOST_TEST(d.message ==
             "duplicate key 'name' in a unit (first written on line 4); remove one of them");
  BOOST_TEST(r.workspace.units.at(0).name == "Sales");
  BOOST_TEST(r.workspace.units.at(0).pos.at("name").line == 4);
}

BOOST_AUTO_TEST_CASE(duplicate_key_in_a_flow_mapping_and_at_the_top) {
  kpi::LoadResult flow = load("version: 1\nunits:\n  - {id: a, id: b}\n");
  BOOST_TEST(only(flow).rule == "duplicate-key");
  BOOST_TEST(where(only(flow)) == "kpi.yaml:3:13");
  BOOST_TEST(flow.workspace.units.at(0).id == "a");
  kpi::Diagnostic top = only(load("version: 1\nname: A\nversion: 1\n"));
  BOOST_TEST(top.rule == "duplicate-key");
  BOOST_TEST(where(top) == "kpi.yaml:3:1");
}

BOOST_AUTO_TEST_CASE(duplicate_of_an_unknown_key_is_still_a_duplicate) {
  kpi::LoadResult r = load("version: 1\nfoo: 1\nfoo: 2\n");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 2u);
  BOOST_TEST(r.diagnostics[0].rule == "unknown-key");
  BOOST_TEST(r.diagnostics[1].rule == "duplicate-key");
  BOOST_TEST(where(r.diagnostics[1]) == "kpi.yaml:3:1");
}

BOOST_AUTO_TEST_CASE(quoted_number_is_a_wrong_type_at_the_value) {
  kpi::LoadResult r = load(k_kpi_head + "    weight: \"40\"\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:8:13");
  BOOST_TEST(d.message ==
             "'weight' must be a decimal number (such as 40 or 12.5), not the quoted string "
             "\"40\"; remove the quotes");
  BOOST_TEST(r.workspace.kpis.at(0).weight == 1.0);  // the default stays
}

BOOST_AUTO_TEST_CASE(string_list_and_mapping_where_a_number_is_due) {
  kpi::Diagnostic word = only(load(k_kpi_head + "    baseline: lots\n"));
  BOOST_TEST(word.rule == "wrong-type");
  BOOST_TEST(where(word) == "kpi.yaml:8:15");
  BOOST_TEST(word.message ==
             "'baseline' must be a decimal number (such as 40 or 12.5), not the string 'lots'");
  kpi::Diagnostic list = only(load(k_kpi_head + "    weight: [1]\n"));
  BOOST_TEST(where(list) == "kpi.yaml:8:13");
  BOOST_TEST(list.message == "'weight' must be a decimal number (such as 40 or 12.5), not a list");
  kpi::Diagnostic map = only(load(k_kpi_head + "    weight: {a: 1}\n"));
  BOOST_TEST(map.rule == "wrong-type");
  BOOST_TEST(map.message ==
             "'weight' must be a decimal number (such as 40 or 12.5), not a mapping");
}

BOOST_AUTO_TEST_CASE(mapping_where_a_string_is_due) {
  kpi::Diagnostic d = only(load("version: 1\nname: {a: 1}\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:2:7");
  BOOST_TEST(d.message == "'name' must be a string, not a mapping");
}

BOOST_AUTO_TEST_CASE(list_where_a_mapping_is_due) {
  kpi::Diagnostic d = only(load("version: 1\nsettings: [1, 2]\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:2:11");
  BOOST_TEST(d.message == "settings must be a mapping (key: value lines), not a list");
}

BOOST_AUTO_TEST_CASE(list_item_that_is_not_a_mapping) {
  kpi::LoadResult r = load("version: 1\nunits:\n  - sales\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:3:5");
  BOOST_TEST(d.message == "a unit must be a mapping (key: value lines), not the string 'sales'");
}

BOOST_AUTO_TEST_CASE(mapping_where_a_list_is_due) {
  kpi::Diagnostic d = only(load("version: 1\nunits: {id: a}\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:2:8");
  BOOST_TEST(d.message == "'units' must be a list, not a mapping");
}

BOOST_AUTO_TEST_CASE(empty_value_points_at_its_key) {
  kpi::Diagnostic d = only(load("version: 1\nname:\njournal: j.csv\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:2:1");
  BOOST_TEST(d.message == "'name' is empty; write a string");
}

BOOST_AUTO_TEST_CASE(empty_list_section_reads_as_no_entries) {
  kpi::LoadResult r = load("version: 1\nunits:\npeople: []\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST(r.workspace.units.empty());
}

BOOST_AUTO_TEST_CASE(whole_number_rejects_a_fraction) {
  kpi::Diagnostic d = only(load("version: 1\nsettings:\n  max_kpis_per_entity: 7.5\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:3:24");
  BOOST_TEST(d.message == "'max_kpis_per_entity' must be a whole number, not the string '7.5'");
}

BOOST_AUTO_TEST_CASE(unknown_enum_value_lists_the_allowed_ones) {
  kpi::Diagnostic d = only(load(k_kpi_head + "    direction: hgher\n"));
  BOOST_TEST(d.rule == "bad-value");
  BOOST_TEST(where(d) == "kpi.yaml:8:16");
  BOOST_TEST(d.message == "'direction' must be one of higher, lower, range, not 'hgher'");
  BOOST_TEST(d.hint == "did you mean 'higher'?");
}

BOOST_AUTO_TEST_CASE(non_scalar_key_is_a_wrong_type) {
  kpi::Diagnostic d = only(load("version: 1\n? [a, b]\n: 1\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:2:3");
  BOOST_TEST(d.message == "a key in the workspace file must be a plain word, not a list");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
  // "B\u00e1n h\u00e0ng" is 8 characters in 10 bytes: 'colour' starts at character 33.
  kpi::Diagnostic d =
      only(load("version: 1\n"
                "units:\n"
                "  - {id: sales, name: B\xC3\xA1n h\xC3\xA0ng, colour: red}\n"));
  BOOST_TEST(d.rule == "unknown-key");
  BOOST_TEST(where(d) == "kpi.yaml:3:33");
  // Three-byte characters (CJK) and a four-byte one (an emoji) count one each.
  d = only(load("version: 1\nunits: [{name: \xE4\xB8\xAD\xF0\x9F\x98\x80, id: 5x!}]\n"));
  BOOST_TEST(d.rule == "bad-id");
  BOOST_TEST(where(d) == "kpi.yaml:2:24");
  d = only(load("version: 1\nunits: [{name: \xE1\xBA\xA0, id: 5x!}]\n"));
  BOOST_TEST(d.rule == "bad-id");
  BOOST_TEST(where(d) == "kpi.yaml:2:23");
}

BOOST_AUTO_TEST_CASE(a_syntax_error_column_counts_characters) {
  kpi::Diagnostic d = only(load("version: 1\nname: [\xE1\xBA\xA0\xE1\xBA\xA0, {\n"));
  BOOST_TEST(d.rule == "yaml-syntax");
  BOOST_TEST(d.where.line >= 2);
  BOOST_TEST(d.where.column <= 14);  // the line has 13 characters (19 bytes) and its end
}

BOOST_AUTO_TEST_SUITE_END()
