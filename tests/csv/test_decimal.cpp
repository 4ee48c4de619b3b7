#include <boost/test/unit_test.hpp>
#include <limits>

#include "kpi/csv/measurements.hpp"

BOOST_AUTO_TEST_SUITE(csv_decimal)

BOOST_AUTO_TEST_CASE(accepts_strict_decimals) {
  const std::vector<std::pair<std::string, double>> accepted = {
      {"0", 0},         {"42", 42},    {"-7", -7},        {"+7", 7},           {"1.5", 1.5},
      {"-0.25", -0.25}, {"1e3", 1000}, {"2.5E-2", 0.025}, {"-1.5e+2", -150},   {"  12.5  ", 12.5},
      {"\t3\t", 3},     {"007", 7},    {"1e308", 1e308},  {"2000000000", 2e9}, {"0.1", 0.1},
  };
  for (const auto& [text, expected] : accepted) {
    const std::optional<double> value = kpi::parse_decimal(text);
    BOOST_TEST_REQUIRE(value.has_value(), "rejected '" << text << "'");
    BOOST_TEST(*value == expected, "'" << text << "' read as " << *value);
  }
}

BOOST_AUTO_TEST_CASE(rejects_everything_else) {
  const std::vector<std::string> rejected = {
      "",      "   ",    "1,5",  "5%",  "NaN",   "nan", "inf",   "-inf",  "Infinity",
      "1e400", "-1e400", "0x1A", "1.",  ".5",    "1e",  "1e+",   "+",     "-",
      "1 000", "1.5.2",  "--1",  "+-1", "1_000", "€5",  "5 EUR", "1e5.5", "1d",
  };
  for (const std::string& text : rejected) {
    BOOST_TEST(!kpi::parse_decimal(text).has_value(), "accepted '" << text << "'");
  }
}

BOOST_AUTO_TEST_CASE(negative_zero_is_zero) {
  const std::optional<double> value = kpi::parse_decimal("-0");
  BOOST_TEST_REQUIRE(value.has_value());
  BOOST_TEST(*value == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
