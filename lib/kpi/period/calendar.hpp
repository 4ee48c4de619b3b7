#pragma once
// Internal to the period module: ISO weeks and the periods that tokens and slots name.

#include "kpi/period/period.hpp"

namespace kpi::period_detail {

inline constexpr int k_min_year = 1;
inline constexpr int k_max_year = 9999;

struct IsoWeek {
  int year = 1970;
  int week = 1;  ///< 1..53
};

/// The Monday that starts week 1 of ISO year `year`: the week holding January 4.
Date iso_year_start(int year);
/// The ISO week (and its year, which may differ from the calendar year) holding `day`.
IsoWeek iso_week_of(Date day);

Date add_days(Date day, int count);

Period year_period(int year);
Period quarter_period(int year, int quarter);  ///< quarter 1..4
Period month_period(int year, int month);      ///< month 1..12
Period week_period(int year, int week);        ///< week 1..iso_weeks_in_year(year)
Period day_period(Date day);

}  // namespace kpi::period_detail
