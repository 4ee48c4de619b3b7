#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "report_sample.hpp"

namespace {

std::string markdown(const kpi::Report& report = kpi::test::sample_report()) {
  std::ostringstream out;
  kpi::render_report_markdown(out, report);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_report_markdown)

BOOST_AUTO_TEST_CASE(header_names_the_period_by_its_dates) {
  const std::string md = markdown();
  BOOST_TEST(md.rfind("# ACME Corp: report for 2026-10\n\n"
                      "- Period: 2026-10, 1 October 2026 to 31 October 2026 (closed)\n"
                      "- As of: 1 November 2026\n"
                      "- Compared with: 2026-09 (previous period), 1 September 2026 to 30 September 2026\n",
                      0) == 0u);
}

BOOST_AUTO_TEST_CASE(summary_and_scorecards_hold_the_numbers) {
  const std::string md = markdown();
  BOOST_TEST(md.find("- KPIs: 1 green, 1 amber, 0 red, 1 unscored\n") != std::string::npos);
  BOOST_TEST(md.find("| Alice Nguyen | 80.00 | \u2014 | +10 | B \u00d71.25 | 15,000,000 |\n") !=
             std::string::npos);
  BOOST_TEST(md.find("| Net revenue | VND | 2,100,000,000 | 2,000,000,000 | 105 | 4 | 80 | 40 | "
                     "green | +20 | \u2581\u2588 |\n") != std::string::npos);
  BOOST_TEST(md.find("| Alice Nguyen | Net revenue | 60 | 80 | +20 |\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(user_text_cannot_become_markup) {
  const std::string md = markdown();
  BOOST_TEST(md.find("| Eve \\<script\\>alert(1)\\</script\\> \\& \"Co\" \\| 'x' |") !=
             std::string::npos);
  BOOST_TEST(md.find("<script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_quality_lists_missing_actuals) {
  BOOST_TEST(markdown().find("- no-data: Alice Nguyen, sales.calls: no measurements\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(summary_shows_coverage_and_a_withheld_reward_in_words) {
  const std::string md = markdown(kpi::test::payroll_report());
  BOOST_TEST(md.find("| Unit | Total | Coverage | Members' mean | Change | Trend |\n"
                     "| --- | ---: | ---: | ---: | ---: | --- |\n"
                     "| Sales | 88.75 | \u2014 | 88.75 | \u2014 |  |\n") != std::string::npos);
  BOOST_TEST(md.find("| Person | Total | Coverage | Change | Reward | Amount |\n"
                     "| --- | ---: | ---: | ---: | --- | ---: |\n"
                     "| Ana | 82.50 | 80 % | \u2014 | withheld: 1 of 2 KPIs unscored: sales.visits "
                     "(no data) | \u2014 |\n"
                     "| Ben | 95.00 | 100 % | \u2014 | B \u00d71 | 12,000,000 |\n"
                     "| Cid | \u2014 | \u2014 | \u2014 | \u2014 | \u2014 |\n") !=
             std::string::npos);
  BOOST_TEST(md.find("\nPerson \u00b7 total 82.50 \u00b7 coverage 80 % \u00b7 change \u2014 \u00b7 "
                     "reward withheld: 1 of 2 KPIs unscored: sales.visits (no data)\n") !=
             std::string::npos);
  BOOST_TEST(
      md.find("\nPerson \u00b7 total \u2014 \u00b7 change \u2014 \u00b7 reward \u2014 \u00b7 "
              "not active in the period\n") != std::string::npos);
  BOOST_TEST(md.find("| sales.revenue |  | \u2014 | \u2014 | \u2014 | \u2014 | \u2014 | \u2014 | "
                     "unscored | \u2014 |  |\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_quality_lists_files_gaps_withheld_rewards_and_inactive_rows) {
  const std::string md = markdown(kpi::test::payroll_report());
  const size_t at = md.find("\n## Data quality\n");
  BOOST_REQUIRE(at != std::string::npos);
  BOOST_TEST(md.substr(at) ==
             "\n## Data quality\n\n"
             "- data-empty: kpi.yaml:4: 'data/2026-10/\\*.csv' matches no file\n"
             "- data-repeated: data/sales.csv: named twice, read once\n"
             "- no-data: Ana, sales.visits: no data\n"
             "- withheld: Ana: 1 of 2 KPIs unscored: sales.visits (no data)\n"
             "- inactive-row: data/sales.csv:7: cid left on 2026-09-30; row not counted\n");
}

BOOST_AUTO_TEST_CASE(an_empty_period_says_so_on_its_first_lines) {
  const char* opening =
      "# ACME Corp: report for 2026-10\n\n"
      "**No data: no measurement counts toward 2026-10 (1 October 2026 to 31 October 2026) as of 1 "
      "November 2026. Every KPI below is without data; check the data files before reading on: an "
      "empty period is not a quiet one.**\n\n"
      "- Period: 2026-10, 1 October 2026 to 31 October 2026 (closed)\n";
  for (bool warned : {true, false}) {
    const std::string md = markdown(kpi::test::empty_period_report(warned));
    BOOST_TEST(md.rfind(opening, 0) == 0u);
  }
  const std::string md = markdown(kpi::test::empty_period_report(true));
  BOOST_TEST(md.find("\n## Data quality\n\n- empty-period: no row counts toward 2026-10 (as of "
                     "2026-11-01)\n") != std::string::npos);
  BOOST_TEST(markdown().find("No data") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
