#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "report_sample.hpp"

namespace {

std::string markdown() {
  std::ostringstream out;
  kpi::render_report_markdown(out, kpi::test::sample_report());
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_report_markdown)

BOOST_AUTO_TEST_CASE(header_names_the_period_by_its_dates) {
  const std::string md = markdown();
  BOOST_TEST(md.rfind("# ACME Corp: report for 2026-10\n\n"
                      "- Period: 2026-10, 2026-10-01 to 2026-10-31 (closed)\n"
                      "- As of: 2026-11-01\n"
                      "- Compared with: 2026-09 (previous period), 2026-09-01 to 2026-09-30\n",
                      0) == 0u);
}

BOOST_AUTO_TEST_CASE(summary_and_scorecards_hold_the_numbers) {
  const std::string md = markdown();
  BOOST_TEST(md.find("- KPIs: 1 green, 1 amber, 0 red, 1 unscored\n") != std::string::npos);
  BOOST_TEST(md.find("| Alice Nguyen | 80 | +10 | B \u00d71.25 | 15,000,000 |\n") !=
             std::string::npos);
  BOOST_TEST(md.find("| sales.revenue | 2,100,000,000 | 2,000,000,000 | 105 | 4 | 80 | 40 | "
                     "green | +20 | \u2581\u2588 |\n") != std::string::npos);
  BOOST_TEST(md.find("| Alice Nguyen | sales.revenue | 60 | 80 | +20 |\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(user_text_cannot_become_markup) {
  const std::string md = markdown();
  BOOST_TEST(md.find("| Eve \\<script\\>alert(1)\\</script\\> & \"Co\" \\| 'x' |") !=
             std::string::npos);
  BOOST_TEST(md.find("<script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_quality_lists_missing_actuals) {
  BOOST_TEST(markdown().find("- no-data: Alice Nguyen, sales.calls: no measurements\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
