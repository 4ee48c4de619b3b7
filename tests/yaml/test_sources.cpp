// Sources and aliases as the loader reads them: every key, its position, its type.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using kpi::test::load;
using kpi::test::only;
using kpi::test::TempWorkspace;
using kpi::test::where;

namespace {

// The CRM source of sources.md; `sources:` is line 8.
const std::string k_crm = kpi::test::k_kpi_head +
                          "sources:\n"                                                       // 8
                          "  - id: crm-deals\n"                                              // 9
                          "    files: [exports/deals-*.csv]\n"                               // 10
                          "    header_row: 2\n"                                              // 11
                          "    delimiter: \";\"\n"                                           // 12
                          "    date_format: \"%d/%m/%Y\"\n"                                  // 13
                          "    decimal: \",\"\n"                                             // 14
                          "    thousands: \".\"\n"                                           // 15
                          "    strip: [\"₫\", VND]\n"                                        // 16
                          "    columns: {date: Close Date, entity: Owner, note: Deal ID}\n"  // 17
                          "    unmatched: skip\n"                                            // 18
                          "    measures:\n"                                                  // 19
                          "      - kpi: sales.revenue\n"                                     // 20
                          "        value: Amount (VND)\n"                                    // 21
                          "        where: {Stage: Won}\n"                                    // 22
                          "      - kpi: sales.lost\n"                                        // 23
                          "        where: {Stage: [Lost, Abandoned], Region: 7}\n"           // 24
                          "        except: {Owner: [test, demo]}\n";                         // 25

std::string source_with(const std::string& lines) {
  return kpi::test::k_kpi_head + "sources:\n  - id: s\n    files: [a.csv]\n" + lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_sources)

BOOST_AUTO_TEST_CASE(every_key_is_read_with_its_position) {
  const kpi::LoadResult r = load(k_crm);
  for (const kpi::Diagnostic& d : r.diagnostics) {
    BOOST_TEST_MESSAGE(where(d) + " " + d.message);
  }
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST_REQUIRE(r.workspace.sources.size() == 1u);
  const kpi::Source& s = r.workspace.sources[0];
  BOOST_TEST(s.id == "crm-deals");
  BOOST_TEST(s.files == std::vector<std::string>{"exports/deals-*.csv"});
  BOOST_TEST(where({"", {}, "", s.file_positions[0], ""}) == "kpi.yaml:10:13");
  BOOST_TEST(s.header_row == 2);
  BOOST_TEST(s.delimiter == ";");
  BOOST_TEST(s.date_format == "%d/%m/%Y");
  BOOST_TEST(s.decimal == ",");
  BOOST_TEST(s.thousands == ".");
  BOOST_TEST((s.strip == std::vector<std::string>{"₫", "VND"}));
  BOOST_TEST(s.columns.date == "Close Date");
  BOOST_TEST(s.columns.entity == "Owner");
  BOOST_TEST(s.columns.note == "Deal ID");
  BOOST_TEST(s.columns.entity_at.line == 17);
  BOOST_TEST(s.columns.entity_at.column == 41);
  BOOST_TEST(s.unmatched_skip);
  BOOST_TEST(!s.has_wide);
  BOOST_TEST(s.at_key("thousands").line == 15);
  BOOST_TEST(s.at_key("sheet").line == 9);  // not given: the source's mapping
  BOOST_TEST_REQUIRE(s.measures.size() == 2u);
  const kpi::SourceMeasure& revenue = s.measures[0];
  BOOST_TEST(revenue.kpi == "sales.revenue");
  BOOST_TEST(revenue.has_value);
  BOOST_TEST(revenue.value == "Amount (VND)");
  BOOST_TEST(revenue.value_at.line == 21);
  BOOST_TEST(revenue.value_at.column == 16);
  BOOST_TEST_REQUIRE(revenue.where.size() == 1u);
  BOOST_TEST(revenue.where[0].column == "Stage");
  BOOST_TEST(revenue.where[0].values == std::vector<std::string>{"Won"});
  const kpi::SourceMeasure& lost = s.measures[1];
  BOOST_TEST(!lost.has_value);
  BOOST_TEST(lost.value_at.line == 23);
  BOOST_TEST_REQUIRE(lost.where.size() == 2u);
  BOOST_TEST((lost.where[0].values == std::vector<std::string>{"Lost", "Abandoned"}));
  BOOST_TEST(lost.where[1].column == "Region");
  BOOST_TEST(lost.where[1].values == std::vector<std::string>{"7"});
  BOOST_TEST(lost.where[1].column_at.line == 24);
  BOOST_TEST(lost.where[1].column_at.column == 43);
  BOOST_TEST_REQUIRE(lost.except.size() == 1u);
  BOOST_TEST((lost.except[0].values == std::vector<std::string>{"test", "demo"}));
}

BOOST_AUTO_TEST_CASE(defaults_and_wide) {
  const kpi::LoadResult r =
      load(source_with("    columns: {entity: Channel}\n"
                       "    wide: {columns: \"2026-*\", date_format: \"%Y-%m\"}\n"
                       "    measures: [{kpi: sales.revenue, where: {Metric: Sessions}}]\n"));
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Source& s = r.workspace.sources.at(0);
  BOOST_TEST(s.header_row == 1);
  BOOST_TEST(s.delimiter == "auto");
  BOOST_TEST(s.date_format == "iso");
  BOOST_TEST(s.decimal == ".");
  BOOST_TEST(s.thousands.empty());
  BOOST_TEST(!s.unmatched_skip);
  BOOST_TEST(s.has_wide);
  BOOST_TEST(s.wide.columns == "2026-*");
  BOOST_TEST(s.wide.date_format == "%Y-%m");
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_found_with_a_suggestion) {
  const kpi::Diagnostic d =
      only(load(source_with("    measures:\n"
                            "      - kpi: sales.revenue\n"
                            "        vlue: Amount\n")));
  BOOST_TEST(d.rule == "unknown-key");
  BOOST_TEST(where(d) == "kpi.yaml:13:9");
  BOOST_TEST(d.hint == "did you mean 'value'?");

  const kpi::Diagnostic top =
      only(load(source_with("    thousand: \".\"\n"
                            "    measures: [{kpi: sales.revenue, value: A}]\n")));
  BOOST_TEST(top.rule == "unknown-key");
  BOOST_TEST(where(top) == "kpi.yaml:11:5");
  BOOST_TEST(top.hint == "did you mean 'thousands'?");

  const kpi::Diagnostic column =
      only(load(source_with("    columns: {dates: D}\n"
                            "    measures: [{kpi: sales.revenue, value: A}]\n")));
  BOOST_TEST(column.rule == "unknown-key");
  BOOST_TEST(where(column) == "kpi.yaml:11:15");
  BOOST_TEST(column.hint == "did you mean 'date'?");
}

BOOST_AUTO_TEST_CASE(values_out_of_their_choices_are_bad_values) {
  const kpi::Diagnostic d =
      only(load(source_with("    decimal: \";\"\n"
                            "    measures: [{kpi: sales.revenue, value: A}]\n")));
  BOOST_TEST(d.rule == "bad-value");
  BOOST_TEST(where(d) == "kpi.yaml:11:14");
  const kpi::Diagnostic row =
      only(load(source_with("    header_row: 0\n"
                            "    measures: [{kpi: sales.revenue, value: A}]\n")));
  BOOST_TEST(row.rule == "bad-value");
  BOOST_TEST(row.message == "'header_row' counts lines from 1, not 0");
  const kpi::Diagnostic unmatched =
      only(load(source_with("    unmatched: ignore\n"
                            "    measures: [{kpi: sales.revenue, value: A}]\n")));
  BOOST_TEST(unmatched.rule == "bad-value");
  BOOST_TEST(where(unmatched) == "kpi.yaml:11:16");
  const kpi::Diagnostic where_type =
      only(load(source_with("    measures: [{kpi: sales.revenue, value: A, where: Won}]\n")));
  BOOST_TEST(where_type.rule == "wrong-type");
  BOOST_TEST(where_type.message ==
             "'where' must be a mapping of column names to values, not a string");
}

BOOST_AUTO_TEST_CASE(required_keys) {
  const kpi::LoadResult none = load(kpi::test::k_kpi_head + "sources:\n  - {sheet: x}\n");
  BOOST_TEST_REQUIRE(none.diagnostics.size() == 3u);
  BOOST_TEST(none.diagnostics[0].message == "a source lacks the required key 'id'; add 'id: ...'");
  BOOST_TEST(none.diagnostics[1].message ==
             "a source needs 'files' (exports on disk) or 'table' (a warehouse table)");
  BOOST_TEST(none.diagnostics[2].message ==
             "a source lacks the required key 'measures'; add 'measures: ...'");
  for (const kpi::Diagnostic& d : none.diagnostics) {
    BOOST_TEST(d.rule == "missing-field");
    BOOST_TEST(where(d) == "kpi.yaml:9:5");
  }
  const kpi::Diagnostic empty = only(load(source_with("    measures: []\n")));
  BOOST_TEST(empty.rule == "missing-field");
  BOOST_TEST(empty.message == "source 's' needs at least one measure under 'measures'");
  BOOST_TEST(where(empty) == "kpi.yaml:11:15");
  const kpi::Diagnostic no_kpi = only(load(source_with("    measures: [{value: A}]\n")));
  BOOST_TEST(no_kpi.rule == "missing-field");
  BOOST_TEST(no_kpi.message == "a measure lacks the required key 'kpi'; add 'kpi: ...'");
}

BOOST_AUTO_TEST_CASE(aliases_on_units_and_people) {
  const kpi::LoadResult r = load(
      "version: 1\n"
      "units:\n"
      "  - {id: sales, name: Sales, aliases: [Sales Team]}\n"
      "people:\n"
      "  - id: alice\n"
      "    member_of: sales\n"
      "    aliases: [alice@acme.vn, \"Nguyen T. Alice\"]\n"
      "  - {id: bob, member_of: sales}\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST_REQUIRE(r.workspace.aliases.size() == 2u);
  BOOST_TEST(r.workspace.aliases[0].entity == "sales");
  BOOST_TEST(r.workspace.aliases[0].aliases == std::vector<std::string>{"Sales Team"});
  BOOST_TEST(r.workspace.aliases[1].entity == "alice");
  BOOST_TEST((r.workspace.aliases[1].aliases ==
              std::vector<std::string>{"alice@acme.vn", "Nguyen T. Alice"}));
  BOOST_TEST(r.workspace.aliases[1].positions[1].line == 7);
  BOOST_TEST(r.workspace.aliases[1].positions[1].column == 30);
  const kpi::Diagnostic bad = only(load("version: 1\nunits:\n  - {id: sales, aliases: {a: b}}\n"));
  BOOST_TEST(bad.rule == "wrong-type");
  BOOST_TEST(where(bad) == "kpi.yaml:3:26");
}

BOOST_AUTO_TEST_CASE(included_files_hold_sources_in_definition_order) {
  TempWorkspace temp;
  temp.write("kpi.yaml", kpi::test::k_kpi_head +
                             "include: [more/*.yaml]\n"
                             "sources: [{id: a, files: [a.csv], measures: [{kpi: sales.revenue, "
                             "value: V}]}]\n");
  temp.write("more/b.yaml",
             "sources: [{id: b, files: [b.csv], measures: [{kpi: sales.revenue, value: V}]}]\n");
  const kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST_REQUIRE(r.workspace.sources.size() == 2u);
  BOOST_TEST(r.workspace.sources[0].id == "a");
  BOOST_TEST(r.workspace.sources[1].id == "b");
  BOOST_TEST(r.workspace.sources[1].at.file == "more/b.yaml");
}

BOOST_AUTO_TEST_SUITE_END()
