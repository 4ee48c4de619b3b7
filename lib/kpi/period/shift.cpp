#include "kpi/period/shift.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "kpi/period/calendar.hpp"

namespace kpi {

namespace {

/// The same day one year earlier; 29 February becomes the 28th.
Date year_before(Date day) {
  const YearMonthDay ymd = to_ymd(day);
  const int year = ymd.year - 1;
  return make_date(year, ymd.month, std::min(ymd.day, days_in_month(year, ymd.month)));
}

/// ISO year and week number of a Monday-started week.
std::pair<int, int> iso_week_of(Date monday) {
  // The ISO year of a week is the year of its Thursday.
  const Date thursday{monday.days + 3};
  const YearMonthDay t = to_ymd(thursday);
  return {t.year, (thursday.days - make_date(t.year, 1, 1).days) / 7 + 1};
}

/// The Monday of ISO week `week` of `year` (week 1 holds 4 January).
Date iso_week_start(int year, int week) {
  const Date jan4 = make_date(year, 1, 4);
  const Date week1{jan4.days - (iso_weekday(jan4) - 1)};
  return Date{week1.days + 7 * (week - 1)};
}

}  // namespace

PeriodKind period_kind(const Period& p) {
  if (p.start == p.end) {
    return PeriodKind::day;
  }
  if (slot_containing(SlotKind::yearly, p.start) == p) {
    return PeriodKind::year;
  }
  if (slot_containing(SlotKind::quarterly, p.start) == p) {
    return PeriodKind::quarter;
  }
  if (slot_containing(SlotKind::monthly, p.start) == p) {
    return PeriodKind::month;
  }
  if (slot_containing(SlotKind::weekly, p.start) == p) {
    return PeriodKind::week;
  }
  return PeriodKind::custom;
}

Period previous_period(const Period& p) {
  const Date before{p.start.days - 1};
  switch (period_kind(p)) {
    case PeriodKind::day:
      return Period{before, before};
    case PeriodKind::week:
      return slot_containing(SlotKind::weekly, before);
    case PeriodKind::month:
      return slot_containing(SlotKind::monthly, before);
    case PeriodKind::quarter:
      return slot_containing(SlotKind::quarterly, before);
    case PeriodKind::year:
      return slot_containing(SlotKind::yearly, before);
    case PeriodKind::custom:
      break;
  }
  return Period{Date{p.start.days - p.days()}, before};
}

Period year_ago_period(const Period& p) {
  switch (period_kind(p)) {
    case PeriodKind::day: {
      const Date d = year_before(p.start);
      return Period{d, d};
    }
    case PeriodKind::week: {
      const auto [year, week] = iso_week_of(p.start);
      const int w = std::min(week, iso_weeks_in_year(year - 1));
      const Date monday = iso_week_start(year - 1, w);
      return Period{monday, Date{monday.days + 6}};
    }
    case PeriodKind::month:
      return slot_containing(SlotKind::monthly, year_before(p.start));
    case PeriodKind::quarter:
      return slot_containing(SlotKind::quarterly, year_before(p.start));
    case PeriodKind::year:
      return slot_containing(SlotKind::yearly, year_before(p.start));
    case PeriodKind::custom:
      break;
  }
  return Period{year_before(p.start), year_before(p.end)};
}

bool within_calendar(const Period& p) {
  return make_date(period_detail::k_min_year, 1, 1) <= p.start &&
         p.end <= make_date(period_detail::k_max_year, 12, 31);
}

std::vector<Period> trailing_periods(const Period& period, int count) {
  std::vector<Period> out;
  if (count <= 0) {
    return out;
  }
  out.resize(static_cast<size_t>(count));
  Period p = period;
  for (int i = count - 1; i >= 0; --i) {
    out[static_cast<size_t>(i)] = p;
    if (i > 0) {
      p = previous_period(p);
    }
  }
  return out;
}

std::string absolute_token(const Period& p) {
  const YearMonthDay start = to_ymd(p.start);
  switch (period_kind(p)) {
    case PeriodKind::day:
      return format_date(p.start);
    case PeriodKind::year:
      return fmt::format("{:04}", start.year);
    case PeriodKind::quarter:
      return fmt::format("{:04}-Q{}", start.year, (start.month - 1) / 3 + 1);
    case PeriodKind::month:
      return fmt::format("{:04}-{:02}", start.year, start.month);
    case PeriodKind::week: {
      const auto [year, week] = iso_week_of(p.start);
      return fmt::format("{:04}-W{:02}", year, week);
    }
    case PeriodKind::custom:
      break;
  }
  return format_date(p.start) + ".." + format_date(p.end);
}

}  // namespace kpi
