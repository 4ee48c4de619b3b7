// Achievement (the basis/direction table of scoring.md) and what a frame makes of it:
// points, score, label, status. Formulas are written exactly as the spec writes them,
// left to right, so the doubles match an independent implementation bit for bit.

#include <cmath>

#include "kpi/score/steps.hpp"

namespace kpi::score_steps {

namespace {

Achievement undefined(std::string reason) { return Achievement{std::nullopt, std::move(reason)}; }

/// 100 x n / d left to right, as scoring.md writes it, whenever 100 x n is finite: the
/// same double bit for bit. Only when 100 x n overflows (n near the largest double)
/// is it 100 x (n / d), which is finite whenever the result is (1e308 / 1e308: 100).
double hundred_times(double n, double d) {
  const double scaled = 100 * n;
  if (std::isfinite(scaled) || !std::isfinite(n)) {
    return scaled / d;
  }
  return 100 * (n / d);
}

/// (a - b) / (t - b) for progress, without overflowing in the differences: halves are
/// exact (no subnormal at these sizes), so the quotient is the same.
double progress_share(double a, double b, double t) {
  const double num = a - b;
  const double den = t - b;
  if (std::isfinite(num) && std::isfinite(den)) {
    return hundred_times(num, den);
  }
  return 100 * ((a / 2 - b / 2) / (t / 2 - b / 2));
}

Achievement ratio(Direction direction, double a, const Target& target) {
  if (direction == Direction::range) {
    double low = target.low;
    double high = target.is_range ? target.high : target.low;
    if (low <= 0) {
      return undefined("the target's low bound is not positive under basis ratio");
    }
    if (a < low) {
      return {hundred_times(a, low), {}};
    }
    if (a > high) {
      return {100 * (2 - a / high), {}};
    }
    return {100.0, {}};
  }
  double t = target.value();
  if (t <= 0) {
    return undefined("the target is not positive under basis ratio");
  }
  if (direction == Direction::lower) {
    return {100 * (2 - a / t), {}};
  }
  return {hundred_times(a, t), {}};
}

/// scoring.md gives one progress formula for every direction but does not say which
/// bound of a range target is T; we take the bound nearest the baseline (the edge of
/// the band one moves towards) and leave achievement undefined when the baseline lies
/// inside the range already.
Achievement progress(double a, const Target& target, const std::optional<double>& baseline) {
  if (!baseline) {
    return undefined("no baseline under basis progress");
  }
  double b = *baseline;
  double t = target.value();
  if (target.is_range) {
    if (b < target.low) {
      t = target.low;
    } else if (b > target.high) {
      t = target.high;
    } else {
      return undefined("the baseline lies inside the target range under basis progress");
    }
  }
  if (t == b) {
    return undefined("the target equals the baseline under basis progress");
  }
  return {progress_share(a, b, t), {}};
}

}  // namespace

Achievement achievement(Basis basis, Direction direction, double actual,
                        const std::optional<Target>& target,
                        const std::optional<double>& baseline) {
  // "No target at all: T is null (the KPI is tracked, not scored)" holds under every
  // basis, value included.
  if (!target) {
    return undefined("no target");
  }
  Achievement result;
  switch (basis) {
    case Basis::ratio:
      result = ratio(direction, actual, *target);
      break;
    case Basis::progress:
      result = progress(actual, *target, baseline);
      break;
    case Basis::value:
      result = {actual, {}};
      break;
  }
  if (result.value && !std::isfinite(*result.value)) {
    return undefined("the achievement is not a finite number");
  }
  return result;
}

Status status_for(const StatusThresholds& thresholds, double achievement) {
  if (achievement >= thresholds.green) {
    return Status::green;
  }
  if (achievement >= thresholds.amber) {
    return Status::amber;
  }
  return Status::red;
}

namespace {

/// Piecewise linear through `points` (x strictly increasing), clamped at both ends:
/// y0 + (x - x0) x (y1 - y0) / (x1 - x0) between the two points around x. scoring.md
/// does not write the interpolation out; this is its usual form, evaluated left to
/// right. At a point's own x the result is that point's y exactly.
double interpolate(const std::vector<std::pair<double, double>>& points, double x) {
  if (x <= points.front().first) {
    return points.front().second;
  }
  if (x >= points.back().first) {
    return points.back().second;
  }
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    auto [x0, y0] = points[i];
    auto [x1, y1] = points[i + 1];
    if (x0 <= x && x < x1) {
      return y0 + (x - x0) * (y1 - y0) / (x1 - x0);
    }
  }
  return points.back().second;  // x values not increasing: the validator reports it
}

}  // namespace

Grade grade(const Frame& frame, const StatusThresholds& workspace_status, double achievement) {
  Grade g;
  std::optional<Status> band_status;
  if (frame.method == FrameMethod::bands) {
    const Band* hit = nullptr;
    for (const Band& band : frame.bands) {
      if ((!band.min || *band.min <= achievement) && (!band.max || achievement < *band.max)) {
        hit = &band;
        break;
      }
    }
    if (hit == nullptr) {
      g.reason = "no band of frame " + frame.id + " holds the achievement";
      return g;
    }
    g.points = hit->points;
    g.label = hit->label;
    band_status = hit->status;
  } else {
    if (frame.points.empty()) {
      g.reason = "frame " + frame.id + " has no points";
      return g;
    }
    g.points = interpolate(frame.points, achievement);
  }
  if (frame.scale == 0) {
    g.points.reset();
    g.label.reset();
    g.reason = "frame " + frame.id + " has scale 0";
    return g;
  }
  g.score = 100 * *g.points / frame.scale;
  if (band_status) {
    g.status = *band_status;
  } else {
    g.status = status_for(frame.status ? *frame.status : workspace_status, achievement);
  }
  return g;
}

}  // namespace kpi::score_steps
