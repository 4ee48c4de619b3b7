// kpi.score/1: the machine-readable result of `kpi score` (cli.md).
#include "kpi/render/score_json.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

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

void write_score_json(JsonStream& j, const ScoreResult& result) {
  j.begin_object();
  j.member("schema", "kpi.score/1");
  j.member("workspace", result.workspace);
  Json period;
  period["token"] = result.token;
  period["start"] = format_date(result.period.start);
  period["end"] = format_date(result.period.end);
  j.member("period", period);
  j.member("as_of", format_date(result.as_of));
  j.key("entities");
  j.begin_array();
  for (const EntityScore& e : result.entities) {
    j.value(entity_json(e));
  }
  j.end_array();
  j.key("warnings");
  j.begin_array();
  for (const Diagnostic& d : result.warnings) {
    j.value(warning_json(d));
  }
  j.end_array();
  j.end_object();
}

Json score_json(const ScoreResult& result) {
  // The tree read back from the one writer of kpi.score/1, so that the two cannot differ.
  std::ostringstream text;
  JsonStream j(text);
  write_score_json(j, result);
  return Json::parse(text.str());
}

}  // namespace render

void render_score_json(std::ostream& out, const ScoreResult& result) {
  render::JsonStream j(out);
  render::write_score_json(j, result);
}

}  // namespace kpi
