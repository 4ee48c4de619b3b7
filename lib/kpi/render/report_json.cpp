// kpi.report/1: the machine-readable period report (kpi-report(1)).
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
Json trend_json(const Report& r) {
  Json j;
  j["periods"] = Json::array();
  for (const ScoreResult& t : r.trend) {
    j["periods"].push_back(period_json(t.period, t.token));
  }
  j["series"] = Json::array();
  for (const EntityScore& e : r.current.entities) {
    Json s;
    s["entity"] = e.id;
    s["total"] = Json::array();
    for (const ScoreResult& t : r.trend) {
      const EntityScore* te = find_entity(t, e.id);
      s["total"].push_back(te ? or_null(te->total) : Json(nullptr));
    }
    s["kpis"] = Json::array();
    for (const KpiScore& k : e.kpis) {
      Json ks;
      ks["id"] = k.id;
      for (const char* field : {"actual", "achievement", "score"}) {
        ks[field] = Json::array();
      }
      for (const ScoreResult& t : r.trend) {
        const EntityScore* te = find_entity(t, e.id);
        const KpiScore* tk = te ? find_kpi_score(*te, k.id) : nullptr;
        ks["actual"].push_back(tk ? or_null(tk->actual) : Json(nullptr));
        ks["achievement"].push_back(tk ? or_null(tk->achievement) : Json(nullptr));
        ks["score"].push_back(tk ? or_null(tk->score) : Json(nullptr));
      }
      s["kpis"].push_back(ks);
    }
    j["series"].push_back(s);
  }
  return j;
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
  Json j;
  j["schema"] = "kpi.report/1";
  j["workspace"] = r.current.workspace;
  j["period"] = period_json(r.current.period, r.current.token);
  j["as_of"] = format_date(r.current.as_of);
  j["running"] = r.running;
  j["elapsed_days"] = r.elapsed_days;
  j["compare"] = std::string(to_string(r.compare));
  j["summary"] = summary_json(r);
  j["score"] = render::score_json(r.current);
  j["compared"] = r.compared ? render::score_json(*r.compared) : Json(nullptr);
  j["trend"] = trend_json(r);
  j["at_risk"] = at_risk_json(r);
  j["data_quality"] = quality_json(r);
  // Replace, not throw, on invalid UTF-8 in user text: bad input never crashes.
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace kpi
