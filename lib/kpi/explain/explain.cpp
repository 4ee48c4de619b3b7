// kpi explain: score's own result for one entity, with the rows, slots and overrides
// behind each number (the steps are score's: targets.hpp, steps.hpp).

#include "kpi/explain/explain.hpp"

#include <algorithm>

#include "kpi/explain/next_step.hpp"
#include "kpi/formula/formula.hpp"
#include "kpi/score/steps.hpp"
#include "kpi/score/targets.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi {

namespace {

const Kpi& definition(const Workspace& ws, const std::string& id) {
  const Kpi* kpi = ws.find_kpi(id);
  if (kpi == nullptr) {
    throw usage_error("unknown-kpi", "unknown kpi '" + id + "'");
  }
  return *kpi;
}

void require_entity(const MeasurementIndex& index, const std::string& entity) {
  if (!index.entity(entity)) {
    Error err = usage_error("unknown-entity", "unknown entity '" + entity + "'");
    err.diagnostic.hint = did_you_mean(entity, index.entity_ids());
    throw err;
  }
}

/// The cells whose rows make KPI k's actual for entity e.
std::vector<int> cells_of(const Workspace& ws, const MeasurementIndex& index, const Kpi& kpi,
                          int e) {
  std::vector<int> out;
  if (kpi.is_formula()) {
    return out;
  }
  if (!kpi.rollup_of.empty()) {
    const std::optional<int> other = index.kpi(kpi.rollup_of);
    if (other) {
      for (int member : score_steps::rollup_members(ws, index, index.entity_id(e))) {
        if (const int slot = index.slot(*other, member); slot >= 0) {
          out.push_back(slot);
        }
      }
    }
    return out;
  }
  if (const int slot = index.slot(*index.kpi(kpi.id), e); slot >= 0) {
    out.push_back(slot);
  }
  return out;
}

/// E: the period cut at the as-of date; for a person, cut further to the active days.
Period stretch_of(const Workspace& ws, const ScoreResult& scored, const std::string& entity) {
  Period e = scored.period;
  if (e.contains(scored.as_of)) {
    e.end = scored.as_of;
  }
  for (const Person& p : ws.people) {
    if (p.id == entity) {
      return score_steps::active_stretch(e, p).value_or(e);
    }
  }
  return e;
}

std::optional<SourceLocation> place_of(const Override* o) {
  if (o == nullptr) {
    return std::nullopt;
  }
  return o->pos.mapping;
}

void add_rows(ExplainedKpi& out, const std::vector<int>& cells, const std::vector<TracedRow>& rows,
              bool counts_rows) {
  for (const TracedRow& row : rows) {
    if (std::find(cells.begin(), cells.end(), row.slot) == cells.end()) {
      continue;
    }
    ExplainedRow r{row.where, row.stamp, std::nullopt, {}, row.rows, row.table};
    if (!counts_rows) {
      r.value = row.value;
    }
    if (row.fate == RowFate::counted) {
      out.counted.push_back(std::move(r));
    } else {
      r.reason = fate_name(row.fate);
      out.excluded_by[r.reason] += r.rows;
      out.excluded.push_back(std::move(r));
    }
  }
}

void add_operands(ExplainedKpi& out, const EntityScore& entity) {
  if (!out.kpi->formula) {
    return;
  }
  for (const std::string& id : formula_refs(*out.kpi->formula)) {
    ExplainedOperand op{id, std::nullopt, std::nullopt};
    auto it = std::find_if(entity.kpis.begin(), entity.kpis.end(),
                           [&](const KpiScore& s) { return s.id == id; });
    if (it == entity.kpis.end()) {
      op.reason = id + " is not assigned to " + entity.id;
    } else {
      op.actual = it->actual;
      op.reason = it->reason;
    }
    out.operands.push_back(std::move(op));
  }
}

double weights_in_total(const EntityScore& entity) {
  double sum = 0;
  for (const KpiScore& s : entity.kpis) {
    if (s.in_total && s.weight) {
      sum += *s.weight;
    }
  }
  return sum;
}

ExplainedKpi explain_kpi(const Workspace& ws, const MeasurementIndex& index,
                         const EntityScore& entity, const KpiScore& score, const Period& stretch,
                         const Period& period, const std::vector<TracedRow>& rows) {
  ExplainedKpi out;
  out.score = score;
  out.kpi = &definition(ws, score.id);
  out.frame = ws.frame_of(*out.kpi);
  out.rows_of = out.kpi->rollup_of.empty() ? out.kpi->id : out.kpi->rollup_of;
  const std::optional<int> e = index.entity(entity.id);
  if (e && entity.active) {
    const Kpi* rows_kpi = ws.find_kpi(out.rows_of);
    const bool counts_rows = rows_kpi != nullptr && rows_kpi->aggregate == Aggregate::count;
    add_rows(out, cells_of(ws, index, *out.kpi, *e), rows, counts_rows);
    for (const SlotDetail& d : slot_details(*out.kpi, entity.id, stretch)) {
      out.slots.push_back(ExplainedSlot{d.slot, d.factor, d.target, place_of(d.target_from),
                                        d.baseline, place_of(d.baseline_from)});
    }
  }
  out.weight_from = place_of(weight_override(*out.kpi, entity.id, period));
  add_operands(out, entity);
  if (out.frame != nullptr && score.achievement && score.actual) {
    out.achievement_formula =
        explain_steps::achievement_formula(out.frame->basis, out.kpi->direction, score);
  }
  if (out.frame != nullptr) {
    out.next_band = explain_steps::next_band(*out.kpi, *out.frame, score);
  }
  const double in_total = weights_in_total(entity);
  if (score.in_total && score.weight && in_total != 0) {
    out.weight_share = *score.weight / in_total;
    if (score.score) {
      out.contribution = *out.weight_share * *score.score;
    }
  }
  return out;
}

}  // namespace

