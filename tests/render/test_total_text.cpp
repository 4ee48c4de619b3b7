#include <boost/test/unit_test.hpp>

#include "kpi/render/total_text.hpp"
#include "payroll_sample.hpp"

namespace {

using kpi::render::fixed_number;
using kpi::render::human_coverage;
using kpi::render::human_total;
using kpi::render::truncated_number;

}  // namespace

BOOST_AUTO_TEST_SUITE(render_total_text)

BOOST_AUTO_TEST_CASE(fixed_number_rounds_half_away_from_zero_to_exactly_the_decimals) {
  BOOST_TEST(fixed_number(94.996, 2) == "95.00");
  BOOST_TEST(fixed_number(94.996, 0) == "95");
  BOOST_TEST(fixed_number(95, 2) == "95.00");
  BOOST_TEST(fixed_number(82.5, 0) == "83");  // half away from zero, not to even
  BOOST_TEST(fixed_number(-82.5, 0) == "-83");
  BOOST_TEST(fixed_number(100.0 / 3, 3) == "33.333");
  BOOST_TEST(fixed_number(-0.001, 2) == "0.00");
  BOOST_TEST(fixed_number(1234567.125, 1) == "1,234,567.1");
}

BOOST_AUTO_TEST_CASE(truncated_number_cuts_the_shortest_text_toward_zero) {
  BOOST_TEST(truncated_number(94.996, 2, true) == "94.99");
  // 94.99 x 100 is 9498.999... in binary: cutting the binary value would print 94.98.
  BOOST_TEST(truncated_number(94.99, 2, true) == "94.99");
  BOOST_TEST(truncated_number(0.1 + 0.2, 2, true) == "0.30");
  BOOST_TEST(truncated_number(0.1 + 0.2, 2, false) == "0.3");
  BOOST_TEST(truncated_number(95, 2, true) == "95.00");
  BOOST_TEST(truncated_number(95, 2, false) == "95");
  BOOST_TEST(truncated_number(-94.996, 2, true) == "-94.99");
  BOOST_TEST(truncated_number(-0.004, 2, true) == "0.00");
  BOOST_TEST(truncated_number(1234.5, 2, true) == "1,234.50");
  BOOST_TEST(truncated_number(1e21, 2, false) == "1,000,000,000,000,000,000,000");
}

BOOST_AUTO_TEST_CASE(a_total_prints_with_the_precision_or_cut_to_two_decimals) {
  BOOST_TEST(human_total(94.996, 2) == "95.00");
  BOOST_TEST(human_total(94.996, 0) == "95");
  BOOST_TEST(human_total(94.996, 3) == "94.996");
  BOOST_TEST(human_total(94.996, std::nullopt) == "94.99");
  BOOST_TEST(human_total(80, std::nullopt) == "80.00");
  BOOST_TEST(human_total(std::nullopt, 2) == "\u2014");
  BOOST_TEST(human_total(std::nullopt, std::nullopt) == "\u2014");
}

BOOST_AUTO_TEST_CASE(coverage_never_reads_as_full_when_it_is_not) {
  BOOST_TEST(human_coverage(80) == "80 %");
  BOOST_TEST(human_coverage(100) == "100 %");
  BOOST_TEST(human_coverage(200.0 / 3) == "66.66 %");
  BOOST_TEST(human_coverage(99.996) == "99.99 %");
  BOOST_TEST(human_coverage(0) == "0 %");
  BOOST_TEST(human_coverage(std::nullopt) == "\u2014");
}

BOOST_AUTO_TEST_CASE(the_total_text_names_partial_coverage_and_inactive_people) {
  const kpi::ScoreResult r = kpi::test::payroll_result(2);
  BOOST_TEST(kpi::render::total_text(r, r.entities[0]) == "82.50 (coverage 80 %)");
  BOOST_TEST(kpi::render::total_text(r, r.entities[1]) == "95.00");  // coverage 100: no note
  BOOST_TEST(kpi::render::total_text(r, r.entities[2]) == "\u2014 \u00b7 not active in the period");
  BOOST_TEST(kpi::render::total_text(r, r.entities[3]) == "88.75");  // coverage null: no note
  BOOST_TEST(kpi::render::reward_text(r.entities[0]) ==
             "withheld: 1 of 2 KPIs unscored: sales.visits (no data)");
  BOOST_TEST(kpi::render::reward_text(r.entities[1]) == "B \u00d71 = 12,000,000");
  BOOST_TEST(kpi::render::reward_text(r.entities[2]) == "\u2014");
}

BOOST_AUTO_TEST_SUITE_END()
