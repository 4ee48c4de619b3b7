#include <boost/test/unit_test.hpp>

#include "kpi/author/author.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(author_text)

namespace {

Kpi new_kpi() {
  Kpi k;
  k.id = "k.new";
  k.name = "New";
  k.owner = "me";
  k.unit = "u";
  k.period = SlotKind::weekly;
  return k;
}

const std::string k_entry4 =  // in the default style: items at 2, keys at 4
    "  - id: k.new\n    name: New\n    owner: me\n    unit: u\n    period: weekly\n";

}  // namespace

BOOST_AUTO_TEST_CASE(appends_after_the_last_item_keeping_comments_and_blank_lines) {
  const std::string text =
      "# header comment\n"
      "kpis:\n"
      "  - id: a\n"
      "    name: A   # why A\n"
      "\n"
      "  - id: b\n"
      "    name: B\n"
      "    overrides:\n"
      "      - {entity: x, target: 1}\n"
      "      # a comment inside b\n"
      "\n"
      "# trailing comment about the next section\n"
      "units: []\n";
  BOOST_TEST(insert_kpi(text, new_kpi(), "f.yaml") ==
             "# header comment\n"
             "kpis:\n"
             "  - id: a\n"
             "    name: A   # why A\n"
             "\n"
             "  - id: b\n"
             "    name: B\n"
             "    overrides:\n"
             "      - {entity: x, target: 1}\n"
             "      # a comment inside b\n"
             "\n" +
                 k_entry4 +
                 "\n"
                 "# trailing comment about the next section\n"
                 "units: []\n");
}

BOOST_AUTO_TEST_CASE(follows_a_list_at_column_zero_without_blank_lines) {
  const std::string text = "kpis:\n- id: a\n  name: A\n- id: b\n  name: B";
  BOOST_TEST(insert_kpi(text, new_kpi(), "f.yaml") ==
             "kpis:\n- id: a\n  name: A\n- id: b\n  name: B\n"
             "- id: k.new\n  name: New\n  owner: me\n  unit: u\n  period: weekly\n");
}

BOOST_AUTO_TEST_CASE(keeps_crlf_line_ends) {
  const std::string text = "kpis:\r\n    - id: a\r\n      name: A\r\n";
  BOOST_TEST(insert_kpi(text, new_kpi(), "f.yaml") ==
             "kpis:\r\n    - id: a\r\n      name: A\r\n"
             "\r\n"  // one item: nothing to go by, so the default blank line
             "    - id: k.new\r\n      name: New\r\n      owner: me\r\n      unit: u\r\n"
             "      period: weekly\r\n");
}

BOOST_AUTO_TEST_CASE(an_empty_flow_list_becomes_a_block_list) {
  BOOST_TEST(insert_kpi("version: 1\nkpis: []\nunits: []\n", new_kpi(), "f.yaml") ==
             "version: 1\nkpis:\n" + k_entry4 + "units: []\n");
  BOOST_TEST(insert_kpi("kpis: []  # none yet\n", new_kpi(), "f.yaml") ==
             "kpis:  # none yet\n" + k_entry4);
}

BOOST_AUTO_TEST_CASE(a_file_without_kpis_gets_the_key_at_its_end) {
  BOOST_TEST(insert_kpi("", new_kpi(), "f.yaml") == "kpis:\n" + k_entry4);
  BOOST_TEST(insert_kpi("version: 1\nname: X", new_kpi(), "f.yaml") ==
             "version: 1\nname: X\n\nkpis:\n" + k_entry4);
  // The style of another list is followed.
  BOOST_TEST(insert_kpi("units:\n- id: u\n  name: U\n", new_kpi(), "f.yaml") ==
             "units:\n- id: u\n  name: U\n\nkpis:\n- id: k.new\n  name: New\n  owner: me\n"
             "  unit: u\n  period: weekly\n");
}

BOOST_AUTO_TEST_CASE(a_flow_list_with_entries_is_refused) {
  try {
    insert_kpi("kpis: [{id: a}]\n", new_kpi(), "f.yaml");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(e.diagnostic.rule == "bad-layout");
    BOOST_TEST(e.diagnostic.where.file == "f.yaml");
    BOOST_TEST(e.exit_status == k_exit_input);
  }
}

BOOST_AUTO_TEST_CASE(the_style_comes_from_the_kpis_list) {
  YamlStyle s = detect_style("units:\n- id: u\nkpis:\n   -   id: a\n       name: A\n");
  BOOST_TEST(s.item_indent == 3);
  BOOST_TEST(s.key_indent == 7);
  BOOST_TEST(s.blank_between);  // one item: nothing to go by, the default
  s = detect_style("kpis:\n  - id: a\n  - id: b\n");
  BOOST_TEST(!s.blank_between);
  s = detect_style("kpis:\n  - {id: a}\n\n  - {id: b}\n");
  BOOST_TEST(s.key_indent == 4);
  BOOST_TEST(s.blank_between);
}

BOOST_AUTO_TEST_CASE(include_block_list_gets_an_item) {
  const std::string text = "version: 1\ninclude:\n  - org/*.yaml   # people\n\nname: X\n";
  BOOST_TEST(add_include(text, "kpis/new.yaml", "kpi.yaml") ==
             "version: 1\ninclude:\n  - org/*.yaml   # people\n  - kpis/new.yaml\n\nname: X\n");
}

BOOST_AUTO_TEST_CASE(include_flow_list_gets_an_entry) {
  BOOST_TEST(add_include("include: [a.yaml]  # c\n", "b.yaml", "kpi.yaml") ==
             "include: [a.yaml, b.yaml]  # c\n");
  BOOST_TEST(add_include("include: []\n", "b.yaml", "kpi.yaml") == "include: [b.yaml]\n");
}

BOOST_AUTO_TEST_CASE(no_include_key_adds_one) {
  BOOST_TEST(add_include("version: 1", "kpis/x.yaml", "kpi.yaml") ==
             "version: 1\ninclude: [kpis/x.yaml]\n");
  BOOST_TEST(add_include("version: 1\ninclude:\nname: n\n", "x.yaml", "kpi.yaml") ==
             "version: 1\ninclude:\n  - x.yaml\nname: n\n");
}

BOOST_AUTO_TEST_CASE(include_as_a_plain_string_is_refused) {
  BOOST_CHECK_THROW(add_include("include: a.yaml\n", "b.yaml", "kpi.yaml"), Error);
}

BOOST_AUTO_TEST_SUITE_END()
