#include "kpi/render/total_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "kpi/render/text.hpp"

namespace kpi::render {

namespace {

/// More places than a double holds would print noise; fewer than 0 mean nothing.
int clamp_decimals(int decimals) { return std::clamp(decimals, 0, 17); }

/// "1234567.5" -> "1,234,567.5"; a leading minus stays in front; "-0..." loses its sign.
std::string group_thousands(std::string text) {
  if (text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos) {
    text.erase(0, 1);
  }
  size_t begin = text[0] == '-' ? 1 : 0;
  size_t end = std::min(text.find('.'), text.size());
  for (size_t k = end; k > begin + 3; k -= 3) {
    text.insert(k - 3, 1, ',');
  }
  return text;
}

}  // namespace

std::string fixed_number(double value, int decimals) {
  if (!std::isfinite(value)) {
    return fmt::format("{}", value);
  }
  decimals = clamp_decimals(decimals);
  // The rule of scoring.md's Precision, so that a hand-made or unrounded value prints as
  // the engine would have stored it; on a value the engine rounded it changes nothing.
  const double scale = std::pow(10.0, decimals);
  const double scaled = value * scale;
  const double rounded = std::isfinite(scaled) ? std::round(scaled) / scale : value;
  return group_thousands(fmt::format("{:.{}f}", rounded, decimals));
}

std::string truncated_number(double value, int decimals, bool keep_zeros) {
  if (!std::isfinite(value)) {
    return fmt::format("{}", value);
  }
  decimals = clamp_decimals(decimals);
  // Cutting the shortest text that reads back as `value` (not value x 100 in binary, where
  // 94.99 x 100 is 9498.999...) keeps what the reader wrote: 94.99 stays "94.99".
  std::string text = plain_number(value);
  size_t dot = text.find('.');
  if (dot == std::string::npos) {
    dot = text.size();
    text += '.';
  }
  text.resize(std::min(text.size(), dot + 1 + static_cast<size_t>(decimals)));
  text.append(dot + 1 + static_cast<size_t>(decimals) - text.size(), '0');
  if (!keep_zeros) {
    text.erase(text.find_last_not_of('0') + 1);
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return group_thousands(text);
}

std::string human_total(const std::optional<double>& total, const std::optional<int>& precision) {
  if (!total) {
    return std::string(k_dash);
  }
  return precision ? fixed_number(*total, *precision) : truncated_number(*total, 2, true);
}

std::string human_coverage(const std::optional<double>& coverage) {
  return coverage ? truncated_number(*coverage, 2, false) + " %" : std::string(k_dash);
}

std::string coverage_note(const EntityScore& e) {
  if (!e.coverage || *e.coverage >= 100) {
    return "";
  }
  return " (coverage " + human_coverage(e.coverage) + ")";
}

std::string reward_text(const EntityScore& e) {
  if (e.withheld) {
    return "withheld: " + *e.withheld;
  }
  return human_reward(e.reward);
}

std::string total_text(const ScoreResult& result, const EntityScore& e) {
  std::string text = human_total(e.total, result.precision) + coverage_note(e);
  if (!e.active) {
    text += " \u00b7 not active in the period";
  }
  return text;
}

}  // namespace kpi::render
