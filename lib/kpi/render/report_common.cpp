#include "kpi/render/report_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "kpi/render/labels.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi::render {

std::vector<const EntityScore*> scorecard_order(const ScoreResult& result) {
  std::vector<const EntityScore*> out;
  for (bool units : {true, false}) {
    for (const EntityScore& e : result.entities) {
      if (e.is_unit == units) {
        out.push_back(&e);
      }
    }
  }
  return out;
}

namespace {

/// Where an entity is in the report's period.
std::optional<size_t> entity_position(const Report& report, const EntityScore& entity) {
  const auto found = report.entity_at.find(entity.id);
  return found != report.entity_at.end() ? std::optional<size_t>(found->second) : std::nullopt;
}

const EntityScore* compared_entity(const Report& report, const EntityScore& entity) {
  const std::optional<size_t> at = entity_position(report, entity);
  if (!report.compared || !at || *at >= report.compared_index.size() ||
      report.compared_index[*at] < 0) {
    return nullptr;
  }
  return &report.compared->entities[static_cast<size_t>(report.compared_index[*at])];
}

const EntityTrend* entity_trend(const Report& report, const EntityScore& entity) {
  const std::optional<size_t> at = entity_position(report, entity);
  return at && *at < report.trend.series.size() ? &report.trend.series[*at] : nullptr;
}

}  // namespace

const KpiScore* current_kpi(const Report& report, std::string_view entity, std::string_view kpi) {
  const auto found = report.entity_at.find(std::string(entity));
  return found != report.entity_at.end()
             ? find_kpi_score(report.current.entities[found->second], kpi)
             : nullptr;
}

const KpiScore* compared_kpi(const Report& report, const EntityScore& entity,
                             std::string_view kpi) {
  const EntityScore* e = compared_entity(report, entity);
  return e ? find_kpi_score(*e, kpi) : nullptr;
}

std::optional<double> compared_total(const Report& report, const EntityScore& entity) {
  const EntityScore* e = compared_entity(report, entity);
  return e ? e->total : std::nullopt;
}

std::optional<double> change(const std::optional<double>& now,
                             const std::optional<double>& before) {
  if (!now || !before) {
    return std::nullopt;
  }
  return *now - *before;
}

std::string signed_change(const std::optional<double>& delta) {
  if (!delta) {
    return std::string(k_dash);
  }
  const std::string text = human_number(std::fabs(*delta), 2);
  if (text == "0") {
    return text;
  }
  return (*delta > 0 ? "+" : "\u2212") + text;
}

std::vector<std::optional<double>> achievement_trend(const Report& report,
                                                     const EntityScore& entity,
                                                     const KpiScore& kpi) {
  std::vector<std::optional<double>> out(report.trend.periods.size());
  const EntityTrend* series = entity_trend(report, entity);
  // The series follow the KPIs of the period's own entity, in their order.
  const std::optional<size_t> at = entity_position(report, entity);
  std::optional<size_t> k;
  for (size_t i = 0; at && !k && i < report.current.entities[*at].kpis.size(); ++i) {
    if (report.current.entities[*at].kpis[i].id == kpi.id) {
      k = i;
    }
  }
  if (series == nullptr || !k || *k >= series->kpis.size()) {
    return out;
  }
  for (size_t i = 0; i < out.size() && i < series->kpis[*k].size(); ++i) {
    out[i] = series->kpis[*k][i].achievement;
  }
  return out;
}

std::vector<std::optional<double>> total_trend(const Report& report, const EntityScore& entity) {
  const EntityTrend* series = entity_trend(report, entity);
  return series != nullptr ? series->total
                           : std::vector<std::optional<double>>(report.trend.periods.size());
}

std::string block_sparkline(const std::vector<std::optional<double>>& values) {
  static const char* const k_blocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                         "\u2585", "\u2586", "\u2587", "\u2588"};
  double lo = 0;
  double hi = 0;
  bool any = false;
  for (const std::optional<double>& v : values) {
    if (v && std::isfinite(*v)) {
      lo = any ? std::min(lo, *v) : *v;
      hi = any ? std::max(hi, *v) : *v;
      any = true;
    }
  }
  std::string out;
  for (const std::optional<double>& v : values) {
    if (!v || !std::isfinite(*v)) {
      out += "\u00b7";
      continue;
    }
    const double x = hi > lo ? (*v - lo) / (hi - lo) : 0.5;
    out += k_blocks[std::clamp(static_cast<int>(std::lround(x * 7)), 0, 7)];
  }
  return out;
}

std::string period_dates(const Period& period) {
  return trf("{} to {}", date_in_words(period.start), date_in_words(period.end));
}

std::string period_state(const Report& report) {
  if (!report.running) {
    return tr("closed");
  }
  return trf("running: day {} of {}", report.elapsed_days, report.current.period.days());
}

std::string compared_description(const Report& report) {
  if (!report.compared) {
    return "";
  }
  return report.compared->token + " (" +
         (report.compare == CompareMode::year_ago ? tr("a year earlier") : tr("previous period")) +
         ")";
}

std::string no_data_notice(const Report& report) {
  const ScoreResult& r = report.current;
  return trf(
      "No data: no measurement counts toward {} ({}) as of {}. Every KPI below is without "
      "data; check the data files before reading on: an empty period is not a quiet one.",
      r.token, period_dates(r.period), date_in_words(r.as_of));
}

std::string report_total(const Report& report, const std::optional<double>& total) {
  return human_total(total, report.current.precision);
}

std::string status_word(Status status) {
  return status == Status::none ? tr("status", "unscored") : status_label(status);
}

std::string kpi_name(const Report& report, std::string_view kpi) {
  const auto found = report.kpi_names.find(kpi);
  return found != report.kpi_names.end() && !found->second.empty() ? found->second
                                                                   : std::string(kpi);
}

}  // namespace kpi::render
