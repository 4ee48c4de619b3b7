// compute_scores: one period's actuals, targets, achievements, points and totals
// (scoring.md). The steps live in frames.cpp (achievement, points, status),
// targets.cpp (targets after overrides) and totals.cpp (totals, roll-up, rewards).
//
// Filters (--entity, --unit, --kpi) narrow what is LISTED only: totals, members_mean
// and rewards are always computed over every KPI and every entity, so a filtered
// listing shows the same totals as an unfiltered one. Missing-data warnings are given
// for the listed KPI rows only.

#include <algorithm>
#include <functional>
#include <set>

#include "kpi/score/exact_sum.hpp"
#include "kpi/score/score.hpp"
#include "kpi/score/steps.hpp"
#include "kpi/score/targets.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi {

namespace {

using namespace score_steps;

struct Actual {
  std::optional<double> value;
  std::optional<int64_t> rows;  ///< null for a formula KPI
  std::string reason;           ///< why value is missing
  std::string cause;            ///< the reason without "id: " prefixes; empty: = reason
  int via_count = 0;            ///< how many formula operands the reason came through
};

/// A missing formula operand's reason is kept as "id: reason", at most this many deep.
constexpr int k_max_via = 8;

double value_of(Aggregate aggregate, const Accumulator& acc) {
  switch (aggregate) {
    case Aggregate::sum:
      return acc.sum;
    case Aggregate::mean:
      return acc.sum / static_cast<double>(acc.rows);
    case Aggregate::min:
      return acc.min;
    case Aggregate::max:
      return acc.max;
    case Aggregate::last:
      return acc.last;
    case Aggregate::count:
      return static_cast<double>(acc.rows);
  }
  return acc.sum;
}

/// The KPI of each index number: index numbers follow definition order, and of KPIs
/// that share an id the first counts (as Workspace::find_kpi finds it).
std::vector<const Kpi*> definitions_by_index(const Workspace& workspace,
                                             const MeasurementIndex& index) {
  std::vector<const Kpi*> out(static_cast<size_t>(index.kpi_count()), nullptr);
  for (const Kpi& kpi : workspace.kpis) {
    const std::optional<int> k = index.kpi(kpi.id);
    if (k && out[static_cast<size_t>(*k)] == nullptr) {
      out[static_cast<size_t>(*k)] = &kpi;
    }
  }
  return out;
}

class Scorer {
 public:
  Scorer(const Workspace& workspace, const MeasurementIndex& index,
         const PeriodAggregates& aggregates, const ScoreRequest& request)
      : m_ws(workspace), m_index(index), m_aggregates(aggregates), m_request(request) {
    m_stretch = request.period;
    if (request.period.contains(request.as_of)) {
      m_stretch.end = request.as_of;  // pace: E ends on the as-of date, inclusive
    }
    m_definitions = definitions_by_index(workspace, index);
  }

  /// E: the period, cut at the as-of date when that falls inside it.
  const Period& stretch() const { return m_stretch; }

  /// Every KPI assigned to entity `e` (index number; may be absent), in definition order,
  /// scored over `stretch` (E, or a person's E_p); `active` false: listed with every
  /// number null (a person not active in P).
  std::vector<KpiScore> score_entity(const std::string& entity, std::optional<int> e,
                                     const Period& stretch, bool active = true) {
    std::vector<KpiScore> out;
    if (!e) {
      return out;
    }
    for (int k = 0; k < m_index.kpi_count(); ++k) {
      if (m_index.is_assigned(k, *e)) {
        const Kpi& kpi = *m_definitions[static_cast<size_t>(k)];
        out.push_back(active ? score_kpi(kpi, k, entity, *e, stretch) : inactive_kpi(kpi));
      }
    }
    return out;
  }

 private:
  static KpiScore named_score(const Kpi& kpi) {
    KpiScore s;
    s.id = kpi.id;
    s.name = kpi.name;
    s.unit = kpi.unit;
    return s;
  }

  static KpiScore inactive_kpi(const Kpi& kpi) {
    KpiScore s = named_score(kpi);
    s.weight.reset();
    if (!kpi.is_formula()) {
      s.rows = 0;
    }
    s.reason = "not active in P";
    return s;
  }

