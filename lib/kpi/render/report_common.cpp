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

const KpiScore* current_kpi(const Report& report, std::string_view entity, std::string_view kpi) {
  const EntityScore* e = find_entity(report.current, entity);
  return e ? find_kpi_score(*e, kpi) : nullptr;
}

const KpiScore* compared_kpi(const Report& report, std::string_view entity, std::string_view kpi) {
  if (!report.compared) {
    return nullptr;
  }
  const EntityScore* e = find_entity(*report.compared, entity);
  return e ? find_kpi_score(*e, kpi) : nullptr;
}

std::optional<double> compared_total(const Report& report, std::string_view entity) {
  if (!report.compared) {
    return std::nullopt;
  }
  const EntityScore* e = find_entity(*report.compared, entity);
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

std::vector<std::optional<double>> achievement_trend(const Report& report, std::string_view entity,
                                                     std::string_view kpi) {
  std::vector<std::optional<double>> out;
  for (const ScoreResult& t : report.trend) {
    const EntityScore* e = find_entity(t, entity);
    const KpiScore* k = e ? find_kpi_score(*e, kpi) : nullptr;
    out.push_back(k ? k->achievement : std::nullopt);
  }
  return out;
}

std::vector<std::optional<double>> total_trend(const Report& report, std::string_view entity) {
  std::vector<std::optional<double>> out;
  for (const ScoreResult& t : report.trend) {
    const EntityScore* e = find_entity(t, entity);
    out.push_back(e ? e->total : std::nullopt);
  }
  return out;
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
