#include "kpi/render/total_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "kpi/render/labels.hpp"
#include "kpi/render/text.hpp"

namespace kpi::render {

namespace {

/// More places than a double holds would print noise; fewer than 0 mean nothing.
int clamp_decimals(int decimals) { return std::clamp(decimals, 0, 17); }

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
  return styled_number(fmt::format("{:.{}f}", rounded, decimals));
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
  return styled_number(text);
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
  return " (" + trf("coverage {}", human_coverage(e.coverage)) + ")";
}

std::string reward_text(const EntityScore& e) {
  if (e.withheld) {
    return std::string(tr("withheld")) + ": " + *e.withheld;
  }
  return human_reward(e.reward);
}

std::string total_text(const ScoreResult& result, const EntityScore& e) {
  std::string text = human_total(e.total, result.precision) + coverage_note(e);
  if (!e.active) {
    text += std::string(" \u00b7 ") + tr("not active in the period");
  }
  return text;
}

}  // namespace kpi::render
