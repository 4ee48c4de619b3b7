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
  BOOST_TEST(h.find("<td class=\"num up\">+20</td>") != std::string::npos);
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

BOOST_AUTO_TEST_SUITE_END()
