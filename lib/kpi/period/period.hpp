#pragma once
// Calendar days, periods (closed ranges of days) and the period tokens of scoring.md.

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

/// A calendar day, counted from 1970-01-01 (proleptic Gregorian).
struct Date {
  int days = 0;
  auto operator<=>(const Date&) const = default;
};

struct YearMonthDay {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
};

/// The day for a valid y-m-d; call is_valid_date first for user input.
Date make_date(int year, int month, int day);
YearMonthDay to_ymd(Date date);
bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);
/// ISO weekday: 1 = Monday .. 7 = Sunday.
int iso_weekday(Date date);
/// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year
/// starting on a Wednesday.
int iso_weeks_in_year(int year);

/// Strict YYYY-MM-DD, a day that exists.
std::optional<Date> parse_date(std::string_view text);
/// YYYY-MM-DD.
std::string format_date(Date date);

/// A closed range of calendar days.
struct Period {
  Date start;
  Date end;
  int days() const { return end.days - start.days + 1; }
  bool contains(Date d) const { return start <= d && d <= end; }
  bool contains(const Period& p) const { return start <= p.start && p.end <= end; }
  bool overlaps(const Period& p) const { return start <= p.end && p.start <= end; }
  bool operator==(const Period&) const = default;
};

/// The slot sizes a KPI's `period` cuts time into.
enum class SlotKind { daily, weekly, monthly, quarterly, yearly };

std::optional<SlotKind> parse_slot_kind(std::string_view word);  ///< "daily" .. "yearly"
std::string_view to_string(SlotKind kind);
/// The slot of `kind` that holds `day`.
Period slot_containing(SlotKind kind, Date day);
/// The slots of `kind` that overlap `range`, in order (first and last may stick out).
std::vector<Period> slots_overlapping(SlotKind kind, const Period& range);

/// Either a period or a message saying what is wrong with the token.
struct PeriodParse {
  std::optional<Period> period;
  std::string error;  ///< set when period is empty, e.g. "2027 has 52 ISO weeks, not 53"
};

/// A single absolute token: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD.
/// This is what a measurement's date column and an override's `period` hold.
PeriodParse parse_stamp(std::string_view token);

/// Any token of scoring.md: an absolute token, `A..B` (start of A to end of B), or a
/// relative word (today, yesterday, this-/last-week|month|quarter|year, ytd) resolved
/// against `as_of`. Either side of `..` may be any single token or relative word.
PeriodParse parse_period(std::string_view token, Date as_of);

/// The token a period is written as (2026, 2026-Q1, 2026-01, 2026-W05, 2026-01-05), or
/// empty when it is none of them.
std::string period_token(const Period& p);
/// "2026-W05 (2026-01-26..2026-02-01)", "2026-01-05" or "2026-01-03..2026-02-10".
std::string describe_period(const Period& p);

/// The relative words, for help texts and suggestions.
const std::vector<std::string>& relative_period_words();

}  // namespace kpi
