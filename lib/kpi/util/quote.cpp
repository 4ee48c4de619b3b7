#include "kpi/util/quote.hpp"

namespace kpi {

namespace {

/// Bytes kept of a value that is too long to quote whole.
constexpr size_t k_kept = 40;

/// The first `n` bytes of `value`, backed off to the start of a UTF-8 character.
std::string_view head(std::string_view value, size_t n) {
  while (n > 0 && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80) {
    --n;
  }
  return value.substr(0, n);
}

}  // namespace

std::string with_thousands(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string cut(std::string_view value) {
  if (value.size() <= k_max_quoted) {
    return std::string(value);
  }
  return std::string(head(value, k_kept)) + "…";
}

std::string quote(std::string_view value) {
  if (value.size() <= k_max_quoted) {
    return "'" + std::string(value) + "'";
  }
  return "'" + cut(value) + "' (" + with_thousands(value.size()) + " bytes)";
}

}  // namespace kpi
