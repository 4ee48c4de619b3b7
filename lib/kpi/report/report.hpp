#pragma once
// The period report (cli.md, kpi report): scores of the period, of the compared period
// and of the trend periods, and what a reader needs first: summary, movers, KPIs at
// risk and data quality. Data only; renderers present it.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
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

/// One KPI's numbers in one trend period; null where there is none.
struct TrendPoint {
  std::optional<double> actual;
  std::optional<double> achievement;
  std::optional<double> score;
};

/// One entity of the period's result over the trend periods: its total and, for each of
/// its KPIs (in the order of its `kpis`), one point per period.
struct EntityTrend {
  std::vector<std::optional<double>> total;
  std::vector<std::vector<TrendPoint>> kpis;
};

struct TrendPeriod {
  Period period;
  std::string token;
};

/// The trend, kept to the numbers the report shows: the trend periods' whole results
/// are not kept (for 1,000 people six of them took about 60 MB). `series` is parallel
/// to the period's `entities`; an entity or KPI a trend period lacks gets nulls there.
struct Trend {
  std::vector<TrendPeriod> periods;  ///< oldest first; the last is the period itself
  std::vector<EntityTrend> series;
  bool empty() const { return periods.empty(); }
};

/// A trend whose series follow `current`'s entities and KPIs, with no period yet.
Trend start_trend(const ScoreResult& current);
/// Adds one trend period (append them oldest first; the period itself last).
void add_trend_period(Trend& trend, const ScoreResult& period, const ScoreResult& current);

struct Report {
  ScoreResult current;
  CompareMode compare = CompareMode::previous;
  std::optional<ScoreResult> compared;  ///< empty under CompareMode::none
  /// For each entity of `current`, the index of the same entity in `compared`, or -1.
  std::vector<int> compared_index;
  /// Each entity of `current` by id: its index there.
  std::unordered_map<std::string, size_t> entity_at;
  Trend trend;
  bool running = false;  ///< the as-of date falls inside the period, before its end
  int elapsed_days = 0;  ///< days of the period up to the as-of date
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

/// What to build a report from: the scores of the period and of the compared period,
/// the trend (made with start_trend and add_trend_period, the period's own result last
/// when the trend is asked for), the workspace for full-period targets, and the
/// validator's findings made with the period's start as reference.
struct ReportInputs {
  ScoreResult current;
  std::optional<ScoreResult> compared;
  Trend trend;
  CompareMode compare = CompareMode::previous;
  std::vector<Diagnostic> findings;
};

Report build_report(const Workspace& workspace, ReportInputs inputs);

/// The entity and KPI of a result, or null.
const EntityScore* find_entity(const ScoreResult& result, std::string_view id);
const KpiScore* find_kpi_score(const EntityScore& entity, std::string_view id);

/// For each entity of `from`, the index of the entity with its id in `in`, or -1
/// (one pass with a hash of ids; a search per entity was quadratic in the people).
std::vector<int> entity_indexes(const ScoreResult& from, const ScoreResult& in);

}  // namespace kpi
