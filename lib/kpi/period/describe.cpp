// Periods written back as people and tokens read them.

#include "kpi/period/period.hpp"

namespace kpi {

namespace {

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

/// The token a period is written as (2026, 2026-Q1, 2026-01, 2026-W05, 2026-01-05), or
/// empty when it is none of them.
std::string period_token(const Period& p) {
  const YearMonthDay a = to_ymd(p.start);
  const YearMonthDay b = to_ymd(p.end);
  if (p.start == p.end) {
    return format_date(p.start);
  }
  const bool month_start = a.day == 1;
  const bool month_end = b.day == days_in_month(b.year, b.month);
  if (month_start && month_end && a.year == b.year) {
    if (a.month == 1 && b.month == 12) {
      return std::to_string(a.year);
    }
    if (a.month == b.month) {
      return std::to_string(a.year) + "-" + two_digits(a.month);
    }
    if (b.month == a.month + 2 && a.month % 3 == 1) {
      return std::to_string(a.year) + "-Q" + std::to_string(a.month / 3 + 1);
    }
  }
  if (p.days() == 7 && iso_weekday(p.start) == 1) {
    // An ISO week belongs to the year of its Thursday.
    const Date thursday{p.start.days + 3};
    const int year = to_ymd(thursday).year;
    const int week = (thursday.days - make_date(year, 1, 1).days) / 7 + 1;
    return std::to_string(year) + "-W" + two_digits(week);
  }
  return {};
}

/// "2026-W05 (2026-01-26..2026-02-01)", "2026-01-05" or "2026-01-03..2026-02-10".
std::string describe_period(const Period& p) {
  const std::string range = format_date(p.start) + ".." + format_date(p.end);
  const std::string token = period_token(p);
  if (token.empty()) {
    return range;
  }
  return p.start == p.end ? token : token + " (" + range + ")";
}

}  // namespace kpi
