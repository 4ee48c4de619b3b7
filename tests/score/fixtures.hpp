#pragma once
// Hand-built definitions for the score tests: no YAML, no CSV.

#include <optional>
#include <string>

#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace score_fixtures {

inline kpi::Date day(int y, int m, int d) { return kpi::make_date(y, m, d); }

inline kpi::Period span(kpi::Date a, kpi::Date b) { return kpi::Period{a, b}; }

inline kpi::Period month(int y, int m) {
  return span(day(y, m, 1), day(y, m, kpi::days_in_month(y, m)));
}

inline kpi::Period quarter(int y, int q) {
  int first = 3 * (q - 1) + 1;
  return span(day(y, first, 1), day(y, first + 2, kpi::days_in_month(y, first + 2)));
}

inline kpi::Target number(double v) { return kpi::Target{v, 0, false}; }
inline kpi::Target range(double low, double high) { return kpi::Target{low, high, true}; }

inline kpi::Kpi make_kpi(std::string id, kpi::SlotKind period, kpi::Aggregate aggregate,
                         std::optional<double> target) {
  kpi::Kpi k;
  k.id = std::move(id);
  k.name = k.id;
  k.owner = "alice";
  k.unit = "x";
  k.period = period;
  k.aggregate = aggregate;
  if (target) {
    k.target = number(*target);
  }
  return k;
}

/// An override; `token` is the period as written (empty: none).
inline kpi::Override make_override(std::optional<std::string> entity,
                                   std::optional<kpi::Period> period, std::string token = "x") {
  kpi::Override o;
  o.entity = std::move(entity);
  o.period = period;
  o.period_token = period ? token : "";
  return o;
}

/// The frame of format.md: 120 -> 5, 100 -> 4, 80 -> 3, 50 -> 1, else 0; scale 5.
inline kpi::Frame standard_frame() {
  kpi::Frame f;
  f.id = "standard";
  f.scale = 5;
  auto band = [](std::optional<double> min, double points, std::string label) {
    kpi::Band b;
    b.min = min;
    b.points = points;
    b.label = std::move(label);
    return b;
  };
  f.bands = {band(120, 5, "Outstanding"), band(100, 4, "Achieved"), band(80, 3, "Acceptable"),
             band(50, 1, "Weak"), band(std::nullopt, 0, "Failed")};
  return f;
}

/// [[0, 0], [50, 0], [100, 100], [120, 120]], scale 100.
inline kpi::Frame linear_frame() {
  kpi::Frame f;
  f.id = "linear";
  f.method = kpi::FrameMethod::linear;
  f.points = {{0, 0}, {50, 0}, {100, 100}, {120, 120}};
  return f;
}

}  // namespace score_fixtures
