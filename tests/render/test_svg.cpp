#include <boost/test/unit_test.hpp>

#include "kpi/render/svg.hpp"

BOOST_AUTO_TEST_SUITE(render_svg)

BOOST_AUTO_TEST_CASE(a_trend_chart_places_its_line_points_and_labels) {
  // Axis 0..120 % over 78 units from y 20: 100 % at 20 + 78 x 20/120 = 33; x from 44 to 268.
  const std::string svg =
      kpi::render::trend_chart({60, std::nullopt, 120}, {"2026-08", "2026-09", "2026-10"},
                               kpi::Status::green, "achievement of Visits");
  BOOST_TEST(
      svg.find("<line x1=\"44.0\" y1=\"33.0\" x2=\"268.0\" y2=\"33.0\" class=\"reference\"/>") !=
      std::string::npos);
  BOOST_TEST(svg.find(">100 %</text>") != std::string::npos);
  // 60 % at 20 + 78 x 60/120 = 59; 120 % at the top, 20.
  BOOST_TEST(svg.find("<circle cx=\"44.0\" cy=\"59.0\" r=\"2.5\" class=\"dot none\"/>") !=
             std::string::npos);
  BOOST_TEST(svg.find("<circle cx=\"268.0\" cy=\"20.0\" r=\"4\" class=\"dot green\"/>") !=
             std::string::npos);
  // The missing period breaks the line: no segment joins 60 % and 120 %.
  BOOST_TEST(svg.find("44.0,59.0 268.0,20.0") == std::string::npos);
  BOOST_TEST(svg.find("y=\"13\" class=\"value\" text-anchor=\"end\">120 %</text>") !=
             std::string::npos);
  BOOST_TEST(svg.find(">2026-08</text>") != std::string::npos);
  BOOST_TEST(svg.find(">2026-10</text>") != std::string::npos);
  BOOST_TEST(svg.find(">2026-09</text>") == std::string::npos);  // only the ends are named
  BOOST_TEST(svg.find("aria-label=\"achievement of Visits\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_value_above_the_axis_raises_it) {
  const std::string svg = kpi::render::trend_chart({240}, {"2026-10"}, kpi::Status::green, "t");
  // Axis 0..240: 100 % at 20 + 78 x 140/240 = 65.5; one period sits in the middle, 156.
  BOOST_TEST(svg.find("y1=\"65.5\"") != std::string::npos);
  BOOST_TEST(svg.find("<circle cx=\"156.0\" cy=\"20.0\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