  KpiScore score_kpi(const Kpi& kpi, int k, const std::string& entity, int e,
                     const Period& stretch) {
    KpiScore s = named_score(kpi);
    RolledUp rolled = roll_up(kpi, entity, stretch);
    s.target = rolled.target;
    s.baseline = rolled.baseline;
    s.weight = weight_for(kpi, entity, m_request.period);
    Actual a = actual(k, e);
    s.rows = a.rows;
    // A missing actual is dealt with before the achievement is looked at.
    if (!a.value) {
      s.missing = true;
      s.reason = a.reason;
      if (kpi.missing.value_or(m_ws.settings.missing) == MissingPolicy::zero) {
        s.points = 0;
        s.score = 0;
        s.status = Status::red;
        s.in_total = true;
      }
      return s;
    }
    s.actual = a.value;
    const Frame* frame = m_ws.frame_of(kpi);
    if (frame == nullptr) {
      s.reason = "no score frame is defined";
      return s;
    }
    Achievement ach = achievement(frame->basis, kpi.direction, *a.value, s.target, s.baseline);
    if (!ach.value) {
      s.reason = ach.reason;
      return s;
    }
    s.achievement = ach.value;
    Grade g = grade(*frame, m_ws.settings.status, *ach.value);
    if (!g.points) {
      s.reason = g.reason;
      return s;
    }
    s.points = g.points;
    s.score = g.score;
    s.label = g.label;
    s.status = g.status;
    s.in_total = true;
    return s;
  }

  /// A measured KPI's actual: its cell's rows.
  /// A measured KPI's actual: its cell's rows (for `rollup_of`, the rows of the unit's
  /// subtree).
  Actual measured(const Kpi& kpi, int k, int e) {
    Actual a;
    std::optional<Accumulator> rolled;
    if (!kpi.rollup_of.empty()) {
      rolled = rollup_cell(kpi, e);
    }
    const Accumulator* acc = rolled ? &*rolled : cell(k, e);
    a.rows = acc != nullptr ? acc->rows : 0;
    if (kpi.aggregate == Aggregate::count && (acc == nullptr || acc->rows == 0)) {
      a.value = 0;  // a count of no rows is a count, not a gap
    } else if (acc == nullptr || acc->rows == 0) {
      a.reason = "no data for " + kpi.id;
    } else {
      a.value = value_of(kpi.aggregate, *acc);
    }
    return a;
  }

  /// The actual of KPI k for entity e, computed once per entity (m_memo) and without
  /// recursion: a formula whose operand is a formula not yet computed is put back on an
  /// explicit stack under that operand and evaluated again once it is known. A chain of
  /// 10,000 formulas thus needs no deep stack, and a ladder (each formula using the one
  /// before twice) is linear, not exponential.
  Actual actual(int k, int e) {
    if (m_memo_entity != e) {
      m_memo_entity = e;
      m_memo.assign(static_cast<size_t>(m_index.kpi_count()), std::nullopt);
      m_state.assign(static_cast<size_t>(m_index.kpi_count()), 0);
    }
    std::vector<int> stack = {k};
    while (!stack.empty()) {
      const int top = stack.back();
      if (m_memo[static_cast<size_t>(top)]) {
        stack.pop_back();
        continue;
      }
      m_state[static_cast<size_t>(top)] = 1;  // on the stack
      std::optional<int> pending;
      Actual a = evaluate(top, e, pending);
      if (pending) {
        stack.push_back(*pending);
        continue;
      }
      m_state[static_cast<size_t>(top)] = 2;
      m_memo[static_cast<size_t>(top)] = std::move(a);
      stack.pop_back();
    }
    return *m_memo[static_cast<size_t>(k)];
  }

