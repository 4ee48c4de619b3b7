// Frames (catch-all band, increasing linear points, highest points against the scale)
// and targets (range bounds, non-positive targets under basis ratio, baseline equal
// to target under basis progress): the cases where achievement would be undefined.

#include <algorithm>

#include "kpi/validate/checks.hpp"

namespace kpi::checks {

namespace {

void check_bands(Context& context, const Frame& f) {
  if (f.bands.empty()) {
    context.add("frame-catch-all", f.pos.at("bands"),
                "frame " + f.id + " has no bands; add at least a catch-all band {points: 0}");
    return;
  }
  for (size_t i = 0; i + 1 < f.bands.size(); ++i) {
    if (f.bands[i].is_catch_all()) {
      context.add("frame-catch-all", f.bands[i].pos.mapping,
                  "band " + std::to_string(i + 1) + " of frame " + f.id +
                      " has neither min nor max, so the bands after it are never used; give it "
                      "bounds or move it to the end");
    }
  }
  if (!f.bands.back().is_catch_all()) {
    context.add("frame-catch-all", f.bands.back().pos.mapping,
                "frame " + f.id +
                    " does not end with a catch-all band; add a last band without min and max, "
                    "e.g. {points: 0}");
  }
}

void check_points(Context& context, const Frame& f) {
  if (f.points.size() < 2) {
    context.add("frame-points", f.pos.at("points"),
                "linear frame " + f.id + " needs at least two points [x, points]; add them");
    return;
  }
  for (size_t i = 1; i < f.points.size(); ++i) {
    if (f.points[i].first <= f.points[i - 1].first) {
      const SourceLocation& at =
          i < f.point_positions.size() ? f.point_positions[i] : f.pos.at("points");
      context.add("frame-points", at,
                  "x " + format_number(f.points[i].first) + " of point " + std::to_string(i + 1) +
                      " in frame " + f.id + " is not above the previous x " +
                      format_number(f.points[i - 1].first) + "; make x strictly increasing");
    }
  }
}

void check_scale(Context& context, const Frame& f) {
  std::vector<double> points;
  for (const Band& b : f.bands) {
    points.push_back(b.points);
  }
  for (const auto& p : f.points) {
    points.push_back(p.second);
  }
  if (points.empty()) {
    return;
  }
  const double highest = *std::max_element(points.begin(), points.end());
  if (highest < f.scale / 2) {
    context.add("frame-scale", f.pos.has("scale") ? f.pos.at("scale") : f.pos.mapping,
                "the highest points of frame " + f.id + " (" + format_number(highest) +
                    ") are less than half its scale " + format_number(f.scale) +
                    ", so nobody reaches a full score; set scale: " + format_number(highest) +
                    " or raise the points");
  }
}

/// A range target that does not fit its KPI's direction, or has low > high.
void check_range(Context& context, const Kpi& k, const Target& t, const SourceLocation& at) {
  if (t.is_range && t.low > t.high) {
    context.add("range-target", at,
                "range target of " + k.id + " has low " + format_number(t.low) + " above high " +
                    format_number(t.high) + "; write it as [low, high]");
  } else if (t.is_range && k.direction != Direction::range) {
    context.add("range-target", at,
                k.id + " has a range target but direction " + std::string(to_string(k.direction)) +
                    "; set direction: range or give a single number");
  } else if (!t.is_range && k.direction == Direction::range) {
    context.add("range-target", at,
                k.id +
                    " has direction range but a single-number target; write the target as "
                    "[low, high]");
  }
}

void check_ratio(Context& context, const Kpi& k, const Target& t, const SourceLocation& at) {
  if (t.low <= 0) {
    context.add("target-not-positive", at,
                "target " + format_number(t.low) + " of " + k.id +
                    " is not positive, so its achievement under basis ratio is undefined; use "
                    "a target above 0 or a frame with basis progress or value");
  }
}

void check_progress(Context& context, const Kpi& k, const std::optional<Target>& t,
                    const std::optional<double>& baseline, const SourceLocation& at) {
  if (t && !t->is_range && baseline && *baseline == t->value()) {
    context.add("baseline-equals-target", at,
                "baseline and target of " + k.id + " are both " + format_number(*baseline) +
                    ", so its achievement under basis progress is undefined; change one of them");
  }
}

}  // namespace

void check_frames(Context& context) {
  for (const Frame& f : context.workspace().frames) {
    if (f.method == FrameMethod::bands) {
      check_bands(context, f);
    } else {
      check_points(context, f);
    }
    check_scale(context, f);
  }
}

void check_targets(Context& context) {
  const Workspace& ws = context.workspace();
  for (const Kpi& k : ws.kpis) {
    const Frame* frame = ws.frame_of(k);
    const bool ratio = frame != nullptr && frame->basis == Basis::ratio;
    const bool progress = frame != nullptr && frame->basis == Basis::progress;
    if (k.target) {
      check_range(context, k, *k.target, k.pos.at("target"));
      if (ratio) {
        check_ratio(context, k, *k.target, k.pos.at("target"));
      }
    }
    if (progress) {
      check_progress(context, k, k.target, k.baseline,
                     k.pos.has("baseline") ? k.pos.at("baseline") : k.pos.at("target"));
    }
    for (const Override& o : k.overrides) {
      if (o.target) {
        check_range(context, k, *o.target, o.pos.at("target"));
        if (ratio) {
          check_ratio(context, k, *o.target, o.pos.at("target"));
        }
      }
      if (progress && (o.target || o.baseline)) {
        check_progress(context, k, o.target ? o.target : k.target,
                       o.baseline ? o.baseline : k.baseline, o.pos.mapping);
      }
    }
  }
}

}  // namespace kpi::checks
