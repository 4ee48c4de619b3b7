#pragma once
// Fixed-format fast paths for the reader's hot loop (internal to the csv module). Each
// accepts only text whose meaning it is sure of and says no to anything else, which the
// strict parsers then decide, so that the result never depends on which path ran.

#include <array>
#include <cstdint>
#include <string_view>

#include "kpi/csv/measurements.hpp"
#include "kpi/period/period.hpp"

namespace kpi::csv {

inline constexpr double k_exact_powers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
/// 10^(18 - decimals): what turns a mantissa with that many decimals into units of 10^-18.
inline constexpr int64_t k_scalers[] = {
    1000000000000000000, 100000000000000000, 10000000000000000, 1000000000000000, 100000000000000,
    10000000000000,      1000000000000,      100000000000,      10000000000,      1000000000};

/// [+-]? digits ('.' digits)? with at most 15 digits and 9 decimals. The double is
/// mantissa / 10^decimals: both are exact doubles, so the one rounding of the division
/// gives the correctly rounded value, the same as std::from_chars.
inline bool fast_decimal(const char* p, const char* end, Decimal& out) {
  bool negative = false;
  if (p < end && (*p == '-' || *p == '+')) {
    negative = *p == '-';
    ++p;
  }
  uint64_t mantissa = 0;
  int digits = 0;
  while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
    mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
    ++digits;
    ++p;
  }
  if (digits == 0) {
    return false;
  }
  int decimals = 0;
  if (p < end && *p == '.') {
    ++p;
    while (p < end && static_cast<unsigned char>(*p - '0') < 10) {
      mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
      ++decimals;
      ++p;
    }
    if (decimals == 0) {
      return false;
    }
  }
  if (p != end || digits + decimals > 15 || decimals > 9) {
    return false;
  }
  const double magnitude = static_cast<double>(mantissa) / k_exact_powers[decimals];
  const Int128 scaled = static_cast<Int128>(mantissa) * k_scalers[decimals];
  out.value = negative ? -magnitude : magnitude;
  out.exact = true;
  out.scaled = negative ? -scaled : scaled;
  return true;
}

/// The first day of every month from 1900 to 2199, and the day after the last one.
inline constexpr unsigned k_table_first_year = 1900;
inline constexpr unsigned k_table_years = 300;
using MonthStarts = std::array<int, k_table_years * 12 + 1>;
inline const MonthStarts& month_starts() {
  static const MonthStarts table = [] {
    MonthStarts t{};
    for (unsigned i = 0; i < k_table_years * 12; ++i) {
      t[i] =
          make_date(static_cast<int>(k_table_first_year + i / 12), static_cast<int>(i % 12 + 1), 1)
              .days;
    }
    t.back() = make_date(static_cast<int>(k_table_first_year + k_table_years), 1, 1).days;
    return t;
  }();
  return table;
}

/// YYYY-MM-DD from 1900 to 2199, the same day parse_date reads, from a table.
inline bool fast_date(std::string_view text, Date& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  const auto digit = [&text](size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0';
  };
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3);
  const unsigned m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
  // A byte that is not a digit wraps around to a large unsigned number.
  if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9)) {
    return false;
  }
  const unsigned year = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - k_table_first_year;
  const unsigned month = m0 * 10 + m1 - 1;
  const unsigned day = d0 * 10 + d1;
  if (year >= k_table_years || month > 11 || day == 0) {
    return false;
  }
  const MonthStarts& starts = month_starts();
  const size_t at = year * 12 + month;
  const int first = starts[at];
  if (static_cast<int>(day) > starts[at + 1] - first) {
    return false;
  }
  out = Date{first + static_cast<int>(day) - 1};
  return true;
}

}  // namespace kpi::csv
