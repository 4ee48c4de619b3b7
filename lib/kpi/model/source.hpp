#pragma once
// A source as written (sources.md): how the rows of an export become measurements.
// Values are kept as written, with positions; yaml/ checks types and keys, validate/
// checks the rest.

#include <string>
#include <utility>
#include <vector>

#include "kpi/error.hpp"

namespace kpi {

class Positions;

/// The `aliases` of one unit or person: how exports spell it.
struct EntityAliases {
  std::string entity;
  std::vector<std::string> aliases;
  std::vector<SourceLocation> positions;
};

/// One column of `where` or `except` and the values it may (or may not) hold.
struct ColumnFilter {
  std::string column;
  SourceLocation column_at;  ///< the column name's position (the mapping key)
  std::vector<std::string> values;
};

/// One measure: which KPI a matching row feeds, and from which column.
struct SourceMeasure {
  std::string kpi;
  std::string value;  ///< the value column's name; empty when none is given
  std::vector<ColumnFilter> where;
  std::vector<ColumnFilter> except;
  SourceLocation at;        ///< the measure's mapping
  SourceLocation kpi_at;    ///< `kpi`'s value
  SourceLocation value_at;  ///< `value`'s value (the mapping when not given)
  bool has_value = false;
};

/// The column roles: names in the header row; empty when not given.
struct SourceColumns {
  std::string date;
  std::string entity;
  std::string note;
  std::string order;  ///< table sources: the column that orders rows for `last` ties
  SourceLocation date_at, entity_at, note_at, order_at;
};

/// `wide`: one column per period.
struct SourceWide {
  std::string columns;  ///< a glob over header names
  std::string date_format = "iso";
  SourceLocation columns_at, date_format_at;
};

struct Source {
  std::string id;
  std::vector<std::string> files;  ///< globs relative to the definition file naming them
  std::vector<SourceLocation> file_positions;
  std::string table;  ///< a warehouse table or view, instead of files
  std::string sheet;  ///< .xlsx: the sheet's name; empty: the first sheet
  int header_row = 1;
  std::string delimiter = "auto";  ///< auto | , | ; | \t | |
  std::string date_format = "iso";
  std::string decimal = ".";
  std::string thousands;  ///< empty: none
  std::vector<std::string> strip;
  SourceColumns columns;
  std::string entity;           ///< one entity for every row
  bool unmatched_skip = false;  ///< `unmatched: skip`
  bool has_wide = false;
  SourceWide wide;
  std::vector<SourceMeasure> measures;
  /// Where the source and each of its keys are written (`at`, `values`, `keys`).
  SourceLocation at;
  std::vector<std::pair<std::string, SourceLocation>> key_positions;

  /// The position of `key`'s value, or of the source's mapping when it is not given.
  const SourceLocation& at_key(const std::string& key) const {
    for (const auto& [name, where] : key_positions) {
      if (name == key) {
        return where;
      }
    }
    return at;
  }
  bool has_key(const std::string& key) const { return &at_key(key) != &at; }
};

/// `warehouse`: the engine table sources live in, and where its DSN is read from.
struct Warehouse {
  std::string engine;  ///< postgres | clickhouse; empty when `warehouse` is not given
  std::string dsn;     ///< as written: `env:NAME`
  SourceLocation at, engine_at, dsn_at;

  /// The environment variable `dsn` names (`env:NAME`), or empty when it names none.
  std::string dsn_variable() const { return dsn.rfind("env:", 0) == 0 ? dsn.substr(4) : ""; }
};

}  // namespace kpi
