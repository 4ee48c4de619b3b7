// kpi.report/1: the machine-readable period report (kpi-report(1)).
#include <string_view>
#include <vector>

#include "kpi/render/render.hpp"
#include "kpi/render/score_json.hpp"

namespace kpi {

namespace {

using render::Json;
using render::or_null;

Json period_json(const Period& p, const std::string& token) {
  Json j;
  j["token"] = token;
  j["start"] = format_date(p.start);
  j["end"] = format_date(p.end);
  return j;
}

Json summary_json(const Report& r) {
  Json j;
  j["company_total"] = or_null(r.company_total);
  j["status_counts"] = {{"green", r.counts.green},
                        {"amber", r.counts.amber},
                        {"red", r.counts.red},
                        {"none", r.counts.none}};
  j["units"] = Json::array();
  j["people"] = Json::array();
  for (const EntityScore& e : r.current.entities) {
    Json row;
    row["id"] = e.id;
    row["name"] = e.name;
    row["total"] = or_null(e.total);
    row["coverage"] = or_null(e.coverage);
    if (e.is_unit) {
      row["members_mean"] = or_null(e.members_mean);
      j["units"].push_back(row);
    } else {
      row["reward"] = e.reward ? Json{{"label", e.reward->label},
                                      {"multiplier", e.reward->multiplier},
                                      {"amount", or_null(e.reward->amount)}}
                               : Json(nullptr);
      row["withheld"] = or_null(e.withheld);
      j["people"].push_back(row);
    }
  }
  j["movers"] = Json::array();
  for (const Mover& m : r.movers) {
    j["movers"].push_back({{"entity", m.entity},
                           {"kpi", m.kpi},
                           {"before", m.before},
                           {"after", m.after},
                           {"change", m.change}});
  }
  return j;
}

/// One series per entity: its total and each KPI's actual, achievement and score, one
/// value per trend period (oldest first), null where there is none.
/// The trend: its periods, then a series per entity, one entity's tree at a time.
void write_trend(render::JsonStream& j, const Report& r) {
  Json periods = Json::array();
  for (const TrendPeriod& p : r.trend.periods) {
    periods.push_back(period_json(p.period, p.token));
  }
  const size_t count = r.trend.periods.size();
  // A value of a series, null where the trend has none.
  const auto at = [count](const auto& values, size_t i, auto field) -> Json {
    return i < values.size() && i < count ? or_null(field(values[i])) : Json(nullptr);
  };
  const auto same = [](const std::optional<double>& v) { return v; };
  j.begin_object();
  j.member("periods", periods);
  j.key("series");
  j.begin_array();
  for (size_t ei = 0; ei < r.current.entities.size(); ++ei) {
    const EntityScore& e = r.current.entities[ei];
    const EntityTrend* series = ei < r.trend.series.size() ? &r.trend.series[ei] : nullptr;
    Json s;
    s["entity"] = e.id;
    s["total"] = Json::array();
    for (size_t i = 0; i < count; ++i) {
      s["total"].push_back(series ? at(series->total, i, same) : Json(nullptr));
    }
    s["kpis"] = Json::array();
    for (size_t ki = 0; ki < e.kpis.size(); ++ki) {
      const std::vector<TrendPoint>* points =
          series && ki < series->kpis.size() ? &series->kpis[ki] : nullptr;
      Json ks;
      ks["id"] = e.kpis[ki].id;
      for (const char* field : {"actual", "achievement", "score"}) {
        ks[field] = Json::array();
      }
      for (size_t i = 0; i < count; ++i) {
        if (points == nullptr) {
          for (const char* field : {"actual", "achievement", "score"}) {
            ks[field].push_back(nullptr);
          }
          continue;
        }
        ks["actual"].push_back(at(*points, i, [](const TrendPoint& p) { return p.actual; }));
        ks["achievement"].push_back(
            at(*points, i, [](const TrendPoint& p) { return p.achievement; }));
        ks["score"].push_back(at(*points, i, [](const TrendPoint& p) { return p.score; }));
      }
      s["kpis"].push_back(std::move(ks));
    }
    j.value(s);
  }
  j.end_array();
  j.end_object();
}

Json at_risk_json(const Report& r) {
  Json list = Json::array();
  for (const AtRisk& a : r.at_risk) {
    list.push_back({{"entity", a.entity},
                    {"kpi", a.kpi},
                    {"status", std::string(to_string(a.status))},
                    {"behind_pace", a.behind_pace},
                    {"projected", or_null(a.projected)},
                    {"period_target", render::target_json(a.full_target)}});
  }
  return list;
}

Json quality_json(const Report& r) {
  Json list = Json::array();
  for (const QualityIssue& q : r.quality) {
    Json j;
    j["kind"] = std::string(to_string(q.kind));
    j["entity"] = q.entity.empty() ? Json(nullptr) : Json(q.entity);
    j["kpi"] = q.kpi.empty() ? Json(nullptr) : Json(q.kpi);
    j["message"] = q.message;
    j["file"] = q.where.file.empty() ? Json(nullptr) : Json(q.where.file);
    j["line"] = q.where.line > 0 ? Json(q.where.line) : Json(nullptr);
    list.push_back(j);
  }
  return list;
}

}  // namespace

void render_report_json(std::ostream& out, const Report& r) {
  // Written a section at a time (json_stream.hpp): the whole tree was 2.3 times score's
  // time and 80-90 MB for 1,000 people; the bytes are the same.
  render::JsonStream j(out);
  j.begin_object();
  j.member("schema", "kpi.report/1");
  j.member("workspace", r.current.workspace);
  j.member("period", period_json(r.current.period, r.current.token));
  j.member("as_of", format_date(r.current.as_of));
  // Near the top, so that a reader of the first lines learns that the period is empty.
  j.member("no_data", r.no_data);
  j.member("running", r.running);
  j.member("elapsed_days", r.elapsed_days);
  j.member("compare", std::string(to_string(r.compare)));
  j.member("summary", summary_json(r));
  j.key("score");
  render::write_score_json(j, r.current);
  j.key("compared");
  if (r.compared) {
    render::write_score_json(j, *r.compared);
  } else {
    j.value(nullptr);
  }
  j.key("trend");
  write_trend(j, r);
  j.member("at_risk", at_risk_json(r));
  j.member("data_quality", quality_json(r));
  j.end_object();
}

}  // namespace kpi
