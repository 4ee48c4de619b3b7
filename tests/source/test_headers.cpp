// A source's column names against the header rows of its files, on real folders.

#include <boost/test/unit_test.hpp>

#include "../yaml/helpers.hpp"
#include "kpi/source/headers.hpp"

using kpi::test::TempWorkspace;
using kpi::test::where;

namespace {

// `columns:` is line 13, the first measure line 15.
const std::string k_definitions = kpi::test::k_kpi_head +
                                  "sources:\n"                                       // 8
                                  "  - id: crm\n"                                    // 9
                                  "    files: [exports/deals-*.csv, none/*.csv]\n"   // 10
                                  "    header_row: 3\n"                              // 11
                                  "    delimiter: auto\n"                            // 12
                                  "    columns: {date: close date, entity: Ownr}\n"  // 13
                                  "    measures:\n"                                  // 14
                                  "      - kpi: sales.revenue\n"                     // 15
                                  "        value: Amount (VND)\n"                    // 16
                                  "        where: {STAGE: Won, Region: North}\n";    // 17

std::vector<kpi::Diagnostic> check(const TempWorkspace&) {
  const kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_REQUIRE(r.diagnostics.empty());
  return kpi::source::check_source_files(r.workspace);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(source_headers)

BOOST_AUTO_TEST_CASE(names_are_matched_trimmed_ignoring_case_with_the_nearest_suggested) {
  TempWorkspace temp;
  temp.write("kpi.yaml", k_definitions);
  // Two title lines (one blank), then the header; a BOM and CRLF line ends.
  temp.write("exports/deals-10.csv",
             "\xEF\xBB\xBF"
             "Deals export\r\n\r\n"
             "Deal ID;Owner; Close Date ;\"Amount (VND)\";Stage;Region\r\n"
             "D1;Alice;31/10/2026;1.250.000,50;Won;North\r\n");
  const std::vector<kpi::Diagnostic> found = check(temp);
  BOOST_TEST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].rule == "source-empty");
  BOOST_TEST((found[0].severity == kpi::Severity::warning));
  BOOST_TEST(where(found[0]) == "kpi.yaml:10:34");
  BOOST_TEST(found[0].message == "the glob 'none/*.csv' of source 'crm' matches no file");
  BOOST_TEST(found[1].rule == "source-column");
  BOOST_TEST(where(found[1]) == "kpi.yaml:13:41");
  BOOST_TEST(found[1].message ==
             "column 'Ownr' of source 'crm' is not in the header of exports/deals-10.csv (line 3)");
  BOOST_TEST(found[1].hint == "did you mean 'Owner'?");
}

BOOST_AUTO_TEST_CASE(each_missing_name_once_and_a_twice_named_column) {
  TempWorkspace temp;
  temp.write("kpi.yaml", k_definitions);
  const std::string header = "a\nb\nOwner,Close Date,Amount (VND),Stage,region,REGION\n";
  temp.write("exports/deals-10.csv", header);
  temp.write("exports/deals-11.csv", header);
  const std::vector<kpi::Diagnostic> found = check(temp);
  BOOST_TEST_REQUIRE(found.size() == 3u);
  BOOST_TEST(found[1].rule == "source-column");
  BOOST_TEST(found[1].hint == "did you mean 'Owner'?");
  BOOST_TEST(found[2].rule == "source-column");
  BOOST_TEST(where(found[2]) == "kpi.yaml:17:29");
  BOOST_TEST(found[2].message ==
             "the header of exports/deals-10.csv names column 'Region' twice (columns 5 and 6), "
             "so it cannot say which one is meant");
}

BOOST_AUTO_TEST_CASE(a_header_row_past_the_end_of_the_file) {
  TempWorkspace temp;
  temp.write("kpi.yaml", k_definitions);
  temp.write("exports/deals-10.csv", "only one line\n");
  const std::vector<kpi::Diagnostic> found = check(temp);
  BOOST_TEST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[1].rule == "source-column");
  BOOST_TEST(found[1].message ==
             "exports/deals-10.csv has no line 3, where 'header_row' of source 'crm' puts its column names");
}

BOOST_AUTO_TEST_CASE(wide_headers_must_be_stamps) {
  TempWorkspace temp;
  temp.write("kpi.yaml", kpi::test::k_kpi_head +
                             "sources:\n"
                             "  - id: web\n"
                             "    files: [web.csv]\n"
                             "    entity: sales\n"
                             "    wide: {columns: \"2026-*\", date_format: \"%Y-%m\"}\n"
                             "    measures: [{kpi: sales.revenue, where: {Metric: Sessions}}]\n");
  temp.write("web.csv", "Metric|2026-09|2026-10|2026-13|2025-12\nSessions|1|2|3|4\n");
  const std::vector<kpi::Diagnostic> found = check(temp);
  BOOST_TEST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].rule == "source-date");
  BOOST_TEST(where(found[0]) == "web.csv:1:24");
  BOOST_TEST(found[0].message ==
             "the wide column '2026-13' of source 'web' is not a stamp: '2026-13' has no month 13");
}

BOOST_AUTO_TEST_CASE(the_delimiter_is_the_most_frequent_of_four) {
  using kpi::source::detect_source_delimiter;
  BOOST_TEST(detect_source_delimiter("a;b;c,d") == ';');
  BOOST_TEST(detect_source_delimiter("a\tb\tc") == '\t');
  BOOST_TEST(detect_source_delimiter("a|b|c;d") == '|');
  BOOST_TEST(detect_source_delimiter("a;b,c") == ',');  // a tie goes to the first
  BOOST_TEST(detect_source_delimiter("\"a;b;c\",d") == ',');
  BOOST_TEST(detect_source_delimiter("abc") == ',');
}

BOOST_AUTO_TEST_SUITE_END()
