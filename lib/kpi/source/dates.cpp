// Date cells: iso stamps and date-times, Excel serial numbers, strftime-style patterns.

#include <array>
#include <cctype>

#include "kpi/source/cells.hpp"
#include "kpi/util/quote.hpp"

namespace kpi::source {

namespace {

bool is_date_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::array<std::string_view, 12> k_months = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

/// Reads `min`..`max` digits at `i` (greedy); -1 when fewer than `min`.
int read_number(std::string_view text, size_t& i, int min, int max) {
  int value = 0;
  int n = 0;
  while (n < max && i < text.size() && is_date_digit(text[i])) {
    value = value * 10 + (text[i++] - '0');
    ++n;
  }
  return n >= min ? value : -1;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) {
      return false;
    }
  }
  return true;
}

/// An English month name at `i`: the full name for %B, its first three letters for %b.
int read_month_name(std::string_view text, size_t& i, bool full) {
  for (size_t m = 0; m < k_months.size(); ++m) {
    const std::string_view name = full ? k_months[m] : k_months[m].substr(0, 3);
    if (equals_ignoring_case(text.substr(i, name.size()), name)) {
      i += name.size();
      return static_cast<int>(m) + 1;
    }
  }
  return -1;
}

struct Fields {
  int year = -1;
  int month = -1;
  int day = -1;
};

DateParse failure(std::string_view cell, std::string_view text, size_t at, std::string why) {
  const size_t lead = static_cast<size_t>(text.data() - cell.data());
  return {std::nullopt, quote(text) + " " + why, static_cast<int>(lead + at + 1)};
}

/// The stamp of fields read (a day, a month, a year), or a message when it does not exist.
DateParse stamp_of(const Fields& f, std::string_view cell, std::string_view text) {
  if (f.month == 0 || f.month > 12) {
    return failure(cell, text, 0, "has no month " + std::to_string(f.month));
  }
  if (f.day >= 0) {
    if (!is_valid_date(f.year, f.month, f.day)) {
      return failure(cell, text, 0, "is not a real day");
    }
    const Date d = make_date(f.year, f.month, f.day);
    return {Period{d, d}, "", 0};
  }
  if (f.month > 0) {
    const Date first = make_date(f.year, f.month, 1);
    return {Period{first, make_date(f.year, f.month, days_in_month(f.year, f.month))}, "", 0};
  }
  return {Period{make_date(f.year, 1, 1), make_date(f.year, 12, 31)}, "", 0};
}

DateParse parse_pattern(std::string_view cell, std::string_view text, std::string_view pattern) {
  Fields f;
  size_t i = 0;
  // Built only for a cell that fails: a date is parsed for most rows of a source.
  auto expected = [&] { return " does not match the date format '" + std::string(pattern) + "'"; };
  for (size_t p = 0; p < pattern.size(); ++p) {
    const size_t at = i;
    if (pattern[p] != '%' || p + 1 == pattern.size()) {
      if (i >= text.size() || text[i] != pattern[p]) {
        return failure(cell, text, at, expected());
      }
      ++i;
      continue;
    }
    const char directive = pattern[++p];
    int value = 0;
    switch (directive) {
      case 'Y':
        value = f.year = read_number(text, i, 4, 4);
        break;
      case 'y':
        value = read_number(text, i, 2, 2);
        f.year = value < 0 ? -1 : 2000 + value;
        break;
      case 'm':
        value = f.month = read_number(text, i, 1, 2);
        break;
      case 'd':
        value = f.day = read_number(text, i, 1, 2);
        break;
      case 'b':
      case 'B':
        value = f.month = read_month_name(text, i, directive == 'B');
        break;
      case 'H':
        value = read_number(text, i, 1, 2);
        value = value > 23 ? -1 : value;
        break;
      case 'M':
      case 'S':
        value = read_number(text, i, 1, 2);
        value = value > (directive == 'M' ? 59 : 60) ? -1 : value;
        break;
      default:  // '%%': parse_date_format lets nothing else through
        value = i < text.size() && text[i] == '%' ? 0 : -1;
        i += value == 0 ? 1 : 0;
        break;
    }
    if (value < 0) {
      return failure(cell, text, at, expected());
    }
  }
  if (i != text.size()) {
    return failure(cell, text, i, expected());
  }
  if (f.day == 0) {
    return failure(cell, text, 0, "is not a real day");
  }
  return stamp_of(f, cell, text);
}

bool in_range(int value, int max) { return value >= 0 && value <= max; }

