#include <boost/test/unit_test.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "report_sample.hpp"

namespace {

std::string html(std::string_view generated = "") {
  std::ostringstream out;
  kpi::render_report_html(out, kpi::test::sample_report(), generated);
  return out.str();
}

std::string html_of(const kpi::Report& report) {
  std::ostringstream out;
  kpi::render_report_html(out, report, "");
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_report_html)

BOOST_AUTO_TEST_CASE(is_self_contained_with_svg_and_print_styles) {
  const std::string h = html();
  BOOST_TEST(h.rfind("<!DOCTYPE html>\n", 0) == 0u);
  BOOST_TEST(h.find("<svg") != std::string::npos);
  BOOST_TEST(h.find("@media print") != std::string::npos);
  BOOST_TEST(h.find("break-before: page") != std::string::npos);
  BOOST_TEST(h.find("<script") == std::string::npos);
  BOOST_TEST(h.find("http://") == h.find("http://www.w3.org/2000/svg"));
  BOOST_TEST(h.find("https://") == std::string::npos);
  BOOST_TEST(h.find("<link") == std::string::npos);
  BOOST_TEST(h.find("<img") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(escapes_every_user_written_string) {
  const std::string h = html();
  BOOST_TEST(
      h.find("Eve &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; | &#39;x&#39;") !=
      std::string::npos);
  BOOST_TEST(h.find("alert(1)</script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(shows_numbers_change_and_status) {
  const std::string h = html();
  // Alice's revenue: score 80 now, 60 in September.
  BOOST_TEST(h.find("<td data-label=\"Change\" class=\"num up\">+20</td>") != std::string::npos);
  BOOST_TEST(h.find("<span class=\"pill green\">green</span>") != std::string::npos);
  BOOST_TEST(h.find("Compared with 2026-09 (previous period)") != std::string::npos);
  BOOST_TEST(h.find("Period closed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(is_byte_identical_across_runs_and_has_no_clock_unless_given) {
  BOOST_TEST(html() == html());
  BOOST_TEST(html().find("generated") == std::string::npos);
  BOOST_TEST(html("2026-12-01 06:00 UTC").find("generated 2026-12-01 06:00 UTC") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(shows_coverage_withheld_rewards_and_inactive_people) {
  const std::string h = html_of(kpi::test::payroll_report());
  // Each cell carries its column's title, for the phone layout.
  BOOST_TEST(h.find("<tr><td data-label=\"Person\">Ana</td><td data-label=\"Total\" "
                    "class=\"num\">82.50</td><td data-label=\"Coverage\" class=\"num\">80 %</td>"
                    "<td data-label=\"Change\" class=\"num\">\u2014</td><td data-label=\"Reward\">"
                    "<span class=\"withheld\">withheld: 1 of 2 "
                    "KPIs unscored: sales.visits (no data)</span></td>") != std::string::npos);
  BOOST_TEST(
      h.find("<tr><td data-label=\"Person\">Ben</td><td data-label=\"Total\" "
             "class=\"num\">95.00</td><td data-label=\"Coverage\" class=\"num\">100 %</td>") !=
      std::string::npos);
  BOOST_TEST(h.find("total <strong>82.50</strong> \u00b7 coverage 80 % \u00b7 change \u2014 "
                    "\u00b7 reward <span class=\"withheld\">withheld: ") != std::string::npos);
  BOOST_TEST(h.find("reward \u2014 \u00b7 not active in the period</p>") != std::string::npos);
  BOOST_TEST(h.find("<li><span class=\"kind\">withheld</span>: Ana: 1 of 2 KPIs unscored: "
                    "sales.visits (no data)</li>") != std::string::npos);
  BOOST_TEST(h.find("<li><span class=\"kind\">inactive-row</span>: <code>data/sales.csv:7</code>: "
                    "cid left on 2026-09-30; row not counted</li>") != std::string::npos);
  BOOST_TEST(h.find("class=\"alert\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_period_opens_the_page) {
  const std::string h = html_of(kpi::test::empty_period_report(true));
  BOOST_TEST(
      h.find("</header>\n<main>\n<p class=\"alert\" role=\"alert\">No data: no measurement "
             "counts toward 2026-10 (1 October 2026 to 31 October 2026) as of 1 November 2026. ") !=
      std::string::npos);
  BOOST_TEST(h.find("<span class=\"kind\">empty-period</span>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
