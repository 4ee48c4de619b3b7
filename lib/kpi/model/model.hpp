#pragma once
// The workspace as written: plain aggregates with the source position of every value.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/formula/formula.hpp"
#include "kpi/model/source.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

/// Where each key of one YAML mapping was written. `at(key)` falls back to the
/// mapping's own start, which is where findings about a missing key point.
class Positions {
 public:
  SourceLocation mapping;  ///< start of the mapping

  /// Records where `key` and its value were written (in the mapping's file; the first
  /// key sets that file when the mapping has none).
  void set(const std::string& key, const SourceLocation& key_at, const SourceLocation& value_at);
  bool has(const std::string& key) const { return find(key) != nullptr; }
  /// Where the value of `key` was written; the mapping's start when it was not.
  SourceLocation at(const std::string& key) const;
  /// Where `key` itself was written; the mapping's start when it was not.
  SourceLocation key_at(const std::string& key) const;

 private:
  // Flat and without a file name per entry: a workspace of 100,000 KPIs holds a million
  // of these, and two std::maps of full SourceLocations cost 230 MB.
  struct Entry {
    std::string key;
    int64_t key_line = 0;
    int64_t key_column = 0;
    int64_t line = 0;
    int64_t column = 0;
  };
  const Entry* find(const std::string& key) const;
  std::vector<Entry> m_entries;
};

enum class Direction { higher, lower, range };
enum class Aggregate { sum, mean, min, max, last, count };
enum class Basis { ratio, progress, value };
enum class FrameMethod { bands, linear };
enum class KpiType { strategic, operational, functional };
enum class Indicator { leading, lagging };
enum class MissingPolicy { skip, zero, error };
/// settings.reward_incomplete: what happens to a reward on a partial scorecard.
enum class RewardIncomplete { withhold, pay };
enum class Status { green, amber, red, none };

/// A target: one number, or a range [low, high] for direction `range`.
struct Target {
  double low = 0;
  double high = 0;
  bool is_range = false;
  double value() const { return low; }  ///< the number of a non-range target
};

struct StatusThresholds {
  double green = 100;
  double amber = 80;
};

struct Settings {
  int max_kpis_per_entity = 7;
  double max_stretch = 50;  ///< percent over baseline before the Achievable rule warns
  MissingPolicy missing = MissingPolicy::skip;
  /// Decimals totals and members' means are rounded to (half away from zero) before they
  /// are tiered, printed or averaged; empty: `none`, full precision.
  std::optional<int> precision = 2;
  RewardIncomplete reward_incomplete = RewardIncomplete::withhold;
  bool prorate_bonus = true;  ///< amount x the person's active share
  /// Days a slot has to get its rows before stale-data warns about it; 0: never warn.
  int freshness_days = 5;
  StatusThresholds status;
  std::string default_frame;  ///< empty: the first frame defined
  /// The labels' language of score, report and payout (--lang overrides it).
  std::string language = "en";
  Positions pos;
};

struct Unit {
  std::string id;
  std::string name;
  std::string parent;   ///< empty on roots
  std::string manager;  ///< a person id, or empty
  Positions pos;
};

struct Person {
  std::string id;
  std::string name;
  std::string member_of;
  std::string position;
  std::optional<double> bonus_base;
  std::optional<Date> joined;  ///< first active day (inclusive); empty: always active
  std::optional<Date> left;    ///< last active day (inclusive)
  Positions pos;
};

struct Band {
  std::optional<double> min;  ///< inclusive
  std::optional<double> max;  ///< exclusive
  double points = 0;
  std::optional<std::string> label;
  std::optional<Status> status;
  Positions pos;
  bool is_catch_all() const { return !min && !max; }
};

struct Frame {
  std::string id;
  Basis basis = Basis::ratio;
  FrameMethod method = FrameMethod::bands;
  double scale = 100;
  std::vector<Band> bands;                        ///< method bands
  std::vector<std::pair<double, double>> points;  ///< method linear: (x, points)
  std::vector<SourceLocation> point_positions;    ///< one per entry of `points`
  std::optional<StatusThresholds> status;         ///< replaces settings.status as a whole
  Positions pos;
};

struct RewardTier {
  std::optional<double> min;  ///< total score (percent); none: catch-all
  std::string label;
  double multiplier = 0;
  Positions pos;
};

