#pragma once
// Scoring one period (scoring.md): the result is data; renderers present it.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

class RowTrace;  // kpi/score/trace.hpp
namespace warehouse {
class TableReader;  // kpi/warehouse/answer.hpp
}

struct ScoreRequest {
  std::string token;  ///< the period as the user wrote it
  Period period;
  Date as_of;
  std::vector<std::string> entities;  ///< --entity: only these (empty: all)
  std::optional<std::string> unit;    ///< --unit: that unit and everything under it
  std::vector<std::string> kpis;      ///< --kpi: only these rows (empty: all)
};

struct KpiScore {
  std::string id;
  std::string name;  ///< the KPI's name, for people reading the outputs
  std::string unit;  ///< its unit of measure (`VND`, `%`, `deals`)
  std::optional<double> actual;
  std::optional<Target> target;  ///< rolled up over the period; range bound by bound
  std::optional<double> baseline;
  std::optional<double> achievement;
  std::optional<double> points;
  std::optional<double> score;
  std::optional<double> weight = 1;  ///< after overrides; null for a person not active in P
  Status status = Status::none;
  std::optional<std::string> label;
  std::optional<int64_t> rows;        ///< rows that count; null for a formula KPI
  bool missing = false;               ///< the actual is missing
  std::optional<std::string> reason;  ///< why missing or unscored
  bool in_total = false;              ///< counted in the entity's total
};

struct Reward {
  std::string label;
  double multiplier = 0;
  std::optional<double> amount;  ///< bonus_base x multiplier
};

struct EntityScore {
  std::string id;
  bool is_unit = false;
  std::string name;
  std::optional<std::string> member_of;  ///< null for units
  std::optional<double> total;
  std::optional<double> members_mean;  ///< units only
  /// 100 x weights in the total / weights of the KPIs with a target (scoring.md,
  /// "Totals"); never rounded; null when no assigned KPI has a target.
  std::optional<double> coverage;
  std::optional<Reward> reward;  ///< people only, when rewards are defined
  /// Why a tier that was found is withheld (partial scorecard); null otherwise.
  std::optional<std::string> withheld;
  /// The tier that was found and withheld, with what it would pay (kpi payout shows it).
  std::optional<Reward> withheld_reward;
  /// days(E_p) / days(E) for a person with `joined`/`left`; 1 otherwise (units too).
  double active_share = 1;
  bool active = true;          ///< false when E_p is empty: every number null
  std::vector<KpiScore> kpis;  ///< definition order
};

struct ScoreResult {
  std::string workspace;  ///< the workspace's name
  std::string token;
  Period period;
  Date as_of;
  /// settings.precision: the decimals totals were rounded to, and that text outputs print
  /// them with; empty: `none` (text prints 2 decimals rounded toward zero).
  std::optional<int> precision = 2;
  std::vector<EntityScore> entities;  ///< people then units, definition order
  std::vector<Diagnostic> warnings;   ///< partial overlaps, skipped rows, missing data, findings
};

/// Per (kpi, entity): what the rows counted for one period add up to.
struct Accumulator {
  int64_t rows = 0;
  double sum = 0;  ///< the exact sum of the rows' decimals, rounded once (see kpi-score(1))
  double min = 0;
  double max = 0;
  double last = 0;
  Date last_end;            ///< stamp end of the row `last` came from
  int64_t last_order = -1;  ///< read order of that row (ties go to the later row)
  /// `sum` before rounding (see ExactSum): a rollup adds cells up without a second rounding.
  Int128 scaled = 0;
  double inexact = 0;
};

/// The accumulators of one period: one per (KPI, entity) assignment, numbered by
/// MeasurementIndex::slot.
struct PeriodAggregates {
  Period period;
  Date as_of;
  std::vector<Accumulator> cells;
  /// Rows that overlap the period only in part: the first k_overlap_warnings in read
  /// order, then one that says how many more there were.
  std::vector<Diagnostic> warnings;
  int64_t partial_overlaps = 0;  ///< all of them
  /// The cell of KPI k for entity e, or nullptr when e is not assigned k.
  const Accumulator* at(const MeasurementIndex& index, int kpi, int entity) const {
    const int slot = index.slot(kpi, entity);
    return slot < 0 || static_cast<size_t>(slot) >= cells.size()
               ? nullptr
               : &cells[static_cast<size_t>(slot)];
  }
};

/// How many partial-overlap warnings a period lists one by one.
inline constexpr size_t k_overlap_warnings = 50;

/// Reads every source once, in read order, folding each valid row into the periods it
/// counts for. Several periods at once serve report's compared period and trend.
struct AggregateResult {
  std::vector<PeriodAggregates> periods;  ///< one per requested period, same order
  std::vector<Diagnostic> problems;       ///< bad rows (errors), all sources together
  int64_t problems_total = 0;
};

/// What a run reads, in read order (scoring.md): the workspace's sources (sources.md),
/// then the data files and the journal.
struct MeasurementInputs {
  const Workspace* workspace = nullptr;  ///< its `sources` are read first; null: none
  bool allow_outside = false;            ///< source files outside the workspace folder too
  std::vector<std::string> files;        ///< paths, or "-" for standard input
  /// CSV texts read after the files, each as a file of that name (kpi test's rows).
  std::vector<std::pair<std::string, std::string>> texts = {};
  /// Notes the fate of the rows of some cells in the first period (null: none).
  RowTrace* trace = nullptr;
  /// Where table sources are read (null: the workspace has none; else an error).
  warehouse::TableReader* tables = nullptr;
};

/// Reads the inputs, as the overload below reads files. Source findings (bad cells, a
/// header without a named column) are problems like bad rows; `source-empty` and the
/// `unmatched: skip` counts are warnings of every period.
AggregateResult aggregate_measurements(const MeasurementIndex& index,
                                       const MeasurementInputs& inputs,
                                       const std::vector<std::pair<Period, Date>>& periods,
                                       const ReadOptions& options = {});

/// A source to read: a path, or "-" for standard input. `options.jobs` threads read
/// each source (see read_measurements_parallel); the result is the same for any number
/// of threads and any block size, and the same as with `options.plain`.
AggregateResult aggregate_measurements(const MeasurementIndex& index,
                                       const std::vector<std::string>& sources,
                                       const std::vector<std::pair<Period, Date>>& periods,
                                       const ReadOptions& options = {});

/// stale-data warnings for the period of `aggregates` as of its as-of date: for each
/// KPI with rows of its own (not a formula, `rollup_of` or count KPI), its last slot that
/// ended settings.freshness_days or more days before the as-of date, when that slot lies
/// inside the period; one warning per KPI naming the assignees (active in the slot) whose
/// latest row that counts ends before the slot starts, or who have none.
std::vector<Diagnostic> stale_data_warnings(const Workspace& workspace,
                                            const MeasurementIndex& index,
                                            const PeriodAggregates& aggregates);

/// Scores one period from its aggregates. `findings` are the validator's non-blocking
/// findings, copied into the result's warnings.
ScoreResult compute_scores(const Workspace& workspace, const MeasurementIndex& index,
                           const PeriodAggregates& aggregates, const ScoreRequest& request);

}  // namespace kpi
