// The rule catalogue: ids are a public contract (users --disable them, CI filters on
// them), so an id never changes once released.

#include <algorithm>

#include "kpi/validate/validate.hpp"

namespace kpi {

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr RuleCategory S = RuleCategory::structure;
constexpr RuleCategory M = RuleCategory::smart;
constexpr RuleCategory Y = RuleCategory::system;
constexpr RuleCategory D = RuleCategory::data;

}  // namespace

const std::vector<RuleInfo>& rule_catalogue() {
  static const std::vector<RuleInfo> rules = {
      // Structure: the files can be read as a consistent model.
      {"yaml-syntax", E, S, true, "The file is not valid YAML."},
      {"yaml-limit", E, S, true,
       "A file exceeds a loader limit: nesting, value length, aliases or included files."},
      {"unknown-key", E, S, true, "A mapping has a key the format does not define."},
      {"duplicate-key", E, S, true, "A key appears twice in one mapping."},
      {"wrong-type", E, S, true,
       "A value has the wrong type, e.g. a string where a number is due."},
      {"missing-field", E, S, true,
       "A required field is missing (id, name, owner, unit, period; "
       "version at the top; member_of on a person)."},
      {"bad-value", E, S, true,
       "A value cannot be read: an unknown enum value or period, a "
       "deadline that is not a real date, an unsupported version."},
      {"bad-id", E, S, true, "An id does not match [a-z0-9][a-z0-9_.-]* or is over 64 characters."},
      {"duplicate-id", E, S, true,
       "Two definitions share an id (units and people share one "
       "namespace)."},
      {"include-error", E, S, true, "An included file cannot be read."},
      {"path-outside", E, S, true,
       "include, data or journal names a file outside the workspace folder (an absolute "
       "path, .. or a symbolic link); allowed with --allow-outside."},
      {"encoding", E, S, true,
       "A definition file, or a cell of a measurement row, is not valid UTF-8."},
      {"unknown-entity", E, S, true, "An owner, assignee or override names no unit or person."},
      {"unknown-unit", E, S, true, "A parent or member_of names no unit."},
      {"unknown-person", E, S, true, "A manager names no person."},
      {"unknown-kpi", E, S, true, "aligned_to or a formula operand names no KPI."},
      {"unknown-frame", E, S, true, "A KPI or default_frame names no frame."},
      {"unit-cycle", E, S, true, "Unit parents form a cycle."},
      {"alignment-cycle", E, S, true, "aligned_to links form a cycle."},
      {"formula-cycle", E, S, true, "Formulas refer to each other in a cycle."},
      {"formula-syntax", E, S, true, "A formula does not parse."},
      {"rollup-of", E, S, true,
       "rollup_of names a formula KPI, a rollup or the KPI itself, sits on a formula KPI, "
       "or sits on a KPI assigned to a person (a rollup is assigned to units only)."},
      {"joined-after-left", E, S, true, "A person's 'left' day comes before their 'joined' day."},
      {"formula-aggregate", E, S, true,
       "A formula KPI sets aggregate; its actual comes from its "
       "formula."},
      {"frame-catch-all", E, S, true,
       "A band frame does not end with a catch-all band (no min, no "
       "max), or has one before the end."},
      {"frame-points", E, S, true,
       "A linear frame's x values are not strictly increasing, or it "
       "has fewer than two points."},
      {"range-target", E, S, true,
       "A range target has low > high, or a range target and "
       "direction range do not go together."},
      {"target-not-positive", E, S, false,
       "A target is zero or negative under basis ratio, so "
       "achievement is undefined."},
      {"baseline-equals-target", E, S, false,
       "Baseline equals target under basis progress, so "
       "achievement is undefined."},
      // SMART: warnings, failures under --strict.
      {"smart-description", W, M, false, "Specific: the KPI has no description of several words."},
      {"smart-vague", W, M, false,
       "Specific: the name or description states a vague goal "
       "(improve, increase, better...) without a number."},
      {"smart-target", W, M, false,
       "Measurable: the KPI has no target, so it is tracked but not "
       "scored."},
      {"smart-source", W, M, false,
       "Measurable: the KPI does not say where its number comes from "
       "(source)."},
      {"smart-stretch", W, M, false,
       "Achievable: the target lies more than max_stretch percent "
       "beyond the baseline."},
      {"smart-aligned", W, M, false, "Relevant: a KPI that is not strategic has no aligned_to."},
      {"smart-deadline", W, M, false,
       "Time-bound: the deadline lies before the start of the "
       "KPI's first target period or is otherwise implausible."},
      // System: the set of KPIs as a whole.
      {"weights-sum", W, Y, false,
       "An entity's KPI weights do not sum to 100 while some weight is "
       "written explicitly."},
      {"too-many-kpis", W, Y, false, "An entity has more KPIs than settings.max_kpis_per_entity."},
      {"only-lagging", W, Y, false,
       "An entity's KPIs are all lagging indicators, with no leading "
       "one."},
      {"cascade-gap", W, Y, false,
       "The targets of a cascade: sum KPI's children do not add up to "
       "its target."},
      {"frame-scale", W, Y, false,
       "A frame's highest points sit far below its scale (less than "
       "half), so nobody can reach a full score."},
      {"include-empty", W, Y, false, "An include or data glob matches no file."},
      // Measurement rows (kpi validate --data, score, record).
      {"csv-syntax", E, D, true,
       "A measurement file is not valid CSV (an unterminated quote, a "
       "row with more fields than the header)."},
      {"missing-column", E, D, true, "The header lacks a required column (kpi, date, value)."},
      {"bad-number", E, D, true,
       "A value is not a decimal number (1,5, 5%, NaN, inf, empty, out "
       "of range)."},
      {"bad-date", E, D, true, "A date is not a real day or a period token (2026-02-30, 2026-13)."},
      {"unknown-row-kpi", E, D, true, "A row names a KPI that is not defined."},
      {"formula-row", E, D, true,
       "A row records a value for a formula KPI, whose actual is "
       "computed."},
      {"rollup-row", E, D, true,
       "A row records a value for a rollup_of KPI, whose rows are another KPI's."},
      {"unknown-row-entity", E, D, true, "A row names an entity that is not defined."},
      {"unassigned-entity", E, D, true, "A row names an entity that is not assigned the KPI."},
      {"missing-entity", E, D, true, "A row has no entity while its KPI has several assignees."},
      {"partial-overlap", W, D, false,
       "A row's period stamp overlaps the scored period only in "
       "part, so it does not count."},
      {"skipped-row", W, D, false, "An invalid row was skipped under --skip-invalid."},
      {"missing-data", W, D, false,
       "A KPI has no measurement that counts for the period (an error, and exit 1, under "
       "missing: error)."},
      {"inactive-row", W, D, false,
       "A row of a person lies outside their active days (joined..left), so it does not "
       "count."},
      {"data-repeated", W, D, false,
       "A measurement file is named more than once (two globs, --data twice, another "
       "spelling or a link), or a source's globs reach one file by two names; it is read once."},
      {"data-empty", W, D, false, "A data glob matches no file."},
      {"no-data", W, D, false, "No row at all counts toward the scored period."},
      {"period-closed", E, D, true,
       "kpi record of a row inside a period sealed by kpi close, or kpi close of a period "
       "closed already."},
      {"closed-changed", W, D, false,
       "A closed period scored again gives other numbers than its seal (an error under "
       "--strict)."},
      {"closed-invalid", E, D, true, "A file in closed/ is not a kpi.closed/1 seal."},
      {"stale-data", W, D, false,
       "A KPI's last slot that ended settings.freshness_days or more days ago has no row, "
       "nor a later one, for someone assigned: the data may have stopped coming."},
      // Sources (sources.md): exports read as measurements.
      {"source-mapping", E, S, true,
       "A source's keys do not go together (files and table, a table without a warehouse "
       "or with keys for files, a wide source with a date column, entity with "
       "columns.entity, a formula KPI, no way to tell whose rows)."},
      {"source-value", E, S, true,
       "A measure lacks value for a KPI that sums values, or has one where none belongs "
       "(a count KPI, a wide source)."},
      {"alias-clash", E, S, true,
       "An alias is also another entity's name or alias, so an export's cell could mean "
       "either."},
      {"source-column", E, D, true,
       "A column a source names is not in its file's header, or the header names it twice."},
      {"source-date", E, D, true,
       "A date cell or wide header does not match the source's date format, or is not a real "
       "day."},
      {"source-number", E, D, true,
       "A value cell is not a number in the source's marks (1,5 with the default marks, 5% "
       "without strip, N/A, empty)."},
      {"source-entity", E, D, true, "An entity cell matches no entity id, name or alias."},
      {"source-unassigned", E, D, true,
       "A source's row (or its constant entity) is for an entity not assigned the KPI."},
      {"source-file", E, D, true,
       "A source's file cannot be read as its kind: not an xlsx workbook, a damaged archive "
       "or sheet, or no sheet of the name given."},
      {"source-empty", W, D, false, "A source glob matches no file."},
      // Table sources in a warehouse (sources.md, "Tables in a warehouse"): the run stops.
      {"warehouse-dsn", E, D, true,
       "The environment variable that warehouse.dsn names is not set or empty."},
      {"warehouse-connect", E, D, true, "The warehouse cannot be reached or refuses the login."},
      {"warehouse-table", E, D, true,
       "A table source's table or view does not exist, or the DSN's user may not read it."},
      {"warehouse-column", E, D, true, "A column a table source names is not in its table."},
      {"warehouse-type", E, D, true,
       "A table's date column is no DATE, TIMESTAMP or ISO text, or a value column is not "
       "numeric."},
      {"warehouse-timeout", E, D, true,
       "A warehouse query ran longer than --timeout; it was "
       "cancelled."},
      {"warehouse-query", E, D, true, "The warehouse refused a query for another reason."},
      {"warehouse-answer", E, D, true, "The warehouse answered rows kpi did not ask for."},
      {"warehouse-overflow", E, D, true,
       "A sum overflowed in the warehouse (ClickHouse Decimal128 wraps without an error)."},
  };
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  const auto& rules = rule_catalogue();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

bool blocks_scoring(const Diagnostic& finding) {
  if (finding.severity != Severity::error) {
    return false;
  }
  const RuleInfo* rule = find_rule(finding.rule);
  return rule == nullptr || rule->blocks_scoring;
}

}  // namespace kpi