struct Override {
  std::optional<std::string> entity;
  std::optional<Period> period;
  std::string period_token;  ///< as written, e.g. "2026-12"
  std::optional<Target> target;
  std::optional<double> baseline;
  std::optional<double> weight;
  Positions pos;
};

struct Kpi {
  std::string id;
  std::string name;
  std::optional<std::string> description;
  std::string owner;
  std::vector<std::string> assigned_to;               ///< as written; empty: [owner]
  std::vector<SourceLocation> assigned_to_positions;  ///< one per entry of assigned_to
  bool assigned_to_members = false;                   ///< `assigned_to: members`
  std::string unit;
  std::optional<std::string> source;
  Direction direction = Direction::higher;
  Aggregate aggregate = Aggregate::sum;
  std::optional<SlotKind> period;  ///< required; empty only when the definition is broken
  std::optional<Target> target;
  std::optional<double> baseline;
  std::string frame;  ///< empty: settings.default_frame
  double weight = 1;
  std::string aligned_to;
  bool cascade_sum = false;
  std::optional<MissingPolicy> missing;  ///< empty: settings.missing
  /// `rollup_of: OTHER` on a unit's KPI: its rows are OTHER's rows of the unit's people
  /// and units under it (scoring.md, "Actual"); empty when not set.
  std::string rollup_of;
  std::optional<KpiType> type;
  std::optional<Indicator> indicator;
  std::optional<std::string> group;  ///< A | B | C
  std::optional<Date> deadline;
  std::vector<std::string> tags;
  std::vector<Override> overrides;
  std::optional<std::string> formula_text;
  std::shared_ptr<const Expr> formula;  ///< parsed; null when absent or unparseable
  /// Where the formula's first character stands (inside the quotes of a quoted scalar),
  /// so that Expr::column maps to a column in the file. Line 0 for block scalars.
  SourceLocation formula_start;
  Positions pos;

  bool is_formula() const { return formula_text.has_value(); }
};

/// Everything the workspace defines, in definition order (kpi.yaml first, then each
/// included file in glob order, each glob's matches sorted by path).
struct Workspace {
  int version = 0;
  std::string name;
  std::string root;                  ///< folder of kpi.yaml (absolute)
  std::string file;                  ///< path of kpi.yaml as given
  std::vector<std::string> include;  ///< globs as written, relative to root
  std::vector<std::string> data;     ///< globs as written; default {"data/*.csv"}
  std::string journal = "data/measurements.csv";
  std::vector<std::string> tests = {"tests/*.yaml"};  ///< kpi test's files: globs as written
  std::vector<std::string> files;                     ///< every definition file read, in order
  Settings settings;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Frame> frames;
  std::vector<RewardTier> rewards;
  std::vector<Kpi> kpis;
  std::vector<Source> sources;  ///< in definition order
  Warehouse warehouse;          ///< where table sources live (kpi.yaml's `warehouse`)
  /// The `aliases` of units and people, in definition order (kept apart from Unit and
  /// Person so that their aggregate initialisers stay as they are).
  std::vector<EntityAliases> aliases;
  Positions pos;

  const Kpi* find_kpi(std::string_view id) const;
  const Unit* find_unit(std::string_view id) const;
  const Person* find_person(std::string_view id) const;
  const Frame* find_frame(std::string_view id) const;
  /// The frame a KPI is scored with (its own, else the default, else the first); may be null.
  const Frame* frame_of(const Kpi& kpi) const;
  /// The people and units scored on a KPI: assigned_to, `members` expanded, or [owner].
  std::vector<std::string> assignees_of(const Kpi& kpi) const;
  /// assignees_of for every KPI, in the order of `kpis`. One pass over the people for all
  /// `members` KPIs, where calling assignees_of for each walks every person each time.
  std::vector<std::vector<std::string>> assignees_of_all() const;
};

// Names of enum values as written in YAML and JSON.
std::string_view to_string(Direction v);
std::string_view to_string(Aggregate v);
std::string_view to_string(Basis v);
std::string_view to_string(FrameMethod v);
std::string_view to_string(KpiType v);
std::string_view to_string(Indicator v);
std::string_view to_string(MissingPolicy v);
std::string_view to_string(RewardIncomplete v);
std::string_view to_string(Status v);

/// True for [a-z0-9][a-z0-9_.-]*, at most 64 characters.
bool is_valid_id(std::string_view id);

}  // namespace kpi
