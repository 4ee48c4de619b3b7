// Period tokens of scoring.md: absolute stamps, relative words and A..B ranges.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "kpi/period/calendar.hpp"

namespace kpi {

using namespace period_detail;

namespace {

constexpr std::string_view k_absolute_forms = "YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD";
constexpr std::string_view k_any_forms =
    "YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD, A..B or a word such as last-month";

PeriodParse fail(std::string message) { return PeriodParse{std::nullopt, std::move(message)}; }
PeriodParse ok(Period period) { return PeriodParse{period, {}}; }

/// The token as it may appear inside a one-line message: printable and not too long.
std::string quoted(std::string_view token) {
  constexpr std::size_t k_max_shown = 40;
  std::string shown;
  for (char c : token.substr(0, k_max_shown)) {
    shown += (c >= ' ' && c <= '~') ? c : '?';
  }
  if (token.size() > k_max_shown) {
    shown += "...";
  }
  return "'" + shown + "'";
}

bool all_digits(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

PeriodParse parse_week(int year, std::string_view digits) {
  if (digits.size() != 2 || !all_digits(digits)) {
    return fail(fmt::format("an ISO week has two digits, e.g. {:04}-W05", year));
  }
  const int week = to_int(digits);
  const int weeks = iso_weeks_in_year(year);
  if (week == 0) {
    return fail(fmt::format("week 00 does not exist (01..{})", weeks));
  }
  if (week > weeks) {
    return fail(fmt::format("{:04} has {} ISO weeks, not {}", year, weeks, week));
  }
  const Period period = week_period(year, week);
  if (period.end > make_date(k_max_year, 12, 31)) {
    return fail(
        fmt::format("{:04}-W{:02} ends after 9999-12-31 (the last day kpi can name)", year, week));
  }
  if (period.start < make_date(k_min_year, 1, 1)) {
    return fail(fmt::format("{:04}-W{:02} starts before 0001-01-01 (the first day kpi can name)",
                            year, week));
  }
  return ok(period);
}

PeriodParse parse_month_or_day(int year, std::string_view rest) {
  const std::string_view month_digits = rest.substr(0, rest.find('-'));
  if (month_digits.size() != 2) {
    return fail("a month has two digits (01..12)");
  }
  const int month = to_int(month_digits);
  if (month < 1 || month > 12) {
    return fail(fmt::format("month {} does not exist (01..12)", month_digits));
  }
  if (rest.size() == 2) {
    return ok(month_period(year, month));
  }
  const std::string_view day_digits = rest.substr(3);
  if (day_digits.size() != 2) {
    return fail("a day has two digits (01..31)");
  }
  const int day = to_int(day_digits);
  if (!is_valid_date(year, month, day)) {
    return fail(fmt::format("{:04}-{}-{} is not a real day", year, month_digits, day_digits));
  }
  return ok(day_period(make_date(year, month, day)));
}

/// YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD; nullopt when the token has none of
/// these shapes at all (then the caller tries words and says what is expected).
std::optional<PeriodParse> parse_absolute(std::string_view token) {
  if (token.size() < 4 || !all_digits(token.substr(0, 4)) ||
      (token.size() > 4 && token[4] != '-')) {
    return std::nullopt;
  }
  const int year = to_int(token.substr(0, 4));
  const std::string_view rest = token.substr(std::min<std::size_t>(token.size(), 5));
  const bool is_quarter = !rest.empty() && (rest[0] == 'Q' || rest[0] == 'q');
  const bool is_week = !rest.empty() && (rest[0] == 'W' || rest[0] == 'w');
  const std::size_t dash = rest.find('-');
  const bool is_month_or_day =
      all_digits(rest.substr(0, dash)) &&
      (dash == std::string_view::npos || all_digits(rest.substr(dash + 1)));
  if (token.size() > 4 && !is_quarter && !is_week && !is_month_or_day) {
    return std::nullopt;
  }
  if (year < k_min_year) {
    return fail("year 0000 does not exist (0001..9999)");
  }
  if (token.size() == 4) {
    return ok(year_period(year));
  }
  if (is_quarter) {
    if (rest.size() != 2 || rest[1] < '1' || rest[1] > '4') {
      return fail("quarter must be Q1..Q4");
    }
    return ok(quarter_period(year, rest[1] - '0'));
  }
  if (is_week) {
    return parse_week(year, rest.substr(1));
  }
  return parse_month_or_day(year, rest);
}

struct RelativeWord {
  std::string_view word;
  std::function<Period(Date)> resolve;
};

Period before(SlotKind kind, Date as_of) {
  return slot_containing(kind, add_days(slot_containing(kind, as_of).start, -1));
}

const std::array<RelativeWord, 11>& relative_words() {
  static const std::array<RelativeWord, 11> k_words = {{
      {"today", [](Date d) { return day_period(d); }},
      {"yesterday", [](Date d) { return day_period(add_days(d, -1)); }},
      {"this-week", [](Date d) { return slot_containing(SlotKind::weekly, d); }},
      {"last-week", [](Date d) { return before(SlotKind::weekly, d); }},
      {"this-month", [](Date d) { return slot_containing(SlotKind::monthly, d); }},
      {"last-month", [](Date d) { return before(SlotKind::monthly, d); }},
      {"this-quarter", [](Date d) { return slot_containing(SlotKind::quarterly, d); }},
      {"last-quarter", [](Date d) { return before(SlotKind::quarterly, d); }},
      {"this-year", [](Date d) { return slot_containing(SlotKind::yearly, d); }},
      {"last-year", [](Date d) { return before(SlotKind::yearly, d); }},
      {"ytd",
       [](Date d) {
         return Period{slot_containing(SlotKind::yearly, d).start, d};
       }},
  }};
  return k_words;
}

const RelativeWord* find_relative_word(std::string_view token) {
  for (const RelativeWord& word : relative_words()) {
    if (word.word == token) {
      return &word;
    }
  }
  return nullptr;
}

/// One token, not a range.
PeriodParse parse_single(std::string_view token, Date as_of, bool allow_relative) {
  const std::string_view forms = allow_relative ? k_any_forms : k_absolute_forms;
  if (token.empty()) {
    return fail(fmt::format("empty period: expected {}", forms));
  }
  if (std::optional<PeriodParse> absolute = parse_absolute(token)) {
    return *absolute;
  }
  const RelativeWord* word = find_relative_word(token);
  if (word == nullptr) {
    return fail(fmt::format("unknown period {}: expected {}", quoted(token), forms));
  }
  if (!allow_relative) {
    return fail(
        fmt::format("{} is a relative period; a stamp must be absolute: {}", quoted(token), forms));
  }
  const YearMonthDay as_of_ymd = to_ymd(as_of);
  if (as_of_ymd.year < k_min_year || as_of_ymd.year > k_max_year) {
    return fail(fmt::format("{} cannot be resolved: the as-of date is outside years 0001..9999",
                            quoted(token)));
  }
  const Period period = word->resolve(as_of);
  if (period.start < make_date(k_min_year, 1, 1)) {
    return fail(
        fmt::format("{} as of {} falls before 0001-01-01", quoted(token), format_date(as_of)));
  }
  if (period.end > make_date(k_max_year, 12, 31)) {
    return fail(
        fmt::format("{} as of {} ends after 9999-12-31", quoted(token), format_date(as_of)));
  }
  return ok(period);
}

}  // namespace

PeriodParse parse_stamp(std::string_view token) {
  if (token.find("..") != std::string_view::npos) {
    return fail(fmt::format("{} is a range; a stamp is a single period: {}", quoted(token),
                            k_absolute_forms));
  }
  return parse_single(token, Date{}, false);
}

PeriodParse parse_period(std::string_view token, Date as_of) {
  const std::size_t dots = token.find("..");
  if (dots == std::string_view::npos) {
    return parse_single(token, as_of, true);
  }
  const std::string_view first = token.substr(0, dots);
  const std::string_view last = token.substr(dots + 2);
  if (first.empty() || last.empty()) {
    return fail(fmt::format("range {} needs a period on each side of '..'", quoted(token)));
  }
  if (last.find("..") != std::string_view::npos) {
    return fail(fmt::format("range {} has more than one '..'", quoted(token)));
  }
  PeriodParse from = parse_single(first, as_of, true);
  if (!from.period) {
    return from;
  }
  PeriodParse to = parse_single(last, as_of, true);
  if (!to.period) {
    return to;
  }
  if (to.period->end < from.period->start) {
    return fail(fmt::format("range {} ends before it starts", quoted(token)));
  }
  return ok(Period{from.period->start, to.period->end});
}

const std::vector<std::string>& relative_period_words() {
  static const std::vector<std::string> k_list = [] {
    std::vector<std::string> list;
    for (const RelativeWord& word : relative_words()) {
      list.emplace_back(word.word);
    }
    return list;
  }();
  return k_list;
}

}  // namespace kpi
