// kpi.score/1: the machine-readable result of `kpi score` (cli.md).
#include "kpi/render/score_json.hpp"

#include <nlohmann/json.hpp>

#include "kpi/render/render.hpp"

namespace kpi {

namespace render {

Json target_json(const std::optional<Target>& target) {
  if (!target) {
    return nullptr;
  }
  if (target->is_range) {
    return Json::array({target->low, target->high});
  }
  return target->value();
}

}  // namespace render

namespace {

using render::Json;
using render::or_null;
using render::target_json;

Json kpi_json(const KpiScore& k) {
  Json j;
  j["id"] = k.id;
  j["name"] = k.name;
  j["unit"] = k.unit;
  j["actual"] = or_null(k.actual);
  j["target"] = target_json(k.target);
  j["achievement"] = or_null(k.achievement);
  j["points"] = or_null(k.points);
  j["score"] = or_null(k.score);
  j["weight"] = or_null(k.weight);
  j["status"] = std::string(to_string(k.status));
  j["label"] = or_null(k.label);
  j["rows"] = or_null(k.rows);
  j["missing"] = k.missing;
  j["reason"] = or_null(k.reason);
  return j;
}

Json reward_json(const std::optional<Reward>& reward) {
  if (!reward) {
    return nullptr;
  }
  Json j;
  j["label"] = reward->label;
  j["multiplier"] = reward->multiplier;
  j["amount"] = or_null(reward->amount);
  return j;
}

Json entity_json(const EntityScore& e) {
  Json j;
  j["id"] = e.id;
  j["kind"] = e.is_unit ? "unit" : "person";
  j["name"] = e.name;
  j["member_of"] = e.is_unit ? Json(nullptr) : or_null(e.member_of);
  j["total"] = or_null(e.total);
  j["members_mean"] = or_null(e.members_mean);
  j["coverage"] = or_null(e.coverage);
  j["reward"] = reward_json(e.reward);
  j["withheld"] = or_null(e.withheld);
  j["kpis"] = Json::array();
  for (const KpiScore& k : e.kpis) {
    j["kpis"].push_back(kpi_json(k));
  }
  return j;
}

}  // namespace

namespace render {

Json warning_json(const Diagnostic& d) {
  Json j;
  j["rule"] = d.rule;
  j["severity"] = d.severity == Severity::error ? "error" : "warning";
  j["file"] = d.where.file.empty() ? Json(nullptr) : Json(d.where.file);
  j["line"] = d.where.line > 0 ? Json(d.where.line) : Json(nullptr);
  j["column"] = d.where.column > 0 ? Json(d.where.column) : Json(nullptr);
  j["message"] = d.message;
  return j;
}

Json score_json(const ScoreResult& result) {
  Json j;
  j["schema"] = "kpi.score/1";
  j["workspace"] = result.workspace;
  j["period"]["token"] = result.token;
  j["period"]["start"] = format_date(result.period.start);
  j["period"]["end"] = format_date(result.period.end);
  j["as_of"] = format_date(result.as_of);
  j["entities"] = Json::array();
  for (const EntityScore& e : result.entities) {
    j["entities"].push_back(entity_json(e));
  }
  j["warnings"] = Json::array();
  for (const Diagnostic& d : result.warnings) {
    j["warnings"].push_back(warning_json(d));
  }
  return j;
}

}  // namespace render

void render_score_json(std::ostream& out, const ScoreResult& result) {
  // Replace, not throw, on invalid UTF-8 in user text: bad input never crashes.
  out << render::score_json(result).dump(2, ' ', false, render::Json::error_handler_t::replace)
      << '\n';
}

}  // namespace kpi
