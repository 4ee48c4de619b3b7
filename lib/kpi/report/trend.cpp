// The report's trend: the few numbers of each trend period, kept per entity of the
// period's result, so that no trend period's whole result is held.
#include <string_view>

#include "kpi/report/report.hpp"

namespace kpi {

Trend start_trend(const ScoreResult& current) {
  Trend trend;
  trend.series.resize(current.entities.size());
  for (size_t i = 0; i < current.entities.size(); ++i) {
    trend.series[i].kpis.resize(current.entities[i].kpis.size());
  }
  return trend;
}

void add_trend_period(Trend& trend, const ScoreResult& period, const ScoreResult& current) {
  trend.periods.push_back(TrendPeriod{period.period, period.token});
  const std::vector<int> found = entity_indexes(current, period);
  for (size_t i = 0; i < current.entities.size() && i < trend.series.size(); ++i) {
    EntityTrend& series = trend.series[i];
    const EntityScore* then =
        found[i] >= 0 ? &period.entities[static_cast<size_t>(found[i])] : nullptr;
    series.total.push_back(then != nullptr ? then->total : std::nullopt);
    const std::vector<KpiScore>& kpis = current.entities[i].kpis;
    for (size_t k = 0; k < kpis.size() && k < series.kpis.size(); ++k) {
      // The same workspace scores every period, so the KPI is usually at the same place.
      const KpiScore* tk = nullptr;
      if (then != nullptr) {
        tk = k < then->kpis.size() && then->kpis[k].id == kpis[k].id
                 ? &then->kpis[k]
                 : find_kpi_score(*then, kpis[k].id);
      }
      series.kpis[k].push_back(tk != nullptr ? TrendPoint{tk->actual, tk->achievement, tk->score}
                                             : TrendPoint{});
    }
  }
}

}  // namespace kpi
