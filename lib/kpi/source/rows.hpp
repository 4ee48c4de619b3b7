#pragma once
// A source's mapping applied to one body row (sources.md, "Filters", "Entities", "Which
// cells are read"): the measures whose filters the row passes, the row's date and
// entity parsed once, each measure's value parsed, one observation per measure (per
// non-empty wide cell in a wide source). Producers (text files, workbooks) hand rows
// over as cells; where a cell stands is asked for only when there is a finding.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kpi/source/entities.hpp"
#include "kpi/source/mapping.hpp"

namespace kpi::source {

/// One cell of a row. Workbooks say what a cell holds; text files hold text only.
struct RowCell {
  enum class Kind : unsigned char { text, number, date };
  std::string_view text;  ///< a text cell as written (unquoted); a number's stored digits
  Kind kind = Kind::text;
};

/// Where the cells of the current row stand, for findings.
class CellPlaces {
 public:
  virtual ~CellPlaces() = default;
  /// The position of cell `cell`, `byte` bytes into it (0: the cell itself).
  virtual SourceLocation at(size_t cell, size_t byte) const = 0;
};

/// Rows of `unmatched: skip` sources whose entity matched nothing: how many, and the
/// first distinct values with the line of their first row.
struct UnmatchedTally {
  int64_t rows = 0;
  std::vector<std::pair<int64_t, std::string>> first;  ///< (line, value), by line
  /// Merges another reader's tally (both keep their first k_unmatched_listed values).
  void merge(const UnmatchedTally& other);
  void add(int64_t line, std::string_view value);
};
inline constexpr size_t k_unmatched_listed = 10;

/// Maps rows of one file of one source; one per reading thread.
class RowMapper {
 public:
  RowMapper(const Source& source, const Mapping& mapping, const MeasurementIndex& index,
            const EntityMatcher& matcher, ReadReport& report, size_t max_errors);

  /// Maps one body row (cells beyond `count` are empty). Appends its observations to
  /// `out` with `line` and without read order; a bad row adds one finding and nothing
  /// to `out`. Rows whose cells are all empty are skipped without a count.
  void map_row(const RowCell* cells, size_t count, int64_t line, const CellPlaces& places,
               std::vector<Observation>& out);

  const UnmatchedTally& unmatched() const { return m_unmatched; }
  /// A finding about the row being mapped (or a row the producer cannot split).
  void fail(std::string rule, SourceLocation where, std::string message, std::string hint = {});

 private:
  /// The row's entity number, or -1 (a finding was added, or the row is skipped).
  int entity_of(const RowCell* cells, size_t count, int64_t line, const CellPlaces& places);
  bool passes(const CompiledMeasure& m, const RowCell* cells, size_t count);
  bool holds(const CompiledFilter& f, const RowCell* cells, size_t count);
  bool value_of(const RowCell& cell, size_t index, const CellPlaces& places, Decimal& out);
  bool stamp_of(const RowCell& cell, size_t index, const CellPlaces& places, Period& out);

  struct Transparent {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const Source& m_source;
  const Mapping& m_mapping;
  const MeasurementIndex& m_index;
  const EntityMatcher& m_matcher;
  ReadReport& m_report;
  size_t m_max_errors;
  UnmatchedTally m_unmatched;
  /// Entity cells seen (trimmed) and what they matched: -1 nothing, -2 several.
  std::unordered_map<std::string, int, Transparent, std::equal_to<>> m_entities;
  /// Date cells already read, by their text: an export has few distinct days.
  std::unordered_map<std::string, Period, Transparent, std::equal_to<>> m_stamps;
  /// Each filter column's cell, folded, for the row being mapped, when it is not ASCII:
  /// several measures usually filter on the same column (Stage), folded once a row.
  struct FoldedCell {
    int64_t row = -1;
    std::string text;
  };
  std::vector<FoldedCell> m_folded;
  int64_t m_row_serial = 0;
  std::vector<int> m_matched;
  bool m_failed = false;
};

}  // namespace kpi::source