  /// One try at KPI k's actual. When the formula reaches an operand that is a formula
  /// not computed yet, `pending` names it and the result is to be thrown away.
  Actual evaluate(int k, int e, std::optional<int>& pending) {
    const Kpi& kpi = *m_definitions[static_cast<size_t>(k)];
    if (!kpi.is_formula()) {
      return measured(kpi, k, e);
    }
    Actual a;  // rows stay null for a formula KPI
    if (!kpi.formula) {
      a.reason = "the formula of " + kpi.id + " does not parse";
      return a;
    }
    // evaluate_formula stops at the first operand that fails, so a reason caught here is
    // the reason of the whole formula (more telling than its "no data for X").
    std::optional<Actual> failed_operand;
    auto lookup = [&](const std::string& id) -> std::optional<double> {
      if (pending) {
        return std::nullopt;
      }
      Actual op = operand(id, e, pending);
      if (pending) {
        return std::nullopt;
      }
      if (!op.value && !failed_operand) {
        failed_operand = std::move(op);
        return std::nullopt;
      }
      return op.value;
    };
    FormulaValue v = evaluate_formula(*kpi.formula, lookup);
    if (v.value) {
      a.value = v.value;
    } else if (failed_operand) {
      a.reason = std::move(failed_operand->reason);
      a.cause = std::move(failed_operand->cause);
      a.via_count = failed_operand->via_count;
    } else {
      a.reason = v.reason;
    }
    return a;
  }

  /// An operand's actual for the same entity: missing when the KPI is unknown, not
  /// assigned to the entity, without rows, or (for a formula) missing itself. A formula
  /// operand not computed yet is left `pending`.
  Actual operand(const std::string& id, int e, std::optional<int>& pending) {
    Actual a;
    std::optional<int> k = m_index.kpi(id);
    const Kpi* kpi = k ? m_definitions[static_cast<size_t>(*k)] : nullptr;
    if (!k || kpi == nullptr) {
      a.reason = "unknown KPI " + id;
      return a;
    }
    const size_t slot = static_cast<size_t>(*k);
    if (!m_index.is_assigned(*k, e)) {
      a.reason = id + " is not assigned to " + m_index.entity_id(e);
    } else if (m_memo[slot]) {
      a = *m_memo[slot];
      if (!a.value && kpi->is_formula()) {
        a.reason = via(id, *m_memo[slot]);
        a.cause = a.via_count == 0 ? m_memo[slot]->reason : m_memo[slot]->cause;
        ++a.via_count;
      }
    } else if (m_state[slot] == 1) {
      a.reason = "formulas refer to each other through " + id;
    } else if (!kpi->is_formula()) {
      m_memo[slot] = measured(*kpi, *k, e);
      m_state[slot] = 2;
      a = *m_memo[slot];
    } else {
      pending = *k;
    }
    return a;
  }

  /// "id: reason" for a formula operand that is missing, say whose the reason is. Past
  /// k_max_via names the middle of the chain is left out, so that a chain of 10,000
  /// formulas gives a short reason and not one naming every KPI.
  static std::string via(const std::string& id, const Actual& missing) {
    if (missing.via_count < k_max_via) {
      return id + ": " + missing.reason;
    }
    return id + ": …: " + missing.cause;
  }

  const Accumulator* cell(int k, int e) const { return m_aggregates.at(m_index, k, e); }

  /// The rows of OTHER (`rollup_of`) of unit `e`, its people, and the units under it and
  /// their people, as one cell. Each cell holds only rows that count for its own entity.
  std::optional<Accumulator> rollup_cell(const Kpi& kpi, int e) {
    const std::optional<int> other = m_index.kpi(kpi.rollup_of);
    if (!other) {
      return std::nullopt;
    }
    Accumulator out;
    score_detail::ExactSum sum;
    for (int member : rollup_members(m_ws, m_index, m_index.entity_id(e))) {
      const Accumulator* c = cell(*other, member);
      if (c == nullptr || c->rows == 0) {
        continue;
      }
      if (out.rows == 0) {
        out.min = c->min;
        out.max = c->max;
      } else {
        out.min = std::min(out.min, c->min);
        out.max = std::max(out.max, c->max);
      }
      out.rows += c->rows;
      sum.merge(score_detail::ExactSum{c->scaled, c->inexact});
      if (out.last_order < 0 || c->last_end > out.last_end ||
          (c->last_end == out.last_end && c->last_order > out.last_order)) {
        out.last = c->last;
        out.last_end = c->last_end;
        out.last_order = c->last_order;
      }
    }
    out.sum = sum.value();
    out.scaled = sum.scaled;
    out.inexact = sum.inexact;
    return out;
  }

