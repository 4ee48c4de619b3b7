// What the next band and the next tier need. The actual that reaches a band is found by
// inverting scoring.md's achievement formula, then checked (and moved a few steps, where
// rounding left it just short) with score's own achievement() and grade(): the actual
// named is one that score puts in that band.

#include "kpi/explain/next_step.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "kpi/score/steps.hpp"

namespace kpi::explain_steps {

namespace {

using score_steps::achievement;

std::string num(double v) { return fmt::format("{}", v); }

/// The first band in written order that holds x, as grade() picks it.
const Band* band_at(const Frame& frame, double x) {
  for (const Band& band : frame.bands) {
    if ((!band.min || *band.min <= x) && (!band.max || x < *band.max)) {
      return &band;
    }
  }
  return nullptr;
}

/// The target bound progress uses: the one nearest the baseline (frames.cpp).
double progress_target(const Target& t, double b) {
  if (!t.is_range) {
    return t.value();
  }
  return b < t.low ? t.low : t.high;
}

/// The actual whose achievement is x, by the formula solved for A, and the sign of
/// d(achievement)/dA; none where the formula cannot reach x.
struct Inverse {
  double actual = 0;
  int slope = 1;
};
std::optional<Inverse> invert(Basis basis, Direction direction, const KpiScore& s, double x) {
  const Target& t = *s.target;
  switch (basis) {
    case Basis::value:
      return Inverse{x, 1};
    case Basis::progress: {
      if (!s.baseline) {
        return std::nullopt;
      }
      const double b = *s.baseline;
      const double tb = progress_target(t, b);
      return Inverse{b + x * (tb - b) / 100, tb > b ? 1 : -1};
    }
    case Basis::ratio:
      break;
  }
  if (direction == Direction::range) {
    const double low = t.low;
    const double high = t.is_range ? t.high : t.low;
    if (x > 100) {
      return std::nullopt;  // the achievement of a range KPI tops out at 100
    }
    if (*s.actual < low) {
      return Inverse{x * low / 100, 1};
    }
    return Inverse{high * (2 - x / 100), -1};
  }
  if (direction == Direction::lower) {
    return Inverse{t.value() * (2 - x / 100), -1};
  }
  return Inverse{x * t.value() / 100, 1};
}

/// The achievement x in [band.min, band.max) nearest `from`; none when `from` is inside.
std::optional<double> nearest_in(const Band& band, double from) {
  if (band.min && from < *band.min) {
    return *band.min;
  }
  if (band.max && from >= *band.max) {
    return std::nextafter(*band.max, -std::numeric_limits<double>::infinity());
  }
  return std::nullopt;
}

}  // namespace

std::string achievement_formula(Basis basis, Direction direction, const KpiScore& s) {
  const double a = *s.actual;
  const std::string x = num(*s.achievement);
  if (basis == Basis::value) {
    return "A = " + x;
  }
  const Target& t = *s.target;
  if (basis == Basis::progress) {
    const double b = *s.baseline;
    const double tb = progress_target(t, b);
    return "100 x (A - B) / (T - B) = 100 x (" + num(a) + " - " + num(b) + ") / (" + num(tb) +
           " - " + num(b) + ") = " + x;
  }
  if (direction == Direction::range) {
    const double high = t.is_range ? t.high : t.low;
    if (a < t.low) {
      return "100 x A / L = 100 x " + num(a) + " / " + num(t.low) + " = " + x;
    }
    if (a > high) {
      return "100 x (2 - A / H) = 100 x (2 - " + num(a) + " / " + num(high) + ") = " + x;
    }
    return "L <= A <= H: " + num(t.low) + " <= " + num(a) + " <= " + num(high) + ", so " + x;
  }
  if (direction == Direction::lower) {
    return "100 x (2 - A / T) = 100 x (2 - " + num(a) + " / " + num(t.value()) + ") = " + x;
  }
  return "100 x A / T = 100 x " + num(a) + " / " + num(t.value()) + " = " + x;
}

std::optional<NextBand> next_band(const Kpi& kpi, const Frame& frame, const KpiScore& s) {
  if (frame.method != FrameMethod::bands || !s.points || !s.achievement || !s.actual || !s.target) {
    return std::nullopt;
  }
  const double from = *s.achievement;
  const Band* best = nullptr;
  double best_x = 0;
  for (const Band& band : frame.bands) {
    if (band.points <= *s.points) {
      continue;
    }
    const std::optional<double> x = nearest_in(band, from);
    if (!x || band_at(frame, *x) != &band) {
      continue;  // an earlier band takes that achievement
    }
    if (best == nullptr || std::fabs(*x - from) < std::fabs(best_x - from)) {
      best = &band;
      best_x = *x;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  const std::optional<Inverse> inv = invert(frame.basis, kpi.direction, s, best_x);
  if (!inv || !std::isfinite(inv->actual)) {
    return std::nullopt;
  }
  // Which way the actual moves: towards the band's achievement.
  const int way = (best_x > from ? 1 : -1) * inv->slope;
  const bool whole = !kpi.is_formula() && kpi.aggregate == Aggregate::count;
  double a = inv->actual;
  if (whole) {
    a = way > 0 ? std::ceil(a) : std::floor(a);
  }
  auto lands = [&](double actual) {
    const score_steps::Achievement x =
        achievement(frame.basis, kpi.direction, actual, s.target, s.baseline);
    return x.value && band_at(frame, *x.value) == best;
  };
  // Rounding in the inverse leaves the actual a few units in the last place short; step
  // back first, so that the actual named is the first one that reaches the band.
  const double towards =
      way > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
  const double away = -towards;
  auto step = [&](double v, double dir) {
    return whole ? v + (dir > 0 ? 1.0 : -1.0) : std::nextafter(v, dir);
  };
  for (int i = 0; i < 64 && lands(a); ++i) {
    const double back = step(a, away);
    if (!lands(back) || (way > 0 ? back < *s.actual : back > *s.actual)) {
      break;
    }
    a = back;
  }
  for (int i = 0; i < 64 && !lands(a); ++i) {
    a = step(a, towards);
  }
  if (!lands(a)) {
    return std::nullopt;
  }
  return NextBand{best->label, best->points, best_x, a};
}

std::optional<NextTier> next_tier(const Workspace& ws, const std::optional<double>& total) {
  if (!total || ws.rewards.empty()) {
    return std::nullopt;
  }
  const Person nobody;
  const RewardTier* best = nullptr;
  for (const RewardTier& tier : ws.rewards) {
    if (!tier.min || *tier.min <= *total) {
      continue;
    }
    const std::optional<Reward> at = score_steps::reward_for(ws, nobody, *tier.min);
    if (!at || at->label != tier.label) {
      continue;  // an earlier tier takes that total
    }
    if (best == nullptr || *tier.min < *best->min) {
      best = &tier;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  return NextTier{best->label, *best->min, *best->min - *total};
}

}  // namespace kpi::explain_steps
