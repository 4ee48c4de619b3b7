// At risk: red, amber, or behind pace while the period runs.

#include "kpi/report/sections.hpp"
#include "kpi/score/targets.hpp"

namespace kpi::report {

double project(double actual, int period_days, int elapsed_days) {
  return actual * period_days / elapsed_days;
}

bool misses(Direction direction, double value, const Target& target) {
  if (target.is_range) {
    return value < target.low || value > target.high;
  }
  if (direction == Direction::lower) {
    return value > target.value();
  }
  return value < target.value();
}

namespace {

/// The projection of a sum or count KPI while the period runs, when it misses the
/// target of the whole period.
void add_projection(const Kpi& kpi, const std::string& entity, const KpiScore& k,
                    const Report& report, AtRisk& risk) {
  if (!report.running || report.elapsed_days <= 0 || kpi.is_formula() || !k.actual ||
      (kpi.aggregate != Aggregate::sum && kpi.aggregate != Aggregate::count)) {
    return;
  }
  const Period& p = report.current.period;
  const RolledUp full = roll_up(kpi, entity, p);
  if (!full.target) {
    return;
  }
  risk.projected = project(*k.actual, p.days(), report.elapsed_days);
  risk.full_target = full.target;
  risk.behind_pace = misses(kpi.direction, *risk.projected, *full.target);
}

}  // namespace

std::vector<AtRisk> find_at_risk(const Workspace& workspace, const Report& report) {
  std::vector<AtRisk> out;
  for (const EntityScore& e : report.current.entities) {
    for (const KpiScore& k : e.kpis) {
      AtRisk risk{e.id, k.id, k.status, false, std::nullopt, std::nullopt};
      if (const Kpi* kpi = workspace.find_kpi(k.id)) {
        add_projection(*kpi, e.id, k, report, risk);
      }
      if (k.status == Status::red || k.status == Status::amber || risk.behind_pace) {
        out.push_back(std::move(risk));
      }
    }
  }
  return out;
}

}  // namespace kpi::report
