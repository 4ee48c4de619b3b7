// Calendar arithmetic: days since 1970-01-01 in the proleptic Gregorian calendar.

#include "kpi/period/calendar.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace kpi {

namespace {

// The algorithms count in 400-year eras of 146097 days, with years starting on March 1
// so that the leap day is the last day of its year. 719468 is the number of days from
// 0000-03-01 to 1970-01-01.
constexpr std::int64_t k_days_per_era = 146097;
constexpr std::int64_t k_epoch_shift = 719468;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) {
    --q;
  }
  return q;
}

std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t year_of_era = y - era * 400;                               // 0..399
  const int month_from_march = month > 2 ? month - 3 : month + 9;               // 0..11
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // 0..365
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // 0..146096
  return era * k_days_per_era + day_of_era - k_epoch_shift;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

Date make_date(int year, int month, int day) {
  return Date{static_cast<int>(days_from_civil(year, month, day))};
}

YearMonthDay to_ymd(Date date) {
  const std::int64_t z = std::int64_t{date.days} + k_epoch_shift;
  const std::int64_t era = floor_div(z, k_days_per_era);
  const std::int64_t day_of_era = z - era * k_days_per_era;  // 0..146096
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month =
      static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return YearMonthDay{static_cast<int>(year), month, day};
}

int days_in_month(int year, int month) {
  static constexpr int k_lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return 0;
  }
  if (month == 2 && is_leap_year(year)) {
    return 29;
  }
  return k_lengths[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= period_detail::k_min_year && year <= period_detail::k_max_year && month >= 1 &&
         month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int iso_weekday(Date date) {
  // 1970-01-01 was a Thursday (4).
  const std::int64_t shifted = std::int64_t{date.days} + 3;
  return static_cast<int>(shifted - floor_div(shifted, 7) * 7) + 1;
}

int iso_weeks_in_year(int year) {
  const int first = iso_weekday(make_date(year, 1, 1));
  return (first == 4 || (first == 3 && is_leap_year(year))) ? 53 : 52;
}

std::optional<Date> parse_date(std::string_view text) {
  const auto is_digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(i)) {
      return std::nullopt;
    }
  }
  const auto number = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (!is_valid_date(year, month, day)) {
    return std::nullopt;
  }
  return make_date(year, month, day);
}

std::string format_date(Date date) {
  const YearMonthDay ymd = to_ymd(date);
  return fmt::format("{:04}-{:02}-{:02}", ymd.year, ymd.month, ymd.day);
}

namespace period_detail {

Date add_days(Date day, int count) { return Date{day.days + count}; }

Date iso_year_start(int year) {
  const Date jan4 = make_date(year, 1, 4);
  return add_days(jan4, 1 - iso_weekday(jan4));
}

IsoWeek iso_week_of(Date day) {
  // A week belongs to the year of its Thursday.
  const Date thursday = add_days(day, 4 - iso_weekday(day));
  const int year = to_ymd(thursday).year;
  return IsoWeek{year, (thursday.days - iso_year_start(year).days) / 7 + 1};
}

Period year_period(int year) { return Period{make_date(year, 1, 1), make_date(year, 12, 31)}; }

Period quarter_period(int year, int quarter) {
  const int first_month = (quarter - 1) * 3 + 1;
  return Period{make_date(year, first_month, 1),
                make_date(year, first_month + 2, days_in_month(year, first_month + 2))};
}

Period month_period(int year, int month) {
  return Period{make_date(year, month, 1), make_date(year, month, days_in_month(year, month))};
}

Period week_period(int year, int week) {
  const Date start = add_days(iso_year_start(year), (week - 1) * 7);
  return Period{start, add_days(start, 6)};
}

Period day_period(Date day) { return Period{day, day}; }

}  // namespace period_detail

}  // namespace kpi
