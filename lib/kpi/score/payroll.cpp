// The rules that keep a bonus from following a gap, a rounding or a departed person:
// precision, coverage, withheld rewards, active days (scoring.md, "Totals" and "People
// who join or leave").

#include <algorithm>
#include <cmath>

#include "kpi/score/steps.hpp"

namespace kpi::score_steps {

double round_total(double x, const std::optional<int>& precision) {
  if (!precision) {
    return x;
  }
  const double scale = std::pow(10.0, *precision);  // exact for 0..9
  return std::round(x * scale) / scale;
}

std::optional<double> round_total(const std::optional<double>& x,
                                  const std::optional<int>& precision) {
  if (!x) {
    return x;
  }
  return round_total(*x, precision);
}

std::optional<double> coverage_of(const std::vector<KpiScore>& kpis) {
  double covered = 0;
  double targeted = 0;
  for (const KpiScore& k : kpis) {
    if (!k.target) {
      continue;  // tracked, not scored
    }
    const double w = k.weight.value_or(0);
    targeted += w;
    if (k.in_total) {
      covered += w;
    }
  }
  if (targeted == 0) {
    return std::nullopt;
  }
  return 100 * covered / targeted;
}

namespace {

/// "no data" for a KPI (or a formula's operand) without rows, "no actual" for another
/// missing actual (a division by zero), "achievement undefined" for the rest.
std::string unscored_word(const KpiScore& k) {
  if (!k.missing) {
    return "achievement undefined";
  }
  return k.reason && k.reason->rfind("no data", 0) == 0 ? "no data" : "no actual";
}

}  // namespace

std::string withheld_text(const std::vector<KpiScore>& kpis) {
  int targeted = 0;
  std::vector<std::string> unscored;
  for (const KpiScore& k : kpis) {
    if (!k.target) {
      continue;
    }
    ++targeted;
    if (!k.in_total) {
      unscored.push_back(k.id + " (" + unscored_word(k) + ")");
    }
  }
  std::string text =
      std::to_string(unscored.size()) + " of " + std::to_string(targeted) + " KPIs unscored";
  for (size_t i = 0; i < unscored.size(); ++i) {
    text += (i == 0 ? ": " : ", ") + unscored[i];
  }
  return text;
}

std::optional<Period> active_stretch(const Period& stretch, const Person& person) {
  Period p = stretch;
  if (person.joined) {
    p.start = std::max(p.start, *person.joined);
  }
  if (person.left) {
    p.end = std::min(p.end, *person.left);
  }
  if (p.end < p.start) {
    return std::nullopt;
  }
  return p;
}

}  // namespace kpi::score_steps
