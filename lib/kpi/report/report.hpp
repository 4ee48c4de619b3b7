#pragma once
// The period report (cli.md, kpi report): scores of the period, of the compared period
// and of the trend periods, and what a reader needs first: summary, movers, KPIs at
// risk and data quality. Data only; renderers present it.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"

namespace kpi {

enum class CompareMode { previous, year_ago, none };

std::string_view to_string(CompareMode mode);  ///< "previous", "year-ago", "none"

struct StatusCounts {
  int green = 0;
  int amber = 0;
  int red = 0;
  int none = 0;  ///< unscored rows
};

/// One (entity, KPI) whose score changed against the compared period.
struct Mover {
  std::string entity;
  std::string kpi;
  double before = 0;  ///< score (percent) in the compared period
  double after = 0;   ///< score (percent) in this period
  double change = 0;  ///< after - before
};

/// Why a KPI is at risk: its status, or a projection that misses the target.
struct AtRisk {
  std::string entity;
  std::string kpi;
  Status status = Status::none;
  bool behind_pace = false;           ///< the projection misses the full-period target
  std::optional<double> projected;    ///< sum and count KPIs, while the period runs
  std::optional<Target> full_target;  ///< the target of the whole period, unpaced
};

/// no_data: a (KPI, entity) without data; empty_period: no row at all counts toward the
/// period (the warning `no-data`); withheld: a person's reward withheld on a partial
/// scorecard; the others are the warnings of the same name.
enum class QualityKind {
  no_data,
  partial_overlap,
  cascade_gap,
  empty_period,
  withheld,
  inactive_row,
  data_repeated,
  data_empty,
  source_empty,
  stale_data,
};

/// "no-data", "partial-overlap", "cascade-gap", "empty-period", "withheld", "inactive-row",
/// "data-repeated", "data-empty", "source-empty", "stale-data".
std::string_view to_string(QualityKind kind);

struct QualityIssue {
  QualityKind kind = QualityKind::no_data;
  std::string entity;  ///< empty where it does not apply
  std::string kpi;     ///< empty where it does not apply
  std::string message;
  SourceLocation where;
};

struct Report {
  ScoreResult current;
  CompareMode compare = CompareMode::previous;
  std::optional<ScoreResult> compared;  ///< empty under CompareMode::none
  std::vector<ScoreResult> trend;       ///< oldest first; the last one is `current`'s period
  bool running = false;                 ///< the as-of date falls inside the period, before its end
  int elapsed_days = 0;                 ///< days of the period up to the as-of date
  /// The root unit's total; with several root units the plain mean of their totals.
  std::optional<double> company_total;
  StatusCounts counts;                ///< over every (entity, KPI) of `current`
  std::vector<Mover> movers;          ///< at most k_max_movers, largest change first
  std::vector<AtRisk> at_risk;        ///< entity order, then KPI order
  std::vector<QualityIssue> quality;  ///< see QualityKind; the empty period first
  /// No row at all counts toward the period (a `no-data` warning, or no KPI with a row):
  /// the report says so first, since an empty month must not look like a quiet one.
  bool no_data = false;
  /// Each KPI's name by id, for the sections that name a KPI by its id (movers, at risk,
  /// data quality).
  std::map<std::string, std::string, std::less<>> kpi_names;
};

inline constexpr size_t k_max_movers = 5;

/// What to build a report from: the scores of each period (`trend` includes the
/// period's own result last when the trend is asked for), the workspace for full-period
/// targets, and the validator's findings made with the period's start as reference.
struct ReportInputs {
  ScoreResult current;
  std::optional<ScoreResult> compared;
  std::vector<ScoreResult> trend;
  CompareMode compare = CompareMode::previous;
  std::vector<Diagnostic> findings;
};

Report build_report(const Workspace& workspace, ReportInputs inputs);

/// The entity and KPI of a result, or null.
const EntityScore* find_entity(const ScoreResult& result, std::string_view id);
const KpiScore* find_kpi_score(const EntityScore& entity, std::string_view id);

}  // namespace kpi
