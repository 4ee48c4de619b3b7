#include <boost/test/unit_test.hpp>

#include "kpi/util/quote.hpp"

BOOST_AUTO_TEST_SUITE(util_quote)

BOOST_AUTO_TEST_CASE(short_values_are_quoted_whole) {
  BOOST_TEST(kpi::quote("") == "''");
  BOOST_TEST(kpi::quote("sales.revenue") == "'sales.revenue'");
  BOOST_TEST(kpi::quote(std::string(64, 'x')) == "'" + std::string(64, 'x') + "'");
}

BOOST_AUTO_TEST_CASE(long_values_are_cut_and_their_size_given) {
  BOOST_TEST(kpi::quote(std::string(65, 'x')) == "'" + std::string(40, 'x') + "…' (65 bytes)");
  const std::string huge(52428800, 'x');
  const std::string quoted = kpi::quote(huge);
  BOOST_TEST(quoted == "'" + std::string(40, 'x') + "…' (52,428,800 bytes)");
  BOOST_TEST(kpi::cut(huge) == std::string(40, 'x') + "…");
  BOOST_TEST(kpi::cut("short") == "short");
}

BOOST_AUTO_TEST_CASE(a_cut_never_splits_a_character) {
  // "ệ" is 3 bytes: 13 of them are 39 bytes, the 14th would end at byte 42.
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text += "ệ";
  }
  std::string expected;
  for (int i = 0; i < 13; ++i) {
    expected += "ệ";
  }
  BOOST_TEST(kpi::cut(text) == expected + "…");
}

BOOST_AUTO_TEST_CASE(thousands) {
  BOOST_TEST(kpi::with_thousands(0) == "0");
  BOOST_TEST(kpi::with_thousands(999) == "999");
  BOOST_TEST(kpi::with_thousands(1000) == "1,000");
  BOOST_TEST(kpi::with_thousands(52428800) == "52,428,800");
}

BOOST_AUTO_TEST_SUITE_END()
