#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

#include "kpi/csv/measurements.hpp"

namespace kpi {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Skips a run of digits from `i`; returns how many there were.
size_t skip_digits(std::string_view text, size_t& i) {
  const size_t start = i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  return i - start;
}

/// True when `text` is [+-]? digits ('.' digits)? ([eE] [+-]? digits)?
bool is_decimal_syntax(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    ++i;
  }
  if (skip_digits(text, i) == 0) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (skip_digits(text, i) == 0) {
      return false;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    if (skip_digits(text, i) == 0) {
      return false;
    }
  }
  return i == text.size();
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (!is_decimal_syntax(text)) {
    return std::nullopt;
  }
  bool negative = false;
  if (text.front() == '+' || text.front() == '-') {
    negative = text.front() == '-';
    text.remove_prefix(1);  // from_chars takes no '+'; the sign is applied below
  }
  double value = 0;
  const auto result =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::general);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;  // out of double's range (1e400, and underflow such as 1e-400)
  }
  return negative ? -value : value;
}

std::optional<Decimal> parse_decimal_exact(std::string_view text) {
  const std::optional<double> value = parse_decimal(text);
  if (!value) {
    return std::nullopt;
  }
  Decimal out{*value, false, 0};
  // The exact value: significant digits as an integer, and the power of ten that scales
  // them to units of 10^-18. The syntax is known to be right here.
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  const bool negative = text.front() == '-';
  size_t i = text.front() == '-' || text.front() == '+' ? 1 : 0;
  uint64_t mantissa = 0;
  int significant = 0;
  int scale = k_decimal_scale;  // value = mantissa x 10^(scale - 18)
  bool after_point = false;
  for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
    if (text[i] == '.') {
      after_point = true;
      continue;
    }
    if (after_point) {
      --scale;
    }
    if (mantissa == 0 && text[i] == '0') {
      continue;  // a leading zero is not significant
    }
    if (++significant > 19) {
      return out;
    }
    mantissa = mantissa * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  if (i < text.size()) {
    int exponent = 0;
    const char* first = text.data() + i + 1;
    first += *first == '+' ? 1 : 0;
    const auto parsed = std::from_chars(first, text.data() + text.size(), exponent);
    if (parsed.ec != std::errc() || exponent > 40 || exponent < -40) {
      return mantissa == 0 ? std::optional<Decimal>(Decimal{*value, true, 0}) : out;
    }
    scale += exponent;
  }
  while (scale < 0 && mantissa % 10 == 0 && mantissa != 0) {
    mantissa /= 10;  // trailing zeros: 1.5000000000 is exact
    ++scale;
  }
  if (mantissa == 0) {
    return Decimal{*value, true, 0};
  }
  int digits = 0;
  for (uint64_t m = mantissa; m != 0; m /= 10) {
    ++digits;
  }
  if (scale < 0 || digits + scale > 38) {
    return out;  // finer than 10^-18, or 10^20 and more: summed as doubles
  }
  Int128 scaled = mantissa;  // below 10^38 < 2^127
  for (int s = 0; s < scale; ++s) {
    scaled *= 10;
  }
  return Decimal{*value, true, negative ? -scaled : scaled};
}

}  // namespace kpi
