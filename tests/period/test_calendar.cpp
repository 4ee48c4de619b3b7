#include <boost/test/unit_test.hpp>

#include "kpi/period/period.hpp"

using kpi::Date;

BOOST_AUTO_TEST_SUITE(period_calendar)

BOOST_AUTO_TEST_CASE(days_count_from_1970) {
  BOOST_TEST(kpi::make_date(1970, 1, 1).days == 0);
  BOOST_TEST(kpi::make_date(1970, 1, 2).days == 1);
  BOOST_TEST(kpi::make_date(1969, 12, 31).days == -1);
  BOOST_TEST(kpi::make_date(1970, 3, 1).days == 31 + 28);
  // 30 years, 7 leap days (1972 .. 1996).
  BOOST_TEST(kpi::make_date(2000, 1, 1).days == 30 * 365 + 7);
  // 56 years, 14 leap days (1972 .. 2024).
  BOOST_TEST(kpi::make_date(2026, 1, 1).days == 56 * 365 + 14);
  BOOST_TEST(kpi::make_date(2026, 10, 14).days == 20454 + 286);
  // 1969 years before 1970, 477 leap days (492 multiples of 4, less 19 centuries, plus 4).
  BOOST_TEST(kpi::make_date(1, 1, 1).days == -(1969 * 365 + 477));
  // 8030 years 1970..9999 hold 1947 leap days; the last day is one before 10000-01-01.
  BOOST_TEST(kpi::make_date(9999, 12, 31).days == 8030 * 365 + 1947 - 1);
}

BOOST_AUTO_TEST_CASE(ymd_round_trips_over_the_whole_range) {
  const kpi::YearMonthDay epoch = kpi::to_ymd(Date{0});
  BOOST_TEST(epoch.year == 1970);
  BOOST_TEST(epoch.month == 1);
  BOOST_TEST(epoch.day == 1);
  const kpi::YearMonthDay leap = kpi::to_ymd(kpi::make_date(2024, 2, 29));
  BOOST_TEST(leap.year == 2024);
  BOOST_TEST(leap.month == 2);
  BOOST_TEST(leap.day == 29);
  // Every day of years 1..9999 maps back to itself and follows the previous one.
  int expected = kpi::make_date(1, 1, 1).days;
  int mismatches = 0;
  for (int year = 1; year <= 9999; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= kpi::days_in_month(year, month); ++day) {
        const Date date = kpi::make_date(year, month, day);
        const kpi::YearMonthDay back = kpi::to_ymd(date);
        if (date.days != expected || back.year != year || back.month != month || back.day != day) {
          ++mismatches;
        }
        ++expected;
      }
    }
  }
  BOOST_TEST(mismatches == 0);
  BOOST_TEST(expected - 1 == kpi::make_date(9999, 12, 31).days);
}

BOOST_AUTO_TEST_CASE(leap_years_follow_the_gregorian_rule) {
  BOOST_TEST(kpi::days_in_month(2024, 2) == 29);
  BOOST_TEST(kpi::days_in_month(2026, 2) == 28);
  BOOST_TEST(kpi::days_in_month(1900, 2) == 28);
  BOOST_TEST(kpi::days_in_month(2000, 2) == 29);
  BOOST_TEST(kpi::days_in_month(2026, 4) == 30);
  BOOST_TEST(kpi::days_in_month(2026, 12) == 31);
  BOOST_TEST(kpi::days_in_month(2026, 13) == 0);
  BOOST_TEST(kpi::is_valid_date(2024, 2, 29));
  BOOST_TEST(!kpi::is_valid_date(2026, 2, 29));
  BOOST_TEST(!kpi::is_valid_date(2026, 4, 31));
  BOOST_TEST(!kpi::is_valid_date(2026, 0, 1));
  BOOST_TEST(!kpi::is_valid_date(2026, 1, 0));
  BOOST_TEST(!kpi::is_valid_date(0, 1, 1));
  BOOST_TEST(!kpi::is_valid_date(10000, 1, 1));
  BOOST_TEST(kpi::is_valid_date(1, 1, 1));
  BOOST_TEST(kpi::is_valid_date(9999, 12, 31));
}

