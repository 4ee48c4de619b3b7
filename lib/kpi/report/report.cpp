// The report's summary: company total, status counts and the largest movers.
#include "kpi/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kpi/report/sections.hpp"

namespace kpi {

std::string_view to_string(CompareMode mode) {
  switch (mode) {
    case CompareMode::previous:
      return "previous";
    case CompareMode::year_ago:
      return "year-ago";
    case CompareMode::none:
      break;
  }
  return "none";
}

const EntityScore* find_entity(const ScoreResult& result, std::string_view id) {
  for (const EntityScore& e : result.entities) {
    if (e.id == id) {
      return &e;
    }
  }
  return nullptr;
}

const KpiScore* find_kpi_score(const EntityScore& entity, std::string_view id) {
  for (const KpiScore& k : entity.kpis) {
    if (k.id == id) {
      return &k;
    }
  }
  return nullptr;
}

std::vector<int> entity_indexes(const ScoreResult& from, const ScoreResult& in) {
  std::unordered_map<std::string_view, int> by_id;
  by_id.reserve(in.entities.size());
  for (size_t i = 0; i < in.entities.size(); ++i) {
    by_id.emplace(in.entities[i].id, static_cast<int>(i));
  }
  std::vector<int> out;
  out.reserve(from.entities.size());
  for (const EntityScore& e : from.entities) {
    const auto found = by_id.find(e.id);
    out.push_back(found != by_id.end() ? found->second : -1);
  }
  return out;
}

namespace report {

std::optional<double> company_total(const Workspace& ws, const ScoreResult& result) {
  double sum = 0;
  int count = 0;
  int roots = 0;
  std::optional<double> only;
  for (const Unit& u : ws.units) {
    if (!u.parent.empty()) {
      continue;
    }
    ++roots;
    const EntityScore* e = find_entity(result, u.id);
    if (e && e->total) {
      sum += *e->total;
      ++count;
      only = e->total;
    }
  }
  if (roots == 1) {
    return only;
  }
  if (count == 0) {
    return std::nullopt;
  }
  return sum / count;
}

StatusCounts count_statuses(const ScoreResult& result) {
  StatusCounts c;
  for (const EntityScore& e : result.entities) {
    for (const KpiScore& k : e.kpis) {
      switch (k.status) {
        case Status::green:
          ++c.green;
          break;
        case Status::amber:
          ++c.amber;
          break;
        case Status::red:
          ++c.red;
          break;
        case Status::none:
          ++c.none;
          break;
      }
    }
  }
  return c;
}

std::vector<Mover> find_movers(const ScoreResult& current, const ScoreResult& compared,
                               const std::vector<int>& compared_index) {
  std::vector<Mover> movers;
  for (size_t i = 0; i < current.entities.size(); ++i) {
    const EntityScore& e = current.entities[i];
    if (i >= compared_index.size() || compared_index[i] < 0) {
      continue;
    }
    const EntityScore* before_entity = &compared.entities[static_cast<size_t>(compared_index[i])];
    for (const KpiScore& k : e.kpis) {
      const KpiScore* before = find_kpi_score(*before_entity, k.id);
      if (!k.score || !before || !before->score || *k.score == *before->score) {
        continue;
      }
      movers.push_back(Mover{e.id, k.id, *before->score, *k.score, *k.score - *before->score});
    }
  }
  // Largest change first; ties keep the result's order (people, units, definition order).
  std::stable_sort(movers.begin(), movers.end(), [](const Mover& a, const Mover& b) {
    return std::fabs(a.change) > std::fabs(b.change);
  });
  if (movers.size() > k_max_movers) {
    movers.resize(k_max_movers);
  }
  return movers;
}

}  // namespace report

Report build_report(const Workspace& workspace, ReportInputs inputs) {
  Report r;
  r.current = std::move(inputs.current);
  r.compare = inputs.compare;
  r.compared = std::move(inputs.compared);
  r.trend = std::move(inputs.trend);
  const Period& p = r.current.period;
  r.running = p.contains(r.current.as_of) && r.current.as_of < p.end;
  r.elapsed_days = r.current.as_of < p.start     ? 0
                   : p.contains(r.current.as_of) ? r.current.as_of.days - p.start.days + 1
                                                 : p.days();
  r.entity_at.reserve(r.current.entities.size());
  for (size_t i = 0; i < r.current.entities.size(); ++i) {
    r.entity_at.emplace(r.current.entities[i].id, i);
  }
  r.company_total = report::company_total(workspace, r.current);
  r.counts = report::count_statuses(r.current);
  if (r.compared) {
    r.compared_index = entity_indexes(r.current, *r.compared);
    r.movers = report::find_movers(r.current, *r.compared, r.compared_index);
  }
  r.at_risk = report::find_at_risk(workspace, r);
  r.quality = report::find_quality_issues(r.current, inputs.findings);
  r.no_data = report::period_has_no_data(r.current);
  for (const Kpi& k : workspace.kpis) {
    r.kpi_names.emplace(k.id, k.name);
  }
  return r;
}

}  // namespace kpi
