#include <boost/test/unit_test.hpp>
#include <string>

#include "kpi/render/svg_png.hpp"

namespace {

/// The pixel size a PNG's IHDR gives (big-endian width, then height, after the signature).
std::pair<int, int> pixels(const std::string& png) {
  const auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) |
           (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  return {be32(16), be32(20)};
}

std::string chart(int width, int height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\"><rect x=\"1\" y=\"1\" width=\"10\" height=\"10\"/></svg>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_svg_png)

BOOST_AUTO_TEST_CASE(a_chart_is_drawn_at_twice_its_size) {
  const kpi::render::Png png = kpi::render::svg_to_png(chart(280, 120), "");
  BOOST_TEST(png.width == 280);
  BOOST_TEST(png.height == 120);
  const auto [w, h] = pixels(png.bytes);
  BOOST_TEST(w == 560);
  BOOST_TEST(h == 240);
}

// The bar chart of 1,000 people is about 20,000 pixels tall: at 2x past cairo's largest
// side (32,767), which failed the whole mail ("InvalidSize"). It is drawn smaller instead.
BOOST_AUTO_TEST_CASE(a_chart_taller_than_cairo_allows_at_2x_is_drawn_smaller) {
  const kpi::render::Png png = kpi::render::svg_to_png(chart(600, 20000), "");
  BOOST_TEST(png.width == 600);
  BOOST_TEST(png.height == 20000);
  const auto [w, h] = pixels(png.bytes);
  BOOST_TEST(h == 32767);
  BOOST_TEST(w == 983);  // 600 x 32767 / 20000, rounded
}

BOOST_AUTO_TEST_SUITE_END()
