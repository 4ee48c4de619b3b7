#pragma once
// The path of one number (kpi explain): the rows that counted and those left out, each
// slot's target and the override that set it, the achievement with its numbers, the band
// hit and the next one up, the weight's share, the total, the coverage, the reward tier
// and the next tier. Everything comes from score's own result and steps: a number
// explained is the number scored.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"
#include "kpi/score/trace.hpp"

namespace kpi {

/// A row as explain lists it.
struct ExplainedRow {
  SourceLocation where;  ///< file and line, or file and "Sheet!17:17"
  Period stamp;
  std::optional<double> value;  ///< null for a count KPI's row, whose value is ignored
  std::string reason;           ///< for a row left out: fate_name(); empty for a row that counted
  int64_t rows = 1;             ///< a table's group: its rows, `value` their sum
  std::string table = {};       ///< the table of a group; empty for a row of a file
};

/// One slot of the KPI's period overlapping E (E_p for a person who joined or left).
struct ExplainedSlot {
  Period slot;
  double factor = 1;  ///< f_s = days(s within E) / days(s)
  std::optional<Target> target;
  /// Where the override that set the target was written; null: the KPI's own target.
  std::optional<SourceLocation> target_from;
  std::optional<double> baseline;
  std::optional<SourceLocation> baseline_from;
};

/// The band above the one hit, and the actual that reaches it.
struct NextBand {
  std::optional<std::string> label;
  double points = 0;
  double min = 0;  ///< the achievement the band starts at (or ends below, for a `max`)
  /// The actual, after the KPI's aggregate, that scores in that band: the first value
  /// (in steps of 1 for a count) from the current actual on.
  double actual_needed = 0;
};

struct NextTier {
  std::string label;
  double min = 0;
  double total_needed = 0;  ///< min - total: how far the total is from the tier
};

/// A formula operand: its actual for the same entity, as score has it.
struct ExplainedOperand {
  std::string id;
  std::optional<double> actual;
  std::optional<std::string> reason;
};

struct ExplainedKpi {
  KpiScore score;  ///< score's own row, number for number
  const Kpi* kpi = nullptr;
  const Frame* frame = nullptr;        ///< null when none is defined
  std::string rows_of;                 ///< whose rows these are: the KPI, or its `rollup_of`
  std::vector<ExplainedRow> counted;   ///< rows of files, and groups of a table's rows
  std::vector<ExplainedRow> excluded;  ///< in read order
  std::map<std::string, int64_t> excluded_by;  ///< reason -> rows
  std::vector<ExplainedSlot> slots;
  std::optional<SourceLocation> weight_from;  ///< the weight override; null: the KPI's
  std::vector<ExplainedOperand> operands;     ///< formula KPIs
  /// "100 x A / T = 100 x 1050 / 1000": the achievement formula with its numbers, or
  /// empty when no achievement was computed.
  std::string achievement_formula;
  std::optional<NextBand> next_band;
  /// weight / (weights of the KPIs in the total); null when not in the total.
  std::optional<double> weight_share;
  /// weight_share x score: the points of the total this KPI gives.
  std::optional<double> contribution;
};

struct Explanation {
  std::string workspace;
  std::optional<int> precision = 2;  ///< settings.precision, as in ScoreResult
  std::string token;
  Period period;
  Date as_of;
  Period stretch;                  ///< E, or E_p for a person who joined or left
  EntityScore entity;              ///< score's own row (its kpis: every KPI assigned)
  std::vector<ExplainedKpi> kpis;  ///< the one asked for, or every KPI of the entity
  std::optional<NextTier> next_tier;
  bool one_kpi = false;  ///< a KPI was asked for (else: the whole scorecard)
};

/// The cells whose rows explain traces: (kpi, entity) for a measured KPI, the members'
/// cells of its `rollup_of` KPI for a unit's rollup; for every KPI of the entity when
/// `kpi` is empty. Unknown ids: a usage error, with a suggestion.
std::vector<int> explain_slots(const Workspace& workspace, const MeasurementIndex& index,
                               const std::string& entity, const std::string& kpi);

/// Builds the explanation of `scored` (compute_scores' result for a request naming the
/// entity) from the traced rows. `kpi` empty: every KPI of the entity.
Explanation explain_score(const Workspace& workspace, const MeasurementIndex& index,
                          const ScoreResult& scored, const std::vector<TracedRow>& rows,
                          const std::string& entity, const std::string& kpi);

}  // namespace kpi
