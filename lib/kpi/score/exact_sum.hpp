#pragma once
// An exact sum of decimals (internal to the score module). Values with at most 18
// decimals add up as integers in units of 10^-18, so the sum is the same in any order
// (the parallel reader adds rows in a different order than the file's) and is rounded
// to a double once, at the end. Values that are not exact there add up as doubles.

#include <charconv>
#include <string>

#include "kpi/csv/measurements.hpp"

namespace kpi::score_detail {

struct ExactSum {
  Int128 scaled = 0;
  double inexact = 0;

  void add(const Decimal& d) {
    Int128 total = 0;
    if (d.exact && !__builtin_add_overflow(scaled, d.scaled, &total)) {
      scaled = total;
    } else {
      inexact += d.value;
    }
  }

  void merge(const ExactSum& other) {
    Int128 total = 0;
    if (!__builtin_add_overflow(scaled, other.scaled, &total)) {
      scaled = total;
    } else {
      inexact += to_double(other.scaled);
    }
    inexact += other.inexact;
  }

  double value() const { return inexact == 0 ? to_double(scaled) : to_double(scaled) + inexact; }

  /// n x 10^-18, correctly rounded: written out in decimal and read by from_chars.
  static double to_double(Int128 n) {
    if (n == 0) {
      return 0;
    }
    char text[48];
    char* p = text + sizeof text;
    const char* end = p;
    *--p = '8';
    *--p = '1';
    *--p = '-';
    *--p = 'e';
    const bool negative = n < 0;
    // Digits from the right; a negative n is handled digit by digit so that the most
    // negative value needs no negation.
    do {
      const int digit = static_cast<int>(n % 10);
      *--p = static_cast<char>('0' + (negative ? -digit : digit));
      n /= 10;
    } while (n != 0);
    double value = 0;
    std::from_chars(p, end, value);
    return negative ? -value : value;
  }
};

}  // namespace kpi::score_detail