BOOST_AUTO_TEST_CASE(iso_weekdays_run_monday_to_sunday) {
  BOOST_TEST(kpi::iso_weekday(Date{0}) == 4);   // 1970-01-01, a Thursday
  BOOST_TEST(kpi::iso_weekday(Date{-1}) == 3);  // 1969-12-31
  BOOST_TEST(kpi::iso_weekday(Date{-4}) == 7);  // 1969-12-28, a Sunday
  BOOST_TEST(kpi::iso_weekday(kpi::make_date(2026, 10, 14)) == 3);
  BOOST_TEST(kpi::iso_weekday(kpi::make_date(2026, 10, 18)) == 7);
  BOOST_TEST(kpi::iso_weekday(kpi::make_date(2025, 12, 29)) == 1);
  BOOST_TEST(kpi::iso_weekday(kpi::make_date(1, 1, 1)) == 1);
}

BOOST_AUTO_TEST_CASE(years_with_53_iso_weeks) {
  BOOST_TEST(kpi::iso_weeks_in_year(2020) == 53);  // leap, starts on a Wednesday
  BOOST_TEST(kpi::iso_weeks_in_year(2026) == 53);  // starts on a Thursday
  BOOST_TEST(kpi::iso_weeks_in_year(2015) == 53);  // starts on a Thursday
  BOOST_TEST(kpi::iso_weeks_in_year(2025) == 52);  // starts on a Wednesday, not leap
  BOOST_TEST(kpi::iso_weeks_in_year(2027) == 52);
  BOOST_TEST(kpi::iso_weeks_in_year(2024) == 52);  // leap, starts on a Monday
  int long_years = 0;
  for (int year = 2001; year <= 2400; ++year) {
    long_years += kpi::iso_weeks_in_year(year) == 53 ? 1 : 0;
  }
  BOOST_TEST(long_years == 71);  // 71 long years in every 400-year cycle
}

BOOST_AUTO_TEST_CASE(parse_date_is_strict) {
  BOOST_TEST(kpi::parse_date("2026-10-14").value().days == kpi::make_date(2026, 10, 14).days);
  BOOST_TEST(kpi::parse_date("2024-02-29").has_value());
  BOOST_TEST(!kpi::parse_date("2026-02-29").has_value());
  BOOST_TEST(!kpi::parse_date("2026-02-30").has_value());
  BOOST_TEST(!kpi::parse_date("2026-13-01").has_value());
  BOOST_TEST(!kpi::parse_date("2026-1-14").has_value());
  BOOST_TEST(!kpi::parse_date("26-10-14").has_value());
  BOOST_TEST(!kpi::parse_date(" 2026-10-14").has_value());
  BOOST_TEST(!kpi::parse_date("2026-10-14 ").has_value());
  BOOST_TEST(!kpi::parse_date("2026/10/14").has_value());
  BOOST_TEST(!kpi::parse_date("0000-01-01").has_value());
  BOOST_TEST(!kpi::parse_date("").has_value());
  BOOST_TEST(!kpi::parse_date("2026-10").has_value());
}

BOOST_AUTO_TEST_CASE(format_date_pads_every_field) {
  BOOST_TEST(kpi::format_date(Date{0}) == "1970-01-01");
  BOOST_TEST(kpi::format_date(kpi::make_date(2026, 3, 9)) == "2026-03-09");
  BOOST_TEST(kpi::format_date(kpi::make_date(1, 1, 1)) == "0001-01-01");
  BOOST_TEST(kpi::format_date(kpi::make_date(9999, 12, 31)) == "9999-12-31");
}

BOOST_AUTO_TEST_SUITE_END()