  const Workspace& m_ws;
  const MeasurementIndex& m_index;
  std::vector<const Kpi*> m_definitions;  ///< by index number
  const PeriodAggregates& m_aggregates;
  const ScoreRequest& m_request;
  Period m_stretch;
  int m_memo_entity = -1;                     ///< the entity m_memo holds actuals of
  std::vector<std::optional<Actual>> m_memo;  ///< by index number
  std::vector<char> m_state;                  ///< 1 on the stack, 2 done
};

std::vector<std::string> entity_ids(const Workspace& ws) {
  std::vector<std::string> ids;
  for (const Person& p : ws.people) {
    ids.push_back(p.id);
  }
  for (const Unit& u : ws.units) {
    ids.push_back(u.id);
  }
  return ids;
}

std::vector<std::string> kpi_ids(const Workspace& ws) {
  std::vector<std::string> ids;
  for (const Kpi& k : ws.kpis) {
    ids.push_back(k.id);
  }
  return ids;
}

void require_known(const std::string& what, const std::string& id,
                   const std::vector<std::string>& known) {
  for (const std::string& k : known) {
    if (k == id) {
      return;
    }
  }
  Error err = usage_error("unknown-" + what, "unknown " + what + " '" + id + "'");
  err.diagnostic.hint = did_you_mean(id, known);
  throw err;
}

/// The entities the request lists: all, or those of --entity, and of --unit (the
/// unit, every unit under it, and the people who are members of those units).
std::set<std::string> listed_entities(const Workspace& ws, const ScoreRequest& request) {
  std::vector<std::string> all = entity_ids(ws);
  std::set<std::string> listed(all.begin(), all.end());
  if (!request.entities.empty()) {
    for (const std::string& id : request.entities) {
      require_known("entity", id, all);
    }
    listed = std::set<std::string>(request.entities.begin(), request.entities.end());
  }
  if (request.unit) {
    std::vector<std::string> unit_ids;
    for (const Unit& u : ws.units) {
      unit_ids.push_back(u.id);
    }
    require_known("unit", *request.unit, unit_ids);
    std::set<std::string> under = {*request.unit};
    for (bool grew = true; grew;) {  // a fixpoint, safe on (invalid) parent cycles
      grew = false;
      for (const Unit& u : ws.units) {
        if (under.count(u.parent) != 0 && under.insert(u.id).second) {
          grew = true;
        }
      }
    }
    std::set<std::string> in_unit = under;
    for (const Person& p : ws.people) {
      if (under.count(p.member_of) != 0) {
        in_unit.insert(p.id);
      }
    }
    std::set<std::string> both;
    for (const std::string& id : listed) {
      if (in_unit.count(id) != 0) {
        both.insert(id);
      }
    }
    listed = both;
  }
  return listed;
}

Diagnostic missing_warning(const Kpi& kpi, const std::string& entity, const KpiScore& s,
                           const ScoreRequest& request, MissingPolicy policy) {
  Diagnostic d;
  d.rule = "missing-data";
  d.severity = policy == MissingPolicy::error ? Severity::error : Severity::warning;
  d.message = kpi.id + " for " + entity + " has no actual for " + request.token + " (" +
              s.reason.value_or("no data") + "); left out of the total";
  if (policy == MissingPolicy::error) {
    d.message += " (missing: error)";
  }
  d.where = kpi.pos.mapping;
  return d;
}

/// no-data: not one row counts toward P, which must not look like a quiet month.
std::optional<Diagnostic> no_data_warning(const PeriodAggregates& aggregates,
                                          const ScoreRequest& request) {
  for (const Accumulator& a : aggregates.cells) {
    if (a.rows > 0) {
      return std::nullopt;
    }
  }
  return Diagnostic{
      "no-data", Severity::warning,
      "no measurement counts toward " + request.token + " (" + format_date(request.period.start) +
          ".." + format_date(request.period.end) + ") as of " + format_date(request.as_of) +
          "; the period has no data (count KPIs score 0, every other actual is missing)",
      SourceLocation{}, "check the data globs, --data and --period"};
}

/// A person's scorecard: over E_p, or listed with every number null when not active.
EntityScore score_person(const Workspace& ws, const MeasurementIndex& index, Scorer& scorer,
                         const Person& p) {
  EntityScore es;
  es.id = p.id;
  es.name = p.name;
  es.member_of = p.member_of;
  const Period& e = scorer.stretch();
  const std::optional<Period> active = active_stretch(e, p);
  es.active = active.has_value();
  es.active_share = active ? static_cast<double>(active->days()) / e.days() : 0.0;
  es.kpis = scorer.score_entity(p.id, index.entity(p.id), active.value_or(e), es.active);
  if (!es.active) {
    return es;  // total, coverage, reward and withheld null
  }
  es.total = round_total(weighted_total(es.kpis), ws.settings.precision);
  es.coverage = coverage_of(es.kpis);
  es.reward = reward_for(ws, p, es.total);
  if (es.reward && es.reward->amount && ws.settings.prorate_bonus) {
    // x days(E_p) / days(E), multiplied before dividing: 8556 x 16 / 31 is 4416 exactly.
    *es.reward->amount = *es.reward->amount * active->days() / e.days();
  }
  if (es.reward && es.coverage && *es.coverage < 100 &&
      ws.settings.reward_incomplete == RewardIncomplete::withhold) {
    es.withheld_reward = std::move(es.reward);
    es.reward.reset();
    es.withheld = withheld_text(es.kpis);
  }
  return es;
}

}  // namespace