std::vector<int> explain_slots(const Workspace& workspace, const MeasurementIndex& index,
                               const std::string& entity, const std::string& kpi) {
  require_entity(index, entity);
  const int e = *index.entity(entity);
  std::vector<int> out;
  for (int k = 0; k < index.kpi_count(); ++k) {
    if (!kpi.empty() && index.kpi_id(k) != kpi) {
      continue;
    }
    if (!index.is_assigned(k, e)) {
      continue;
    }
    std::vector<int> cells = cells_of(workspace, index, definition(workspace, index.kpi_id(k)), e);
    out.insert(out.end(), cells.begin(), cells.end());
  }
  if (!kpi.empty()) {
    const std::optional<int> k = index.kpi(kpi);
    if (!k) {
      Error err = usage_error("unknown-kpi", "unknown kpi '" + kpi + "'");
      err.diagnostic.hint = did_you_mean(kpi, index.kpi_ids());
      throw err;
    }
    if (!index.is_assigned(*k, e)) {
      throw usage_error("not-assigned", kpi + " is not assigned to " + entity +
                                            " (kpi list shows who is assigned what)");
    }
  }
  return out;
}

Explanation explain_score(const Workspace& workspace, const MeasurementIndex& index,
                          const ScoreResult& scored, const std::vector<TracedRow>& rows,
                          const std::string& entity, const std::string& kpi) {
  auto it = std::find_if(scored.entities.begin(), scored.entities.end(),
                         [&](const EntityScore& es) { return es.id == entity; });
  if (it == scored.entities.end()) {
    throw usage_error("unknown-entity", "unknown entity '" + entity + "'");
  }
  Explanation out;
  out.workspace = scored.workspace;
  out.precision = scored.precision;
  out.one_kpi = !kpi.empty();
  out.token = scored.token;
  out.period = scored.period;
  out.as_of = scored.as_of;
  out.stretch = stretch_of(workspace, scored, entity);
  out.entity = *it;
  for (const KpiScore& s : it->kpis) {
    if (kpi.empty() || s.id == kpi) {
      out.kpis.push_back(explain_kpi(workspace, index, *it, s, out.stretch, scored.period, rows));
    }
  }
  if (!it->is_unit) {
    out.next_tier = explain_steps::next_tier(workspace, it->total);
  }
  return out;
}

}  // namespace kpi
