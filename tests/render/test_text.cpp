#include <boost/test/unit_test.hpp>

#include "kpi/render/text.hpp"

using kpi::render::display_width;
using kpi::render::human_number;
using kpi::render::plain_number;

BOOST_AUTO_TEST_SUITE(render_text)

BOOST_AUTO_TEST_CASE(plain_numbers_round_trip_without_exponent) {
  BOOST_TEST(plain_number(2100000000) == "2100000000");
  BOOST_TEST(plain_number(87.5) == "87.5");
  BOOST_TEST(plain_number(0.1 + 0.2) == "0.30000000000000004");
  BOOST_TEST(plain_number(100.0 / 3) == "33.333333333333336");
  BOOST_TEST(plain_number(1e20) == "100000000000000000000");
  BOOST_TEST(plain_number(1.5e17) == "150000000000000000");
  BOOST_TEST(plain_number(-2.5e-7) == "-0.00000025");
  BOOST_TEST(plain_number(1e-7) == "0.0000001");
  BOOST_TEST(plain_number(0) == "0");
  BOOST_TEST(plain_number(-3) == "-3");
  // The text reads back as the same double.
  BOOST_TEST(std::stod(plain_number(1.2345678901234567e-9)) == 1.2345678901234567e-9);
}

BOOST_AUTO_TEST_CASE(human_numbers_group_thousands_and_trim_zeros) {
  BOOST_TEST(human_number(2100000000, 2) == "2,100,000,000");
  BOOST_TEST(human_number(87.5, 2) == "87.5");
  BOOST_TEST(human_number(100.0 / 3, 2) == "33.33");
  BOOST_TEST(human_number(105, 2) == "105");
  BOOST_TEST(human_number(999.999, 2) == "1,000");
  BOOST_TEST(human_number(1234.5678, 2) == "1,234.57");
  BOOST_TEST(human_number(-1234567.891, 2) == "-1,234,567.89");
  BOOST_TEST(human_number(-0.001, 2) == "0");
  BOOST_TEST(human_number(123, 2) == "123");
  BOOST_TEST(human_number(-123456, 0) == "-123,456");
  BOOST_TEST(human_number(0.25, 2) == "0.25");
}

BOOST_AUTO_TEST_CASE(display_width_counts_columns_not_bytes) {
  BOOST_TEST(display_width("") == 0);
  BOOST_TEST(display_width("Alice") == 5);
  // Vietnamese, precomposed (NFC): one code point per letter.
  BOOST_TEST(display_width("Nguy\u1EC5n Th\u1ECB H\u1ED3ng") == 15);
  // The same name decomposed (NFD): base letters plus combining marks of width 0.
  BOOST_TEST(display_width("Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng") == 15);
  // Chinese ideographs take two columns each.
  BOOST_TEST(display_width("\u738B\u5C0F\u660E") == 6);
  BOOST_TEST(std::string("\u738B\u5C0F\u660E").size() == 9u);
  // Cyrillic letters are narrow though each takes two bytes.
  BOOST_TEST(display_width("\u0418\u0432\u0430\u043D \u041F\u0435\u0442\u0440\u043E\u0432") == 11);
  // Hangul syllables and fullwidth forms are wide.
  BOOST_TEST(display_width("\uD55C\uAD6D") == 4);
  BOOST_TEST(display_width("\uFF21\uFF22") == 4);
  // The dashes the renderers print are narrow; zero-width joiners take nothing.
  BOOST_TEST(display_width("\u2014\u2013\u00D7\u00B7") == 4);
  BOOST_TEST(display_width("a\u200Db") == 2);
  // A supplementary-plane ideograph (4 bytes) is wide.
  BOOST_TEST(display_width("\U00020000") == 2);
}

BOOST_AUTO_TEST_CASE(display_width_survives_invalid_utf8) {
  // Each bad byte counts as one replacement character.
  BOOST_TEST(display_width("a\xFF"
                           "b") == 3);
  BOOST_TEST(display_width("\xE4\xB8") == 2);      // truncated ideograph
  BOOST_TEST(display_width("\xC0\xAF") == 2);      // overlong '/'
  BOOST_TEST(display_width("\xED\xA0\x80") == 3);  // a UTF-16 surrogate
}

BOOST_AUTO_TEST_CASE(padding_uses_display_width) {
  BOOST_TEST(kpi::render::pad_right("\u738B", 4) == "\u738B  ");
  BOOST_TEST(kpi::render::pad_left("12", 5) == "   12");
  BOOST_TEST(kpi::render::pad_left("too wide", 3) == "too wide");
}

BOOST_AUTO_TEST_CASE(control_characters_become_spaces) {
  BOOST_TEST(kpi::render::strip_controls("a\tb\nc\x1b[31m") == "a b c [31m");
  BOOST_TEST(kpi::render::strip_controls("x\xC2\x9B"
                                         "1m") == "x 1m");
  BOOST_TEST(kpi::render::strip_controls("Nguy\u1EC5n") == "Nguy\u1EC5n");
}

BOOST_AUTO_TEST_CASE(targets_rewards_and_places) {
  using kpi::render::human_reward;
  using kpi::render::human_target;
  BOOST_TEST(human_target(std::nullopt) == "\u2014");
  BOOST_TEST(human_target(kpi::Target{2000000000, 2000000000, false}) == "2,000,000,000");
  BOOST_TEST(human_target(kpi::Target{0.25, 0.35, true}) == "0.25\u20130.35");
  BOOST_TEST(human_reward(std::nullopt) == "\u2014");
  BOOST_TEST(human_reward(kpi::Reward{"B", 1.25, 15000000}) == "B \u00D71.25 = 15,000,000");
  BOOST_TEST(human_reward(kpi::Reward{"C", 0.5, std::nullopt}) == "C \u00D70.5");
  kpi::Diagnostic d{"r", kpi::Severity::warning, "msg", {"f.yaml", 3, 7}, "did you mean 'x'?"};
  BOOST_TEST(kpi::render::where_and_message(d) == "f.yaml:3: msg (did you mean 'x'?)");
  d.where = {};
  d.hint = "";
  BOOST_TEST(kpi::render::where_and_message(d) == "msg");
}

BOOST_AUTO_TEST_SUITE_END()
