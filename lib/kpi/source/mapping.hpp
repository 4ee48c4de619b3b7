#pragma once
// A source's mapping compiled against one file's header row (sources.md, "Columns" and
// "Wide sources"): column names become cell indexes, filters become folded keys, KPIs
// and constant entities become the index's numbers. Pure: no file is read here.

#include <optional>
#include <string>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/source/cells.hpp"

namespace kpi::source {

/// A header cell's name as written (trimmed) and where it stands.
struct NamedColumn {
  std::string name;  ///< an .xlsx date cell: its day as yyyy-mm-dd
  SourceLocation at;
  std::optional<Date> day;  ///< an .xlsx date cell's day (a wide header's stamp)
};

/// One `where` or `except` column: its cell index and the values, folded.
struct CompiledFilter {
  int column = -1;
  std::vector<std::string> keys;
};

struct CompiledMeasure {
  const SourceMeasure* spec = nullptr;  ///< the measure as written
  int kpi = -1;
  bool count = false;  ///< a count KPI: a matching row (or non-empty wide cell) counts once
  int value = -1;      ///< the value column; -1 for count KPIs and wide sources
  std::vector<CompiledFilter> where;
  std::vector<CompiledFilter> except;
  int single_assignee = -1;  ///< without an entity column or constant: the KPI's one assignee
};

/// A wide source's column: its cell index and the stamp its header names.
struct WideColumn {
  int column = -1;
  Period stamp;
};

struct Mapping {
  int date = -1;    ///< -1 for wide sources
  int entity = -1;  ///< the entity column, or -1
  int constant_entity = -1;
  bool unmatched_skip = false;
  DateFormat date_format;
  NumberFormat number_format;
  std::vector<CompiledMeasure> measures;
  std::vector<WideColumn> wide;
};

/// Compiles `source` against a file's header. Problems found (`source-column` for a name
/// the header lacks or holds twice; `source-date` for a wide header that is no stamp)
/// are appended to `problems`; nullopt when a column the mapping needs is missing or
/// ambiguous, so that no row of the file is read. Definitions are assumed valid (the
/// validator has checked them): measures of unknown or formula KPIs are left out.
std::optional<Mapping> compile_mapping(const Source& source, const std::string& file,
                                       const std::vector<NamedColumn>& header,
                                       const MeasurementIndex& index,
                                       std::vector<Diagnostic>& problems,
                                       std::vector<std::string>* reported = nullptr);

/// The columns a source names, each with its position in the YAML (roles, values and
/// filter columns, in that order; duplicates kept).
std::vector<std::pair<std::string, SourceLocation>> named_columns(const Source& source);

}  // namespace kpi::source
