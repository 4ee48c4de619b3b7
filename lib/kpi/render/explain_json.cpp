// kpi.explain/1: the path of one number, for machines (kpi-explain(1)).

#include <nlohmann/json.hpp>

#include "kpi/render/render.hpp"
#include "kpi/render/score_json.hpp"

namespace kpi {

namespace {

using render::Json;
using render::or_null;
using render::target_json;

Json place_json(const std::optional<SourceLocation>& at) {
  if (!at) {
    return nullptr;
  }
  Json j;
  j["file"] = at->file;
  j["line"] = at->line > 0 ? Json(at->line) : Json(nullptr);
  return j;
}

/// The row's stamp as a token (2026-10-03, 2026-10, 2026-W43), else as start..end.
std::string stamp_text(const Period& p) {
  const std::string token = period_token(p);
  return token.empty() ? format_date(p.start) + ".." + format_date(p.end) : token;
}

Json row_json(const ExplainedRow& r) {
  Json j;
  j["file"] = r.where.file;
  if (!r.where.cell.empty()) {
    j["cell"] = r.where.cell;
  } else {
    j["line"] = r.where.line;
  }
  j["date"] = stamp_text(r.stamp);
  j["value"] = or_null(r.value);
  if (!r.table.empty()) {  // a table's group: its rows, `value` their sum
    j["table"] = r.table;
    j["rows"] = r.rows;
  }
  if (!r.reason.empty()) {
    j["reason"] = r.reason;
  }
  return j;
}

Json range_json(const Period& p) {
  return Json{{"start", format_date(p.start)}, {"end", format_date(p.end)}};
}

void kpi_fields(Json& j, const ExplainedKpi& k) {
  const KpiScore& s = k.score;
  j["kpi"] = s.id;
  j["actual"] = or_null(s.actual);
  j["target"] = target_json(s.target);
  j["baseline"] = or_null(s.baseline);
  j["achievement"] = or_null(s.achievement);
  j["achievement_formula"] =
      k.achievement_formula.empty() ? Json(nullptr) : Json(k.achievement_formula);
  j["points"] = or_null(s.points);
  j["score"] = or_null(s.score);
  j["status"] = std::string(to_string(s.status));
  j["label"] = or_null(s.label);
  j["missing"] = s.missing;
  j["reason"] = or_null(s.reason);
  j["aggregate"] =
      k.kpi->is_formula() ? Json(nullptr) : Json(std::string(to_string(k.kpi->aggregate)));
  j["formula"] = or_null(k.kpi->formula_text);
  j["operands"] = Json::array();
  for (const ExplainedOperand& op : k.operands) {
    j["operands"].push_back(
        Json{{"kpi", op.id}, {"actual", or_null(op.actual)}, {"reason", or_null(op.reason)}});
  }
  j["rows"] = or_null(s.rows);
  j["rows_of"] = k.rows_of;
  j["counted"] = Json::array();
  for (const ExplainedRow& r : k.counted) {
    j["counted"].push_back(row_json(r));
  }
  j["excluded"] = Json::object();
  for (const auto& [reason, count] : k.excluded_by) {
    j["excluded"][reason] = count;
  }
  j["excluded_rows"] = Json::array();
  for (const ExplainedRow& r : k.excluded) {
    j["excluded_rows"].push_back(row_json(r));
  }
  j["slots"] = Json::array();
  for (const ExplainedSlot& slot : k.slots) {
    j["slots"].push_back(Json{{"start", format_date(slot.slot.start)},
                              {"end", format_date(slot.slot.end)},
                              {"factor", slot.factor},
                              {"target", target_json(slot.target)},
                              {"target_from", place_json(slot.target_from)},
                              {"baseline", or_null(slot.baseline)},
                              {"baseline_from", place_json(slot.baseline_from)}});
  }
  j["frame"] = k.frame != nullptr ? Json(k.frame->id) : Json(nullptr);
  if (k.next_band) {
    j["next_band"] = Json{{"label", or_null(k.next_band->label)},
                          {"points", k.next_band->points},
                          {"min", k.next_band->min},
                          {"actual_needed", k.next_band->actual_needed}};
  } else {
    j["next_band"] = nullptr;
  }
  j["weight"] = or_null(s.weight);
  j["weight_from"] = place_json(k.weight_from);
  j["weight_share"] = or_null(k.weight_share);
  j["contribution"] = or_null(k.contribution);
  j["in_total"] = s.in_total;
}

Json reward_json(const std::optional<Reward>& reward) {
  if (!reward) {
    return nullptr;
  }
  return Json{{"label", reward->label},
              {"multiplier", reward->multiplier},
              {"amount", or_null(reward->amount)}};
}

}  // namespace

void render_explain_json(std::ostream& out, const Explanation& x) {
  Json j;
  j["schema"] = "kpi.explain/1";
  j["workspace"] = x.workspace;
  j["period"] = range_json(x.period);
  j["period"]["token"] = x.token;
  j["as_of"] = format_date(x.as_of);
  j["stretch"] = range_json(x.stretch);
  j["entity"] = Json{{"id", x.entity.id},
                     {"kind", x.entity.is_unit ? "unit" : "person"},
                     {"name", x.entity.name},
                     {"active_share", x.entity.active_share}};
  if (x.one_kpi && !x.kpis.empty()) {
    kpi_fields(j, x.kpis.front());
  } else {
    j["kpis"] = Json::array();
    for (const ExplainedKpi& k : x.kpis) {
      Json one;
      kpi_fields(one, k);
      j["kpis"].push_back(std::move(one));
    }
  }
  j["total"] = or_null(x.entity.total);
  j["coverage"] = or_null(x.entity.coverage);
  j["reward"] = reward_json(x.entity.reward);
  j["withheld"] = or_null(x.entity.withheld);
  if (x.next_tier) {
    j["next_tier"] = Json{{"label", x.next_tier->label},
                          {"min", x.next_tier->min},
                          {"total_needed", x.next_tier->total_needed}};
  } else {
    j["next_tier"] = nullptr;
  }
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace kpi
