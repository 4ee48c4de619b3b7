// Sources against the definitions: the rules of sources.md that need no file.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi::vtest;

namespace {

/// k_base (15 lines) with bob, a revenue KPI for alice and bob (17..26), a count KPI
/// for alice (27..37); `sources:` is line 38, the source's `- id:` line 39, `lines`
/// from line 41 on.
std::string with_source(const std::string& lines, const std::string& people = "") {
  return k_base +                                                          //
         "  - {id: bob, name: Bob Tran, member_of: company}\n" + people +  // 16
         "kpis:\n" +                                                       //
         block("sales.revenue", {{"owner", "company"}, {"assigned_to", "[alice, bob]"}}) +
         block("sales.orders", {{"owner", "alice"}, {"aggregate", "count"}}) +
         "sources:\n"
         "  - id: crm\n"
         "    files: [deals.csv]\n" +
         lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_sources)

BOOST_AUTO_TEST_CASE(a_clean_source_has_no_finding) {
  const std::vector<kpi::Diagnostic> found =
      check(with_source("    date_format: \"%d/%m/%Y\"\n"
                        "    columns: {date: Close Date, entity: Owner}\n"
                        "    measures:\n"
                        "      - {kpi: sales.revenue, value: Amount, where: {Stage: Won}}\n"
                        "      - {kpi: sales.orders, where: {Stage: Won}}\n"));
  BOOST_TEST(found.empty());
}

BOOST_AUTO_TEST_CASE(unknown_kpis_and_entities_are_suggested) {
  const std::vector<kpi::Diagnostic> found =
      check(with_source("    columns: {date: D}\n"
                        "    entity: alic\n"
                        "    measures: [{kpi: sales.revenu, value: A}]\n"));
  const kpi::Diagnostic unknown = one(found, "unknown-kpi");
  BOOST_TEST(at(unknown) == "43:22");
  BOOST_TEST(unknown.hint == "did you mean 'sales.revenue'?");
  const kpi::Diagnostic entity = one(found, "unknown-entity");
  BOOST_TEST(at(entity) == "42:13");
  BOOST_TEST(entity.hint == "did you mean 'alice'?");
}

BOOST_AUTO_TEST_CASE(values_where_none_belongs_and_missing_ones) {
  const std::vector<kpi::Diagnostic> found =
      check(with_source("    columns: {date: D, entity: Owner}\n"
                        "    measures:\n"
                        "      - {kpi: sales.orders, value: Amount}\n"
                        "      - {kpi: sales.revenue}\n"));
  const std::vector<kpi::Diagnostic> values = of_rule(found, "source-value");
  BOOST_TEST_REQUIRE(values.size() == 2u);
  BOOST_TEST(at(values[0]) == "43:36");
  BOOST_TEST(values[0].message ==
             "KPI 'sales.orders' counts rows (aggregate count): its measure takes no 'value'; "
             "remove it");
  BOOST_TEST(at(values[1]) == "44:9");
  BOOST_TEST(values[1].message ==
             "the measure of KPI 'sales.revenue' needs 'value': the column holding its values");

  const kpi::Diagnostic wide = one(check(with_source("    columns: {entity: Owner}\n"
                                                     "    wide: {columns: \"2026-*\"}\n"
                                                     "    measures: [{kpi: sales.revenue, "
                                                     "value: A}]\n")),
                                   "source-value");
  BOOST_TEST(at(wide) == "43:44");
}

BOOST_AUTO_TEST_CASE(keys_that_do_not_go_together) {
  const std::vector<kpi::Diagnostic> found =
      check(with_source("    table: sales.deals\n"
                        "    columns: {date: D, entity: Owner}\n"
                        "    entity: alice\n"
                        "    wide: {columns: \"2026-*\"}\n"
                        "    measures: [{kpi: sales.orders}]\n"));
  const std::vector<kpi::Diagnostic> mapping = of_rule(found, "source-mapping");
  BOOST_TEST_REQUIRE(mapping.size() == 5u);
  BOOST_TEST(at(mapping[0]) == "41:12");  // files and table
  BOOST_TEST(at(mapping[1]) == "41:12");  // a table, and no warehouse to read it from
  BOOST_TEST(mapping[1].message ==
             "source 'crm' reads a warehouse table, but kpi.yaml names no warehouse: add "
             "'warehouse: {engine: postgres, dsn: env:KPI_WAREHOUSE_DSN}'");
  BOOST_TEST(at(mapping[2]) == "42:21");  // a wide source's date column
  BOOST_TEST(at(mapping[3]) == "43:13");  // entity and columns.entity
  BOOST_TEST(at(mapping[4]) == "44:11");  // wide is for files
  BOOST_TEST(mapping[4].message ==
             "source 'crm' reads a table: 'wide' is for files; the database's own types say it");

  const kpi::Diagnostic nobody = one(check(with_source("    columns: {date: D}\n"
                                                       "    measures: [{kpi: sales.revenue, "
                                                       "value: A}]\n")),
                                     "source-mapping");
  BOOST_TEST(nobody.message ==
             "KPI 'sales.revenue' has 2 assignees, and source 'crm' says whose rows they are "
             "neither by 'columns: {entity: ...}' nor by 'entity'");
  const kpi::Diagnostic no_date = one(check(with_source("    columns: {entity: Owner}\n"
                                                        "    measures: [{kpi: sales.orders}]\n")),
                                      "missing-field");
  BOOST_TEST(at(no_date) == "41:14");
}

BOOST_AUTO_TEST_CASE(formats_are_checked) {
  const std::vector<kpi::Diagnostic> found =
      check(with_source("    date_format: \"%d/%m\"\n"
                        "    decimal: \",\"\n"
                        "    thousands: \",\"\n"
                        "    columns: {date: D}\n"
                        "    wide: {columns: \"x\", date_format: \"%Q\"}\n"
                        "    measures: [{kpi: sales.orders}]\n"));
  const std::vector<kpi::Diagnostic> bad = of_rule(found, "bad-value");
  BOOST_TEST_REQUIRE(bad.size() == 3u);
  BOOST_TEST(at(bad[0]) == "41:18");
  BOOST_TEST(bad[0].message ==
             "'date_format' of source 'crm': the date format '%d/%m' has no year (%Y or %y); use "
             "iso, excel or a pattern");
  BOOST_TEST(at(bad[1]) == "43:16");
  BOOST_TEST(at(bad[2]) == "45:39");
}

BOOST_AUTO_TEST_CASE(a_constant_entity_must_be_assigned) {
  const kpi::Diagnostic d = one(check(with_source("    columns: {date: D}\n"
                                                  "    entity: bob\n"
                                                  "    measures: [{kpi: sales.orders}]\n")),
                                "source-unassigned");
  BOOST_TEST(at(d) == "42:13");
  BOOST_TEST(d.message ==
             "entity 'bob' of source 'crm' is not assigned KPI 'sales.orders' (line 43)");
}

BOOST_AUTO_TEST_CASE(aliases_shared_by_two_entities_clash_ignoring_case) {
  const std::string people =
      "  - {id: carol, name: NGUYỄN VĂN AN, member_of: company, aliases: [alice@acme.vn]}\n"
      "  - {id: dan, name: Dan, member_of: company, aliases: [ALICE@acme.vn, Bob TRAN, "
      "\"nguyễn văn an\"]}\n";
  const std::vector<kpi::Diagnostic> found =
      check(with_source("    columns: {date: D, entity: Owner}\n"
                        "    measures: [{kpi: sales.orders}]\n",
                        people));
  const std::vector<kpi::Diagnostic> clashes = of_rule(found, "alias-clash");
  BOOST_TEST_REQUIRE(clashes.size() == 3u);
  BOOST_TEST(at(clashes[0]) == "18:56");
  BOOST_TEST(clashes[0].message ==
             "alias 'ALICE@acme.vn' of 'dan' is also an alias of 'carol' (kpi.yaml:17): a "
             "source could not tell them apart");
  BOOST_TEST(clashes[1].message ==
             "alias 'Bob TRAN' of 'dan' is also the name of 'bob' (kpi.yaml:16): a source "
             "could not tell them apart");
  BOOST_TEST(clashes[2].message.find("is also the name of 'carol'") != std::string::npos);

  // Without a source matching entities by a column, aliases cannot clash.
  BOOST_TEST(of_rule(check(with_source("    columns: {date: D}\n"
                                       "    entity: alice\n"
                                       "    measures: [{kpi: sales.orders}]\n",
                                       people)),
                     "alias-clash")
                 .empty());
}

BOOST_AUTO_TEST_CASE(two_sources_with_one_id) {
  const kpi::Diagnostic d = one(check(with_source("    columns: {date: D}\n"
                                                  "    measures: [{kpi: sales.orders}]\n"
                                                  "  - id: crm\n"
                                                  "    files: [more.csv]\n"
                                                  "    columns: {date: D}\n"
                                                  "    measures: [{kpi: sales.orders}]\n")),
                                "duplicate-id");
  BOOST_TEST(at(d) == "43:9");
  BOOST_TEST(d.message == "two sources share the id 'crm' (first at kpi.yaml:39); rename one");
}

BOOST_AUTO_TEST_SUITE_END()