ScoreResult compute_scores(const Workspace& workspace, const MeasurementIndex& index,
                           const PeriodAggregates& aggregates, const ScoreRequest& request) {
  std::set<std::string> listed = listed_entities(workspace, request);
  for (const std::string& id : request.kpis) {
    require_known("kpi", id, kpi_ids(workspace));
  }
  std::set<std::string> listed_kpis(request.kpis.begin(), request.kpis.end());

  Scorer scorer(workspace, index, aggregates, request);
  const std::vector<const Kpi*> definitions = definitions_by_index(workspace, index);
  std::vector<EntityScore> all;
  std::vector<bool> has_kpis;
  for (const Person& p : workspace.people) {
    EntityScore es = score_person(workspace, index, scorer, p);
    has_kpis.push_back(!es.kpis.empty());
    all.push_back(std::move(es));
  }
  for (const Unit& u : workspace.units) {
    EntityScore es;
    es.id = u.id;
    es.is_unit = true;
    es.name = u.name;
    es.kpis = scorer.score_entity(u.id, index.entity(u.id), scorer.stretch());
    es.total = round_total(weighted_total(es.kpis), workspace.settings.precision);
    es.coverage = coverage_of(es.kpis);
    has_kpis.push_back(!es.kpis.empty());
    all.push_back(std::move(es));
  }
  roll_up_units(workspace, all, has_kpis);

  ScoreResult result;
  result.workspace = workspace.name;
  result.token = request.token;
  result.period = request.period;
  result.as_of = request.as_of;
  result.precision = workspace.settings.precision;
  result.warnings = aggregates.warnings;
  if (std::optional<Diagnostic> none = no_data_warning(aggregates, request)) {
    result.warnings.push_back(std::move(*none));
  }
  for (EntityScore& es : all) {
    if (listed.count(es.id) == 0) {
      continue;
    }
    std::vector<KpiScore> kept;
    for (KpiScore& s : es.kpis) {
      if (!listed_kpis.empty() && listed_kpis.count(s.id) == 0) {
        continue;
      }
      if (s.missing && !s.in_total) {
        const Kpi& kpi = *definitions[static_cast<size_t>(*index.kpi(s.id))];
        result.warnings.push_back(missing_warning(
            kpi, es.id, s, request, kpi.missing.value_or(workspace.settings.missing)));
      }
      kept.push_back(std::move(s));
    }
    es.kpis = std::move(kept);
    result.entities.push_back(std::move(es));
  }
  return result;
}

}  // namespace kpi