/// After YYYY-MM-DD: [T or space] HH:MM[:SS[.fraction]] [Z | +HH:MM | -HH:MM | +HHMM].
bool is_time_suffix(std::string_view s) {
  size_t i = 0;
  if (s.empty() || (s[0] != 'T' && s[0] != ' ')) {
    return false;
  }
  ++i;
  if (!in_range(read_number(s, i, 2, 2), 23) || i >= s.size() || s[i++] != ':' ||
      !in_range(read_number(s, i, 2, 2), 59)) {
    return false;
  }
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!in_range(read_number(s, i, 2, 2), 60)) {
      return false;
    }
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      if (read_number(s, i, 1, 9) < 0) {
        return false;
      }
    }
  }
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    ++i;
    if (read_number(s, i, 2, 2) < 0) {
      return false;
    }
    if (i < s.size() && s[i] == ':') {
      ++i;
    }
    if (read_number(s, i, 2, 2) < 0) {
      return false;
    }
  }
  return i == s.size();
}

DateParse parse_iso(std::string_view cell, std::string_view text) {
  if (text.size() > 10 && is_time_suffix(text.substr(10))) {
    if (const std::optional<Date> day = parse_date(text.substr(0, 10))) {
      return {Period{*day, *day}, "", 0};
    }
    return failure(cell, text, 0, "is not a real day");
  }
  PeriodParse parsed = parse_stamp(text);
  if (!parsed.period) {
    return failure(cell, text, 0, "is not a date (" + parsed.error + ")");
  }
  return {parsed.period, "", 0};
}

DateParse parse_excel(std::string_view cell, std::string_view text) {
  size_t i = 0;
  long long serial = 0;
  int digits = 0;
  while (i < text.size() && is_date_digit(text[i]) && digits < 7) {
    serial = serial * 10 + (text[i++] - '0');
    ++digits;
  }
  if (digits > 0 && i < text.size() && text[i] == '.') {
    ++i;  // a date-time: the fraction is the time of day
    while (i < text.size() && is_date_digit(text[i])) {
      ++i;
    }
  }
  if (digits == 0 || i != text.size()) {
    return failure(cell, text, digits == 0 ? 0 : i, "is not an Excel serial day number");
  }
  const std::optional<Date> day = excel_serial_day(serial);
  if (!day) {
    return failure(cell, text, 0, "is not a day of Excel's 1900 date system");
  }
  return {Period{*day, *day}, "", 0};
}

}  // namespace

std::optional<Date> excel_serial_day(long long serial) {
  // Serial 1 is 1900-01-01; Excel counts a 1900-02-29 that never was (serial 60), so
  // from serial 61 on the day is 1899-12-30 plus the serial.
  if (serial < 1 || serial == 60 || serial > 2958465) {
    return std::nullopt;
  }
  const int base = make_date(1899, 12, 30).days;
  return Date{base + static_cast<int>(serial) + (serial < 60 ? 1 : 0)};
}

DateFormatParse parse_date_format(std::string_view text) {
  if (text == "iso") {
    return {DateFormat{DateFormat::Kind::iso, ""}, ""};
  }
  if (text == "excel") {
    return {DateFormat{DateFormat::Kind::excel, ""}, ""};
  }
  bool year = false;
  bool month = false;
  bool day = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      continue;
    }
    const char d = i + 1 < text.size() ? text[++i] : '\0';
    if (d == 'Y' || d == 'y') {
      year = true;
    } else if (d == 'm' || d == 'b' || d == 'B') {
      month = true;
    } else if (d == 'd') {
      day = true;
    } else if (d != 'H' && d != 'M' && d != 'S' && d != '%') {
      return {std::nullopt, d == '\0' ? "the date format ends in a lone '%'"
                                      : std::string("the date format has no directive '%") + d +
                                            "' (known: %Y %y %m %d %b %B %H %M %S %%)"};
    }
  }
  if (!year) {
    return {std::nullopt, "the date format '" + std::string(text) +
                              "' has no year (%Y or %y); use iso, excel or a pattern"};
  }
  if (day && !month) {
    return {std::nullopt, "the date format '" + std::string(text) + "' has a day but no month"};
  }
  return {DateFormat{DateFormat::Kind::pattern, std::string(text)}, ""};
}

DateParse parse_date_cell(std::string_view cell, const DateFormat& format) {
  const std::string_view text = trimmed(cell);
  if (text.empty()) {
    return {std::nullopt, "the date is empty", 1};
  }
  switch (format.kind) {
    case DateFormat::Kind::iso:
      return parse_iso(cell, text);
    case DateFormat::Kind::excel:
      return parse_excel(cell, text);
    case DateFormat::Kind::pattern:
      break;
  }
  return parse_pattern(cell, text, format.pattern);
}

}  // namespace kpi::source
