#pragma once
// A source's cells as values (sources.md, "Dates" and "Numbers"): pure functions from a
// cell's text and the source's formats to a stamp or an exact decimal, or to a message
// and the 1-based column inside the cell where it goes wrong.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/period/period.hpp"

namespace kpi::source {

/// `text` without leading and trailing spaces, tabs and no-break spaces (U+00A0).
std::string_view trimmed_edges(std::string_view text);
/// The common case inline: a cell that starts and ends with no space needs no work
/// (a row's cells are trimmed several times each).
inline std::string_view trimmed(std::string_view text) {
  if (!text.empty() && text.front() != ' ' && text.front() != '\t' && text.front() != '\xC2' &&
      text.back() != ' ' && text.back() != '\t' && text.back() != '\xA0') {
    return text;
  }
  return trimmed_edges(text);
}

/// How a source writes numbers: `decimal` is '.' or ','; `thousands` is 0 (none) or
/// one of , . space '; `strip` texts are removed from a cell before it is parsed.
struct NumberFormat {
  char decimal = '.';
  char thousands = 0;
  std::vector<std::string> strip;
};

/// A value, or why not and where: `column` counts bytes of the cell as given, from 1.
struct NumberParse {
  std::optional<Decimal> value;
  std::string error;
  int column = 0;
};

/// A value cell: after removing each `strip` text and trimming, an optional sign, an
/// integer part (grouped by `thousands` in threes, or not at all), an optional
/// `decimal` mark and fraction, an optional exponent; or the same in parentheses, which
/// makes it negative (accounting exports). The result is what parse_decimal_exact gives
/// for the same number written plainly, so sums stay exact.
NumberParse parse_number_cell(std::string_view cell, const NumberFormat& format);

/// How a source writes dates: `iso` (format.md's stamps and date-times), `excel`
/// (serial day numbers, 1900 date system) or a strftime-style pattern.
struct DateFormat {
  enum class Kind { iso, excel, pattern };
  Kind kind = Kind::iso;
  std::string pattern;  ///< for Kind::pattern
};

/// A date format as written in a source (`iso`, `excel`, or a pattern), or a message
/// saying what is wrong with the pattern (an unknown %-directive, no year, a day
/// without a month).
struct DateFormatParse {
  std::optional<DateFormat> format;
  std::string error;
};
DateFormatParse parse_date_format(std::string_view text);

struct DateParse {
  std::optional<Period> stamp;
  std::string error;
  int column = 0;  ///< 1-based byte column inside the cell
};

/// A date cell: the stamp it names (a day, or with a pattern lacking %d a month, lacking
/// %m a year). Times and zones are read and ignored: the day is the day as written.
DateParse parse_date_cell(std::string_view cell, const DateFormat& format);

/// Excel's serial day number (1900 date system, with its phantom 1900-02-29 = 60): the
/// day, or none for serials below 1, 60 itself, and beyond 9999-12-31.
std::optional<Date> excel_serial_day(long long serial);

}  // namespace kpi::source
