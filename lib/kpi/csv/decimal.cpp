#include <charconv>
#include <cmath>
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

}  // namespace kpi
