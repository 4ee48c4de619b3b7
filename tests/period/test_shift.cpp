#include <boost/test/unit_test.hpp>

#include "kpi/period/shift.hpp"

namespace {

kpi::Period parse(const std::string& token) {
  kpi::PeriodParse p = kpi::parse_period(token, kpi::make_date(2026, 11, 23));
  BOOST_REQUIRE(p.period);
  return *p.period;
}

std::string token(const kpi::Period& p) { return kpi::absolute_token(p); }

}  // namespace

BOOST_AUTO_TEST_SUITE(period_shift)

BOOST_AUTO_TEST_CASE(kinds_are_whole_slots) {
  BOOST_TEST((kpi::period_kind(parse("2026")) == kpi::PeriodKind::year));
  BOOST_TEST((kpi::period_kind(parse("2026-Q4")) == kpi::PeriodKind::quarter));
  BOOST_TEST((kpi::period_kind(parse("2026-10")) == kpi::PeriodKind::month));
  BOOST_TEST((kpi::period_kind(parse("2026-W43")) == kpi::PeriodKind::week));
  BOOST_TEST((kpi::period_kind(parse("2026-10-14")) == kpi::PeriodKind::day));
  BOOST_TEST((kpi::period_kind(parse("2026-10..2026-11")) == kpi::PeriodKind::custom));
  // Two whole months that happen to make a range are not a quarter.
  BOOST_TEST((kpi::period_kind(parse("2026-10..2026-12")) == kpi::PeriodKind::quarter));
}

BOOST_AUTO_TEST_CASE(absolute_tokens_name_relative_words) {
  BOOST_TEST(token(parse("last-month")) == "2026-10");
  BOOST_TEST(token(parse("this-quarter")) == "2026-Q4");
  BOOST_TEST(token(parse("last-week")) == "2026-W47");
  BOOST_TEST(token(parse("last-year")) == "2025");
  BOOST_TEST(token(parse("yesterday")) == "2026-11-22");
  BOOST_TEST(token(parse("ytd")) == "2026-01-01..2026-11-23");
  // ISO week 1 of 2027 starts on Monday 2027-01-04; 2026-12-28 is in 2026-W53.
  BOOST_TEST(token(parse("2026-W53")) == "2026-W53");
  BOOST_TEST(token(parse("2027-W01")) == "2027-W01");
  BOOST_TEST(token(parse("2020-W01")) == "2020-W01");  // starts 2019-12-30
}

BOOST_AUTO_TEST_CASE(previous_is_the_period_of_the_same_kind_before) {
  BOOST_TEST(token(kpi::previous_period(parse("2026-01"))) == "2025-12");
  BOOST_TEST(token(kpi::previous_period(parse("2026-03"))) == "2026-02");
  BOOST_TEST(token(kpi::previous_period(parse("2026-Q1"))) == "2025-Q4");
  BOOST_TEST(token(kpi::previous_period(parse("2027-W01"))) == "2026-W53");
  BOOST_TEST(token(kpi::previous_period(parse("2026"))) == "2025");
  BOOST_TEST(token(kpi::previous_period(parse("2026-03-01"))) == "2026-02-28");
  // 10 days, 2026-10-05..14 -> the 10 days before.
  BOOST_TEST(token(kpi::previous_period(parse("2026-10-05..2026-10-14"))) ==
             "2026-09-25..2026-10-04");
}

BOOST_AUTO_TEST_CASE(year_ago_is_the_same_period_one_year_earlier) {
  BOOST_TEST(token(kpi::year_ago_period(parse("2026-11"))) == "2025-11");
  BOOST_TEST(token(kpi::year_ago_period(parse("2026-Q4"))) == "2025-Q4");
  BOOST_TEST(token(kpi::year_ago_period(parse("2026-W47"))) == "2025-W47");
  // 2025 has 52 ISO weeks: week 53 maps to week 52.
  BOOST_TEST(token(kpi::year_ago_period(parse("2026-W53"))) == "2025-W52");
  BOOST_TEST(token(kpi::year_ago_period(parse("2024-02-29"))) == "2023-02-28");
  BOOST_TEST(token(kpi::year_ago_period(parse("2024-02-10..2024-02-29"))) ==
             "2023-02-10..2023-02-28");
}

BOOST_AUTO_TEST_CASE(trailing_periods_end_with_the_period) {
  std::vector<kpi::Period> t = kpi::trailing_periods(parse("2026-02"), 4);
  BOOST_REQUIRE(t.size() == 4u);
  BOOST_TEST(token(t[0]) == "2025-11");
  BOOST_TEST(token(t[1]) == "2025-12");
  BOOST_TEST(token(t[2]) == "2026-01");
  BOOST_TEST(token(t[3]) == "2026-02");
  BOOST_TEST(kpi::trailing_periods(parse("2026-02"), 0).empty());
  BOOST_TEST(token(kpi::trailing_periods(parse("2026-02"), 1)[0]) == "2026-02");
}

BOOST_AUTO_TEST_CASE(shifts_that_leave_the_calendar_are_caught) {
  BOOST_TEST(kpi::within_calendar(parse("0001-01")));
  BOOST_TEST(kpi::within_calendar(parse("9999-12-31")));
  BOOST_TEST(!kpi::within_calendar(kpi::previous_period(parse("0001-01"))));
  BOOST_TEST(!kpi::within_calendar(kpi::year_ago_period(parse("0001-06"))));
  BOOST_TEST(!kpi::within_calendar(kpi::previous_period(parse("0001-W01"))));
  BOOST_TEST(kpi::within_calendar(kpi::previous_period(parse("0001-02"))));
  BOOST_TEST(!kpi::within_calendar(kpi::trailing_periods(parse("0001-03"), 4).front()));
}

BOOST_AUTO_TEST_SUITE_END()
