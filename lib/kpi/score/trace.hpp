#pragma once
// The fate of each row of a few cells, noted while the rows are folded: what `kpi explain`
// shows as "the rows that counted" and "the rows left out and why". The folder notes a
// row exactly where it decides, so the rows listed are the rows that were summed.

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

enum class RowFate {
  counted,          ///< folded into its cell
  outside_period,   ///< the stamp does not touch the period
  partial_overlap,  ///< the stamp overlaps the period only in part
  after_as_of,      ///< the stamp ends after the as-of date
  inactive,         ///< outside the person's active days
};

/// "counted", "outside the period", "overlaps the period in part", "after the as-of
/// date", "outside the active days": the keys of kpi.explain/1's `excluded`.
const char* fate_name(RowFate fate);

struct TracedRow {
  int slot = 0;  ///< MeasurementIndex::slot of the row's (KPI, entity)
  RowFate fate = RowFate::counted;
  SourceLocation where;  ///< file and line, or the workbook's sheet and row
  Period stamp;
  double value = 0;        ///< a table's group: the sum of its rows
  int64_t order = 0;       ///< read order
  int64_t rows = 1;        ///< a table's group stands for its rows, added up in the database
  std::string table = {};  ///< the table of a group; empty for a row of a file
};

/// Collects the rows of the traced cells of the first period aggregated. Threads that
/// read in parallel note rows at once: a lock guards the list, and rows() sorts it back
/// into read order.
class RowTrace {
 public:
  explicit RowTrace(std::vector<int> slots);

  bool wants(int slot) const;
  void note(TracedRow row);
  /// Every noted row, in read order.
  std::vector<TracedRow> rows() const;

 private:
  std::vector<int> m_slots;  ///< sorted
  mutable std::mutex m_mutex;
  std::vector<TracedRow> m_rows;
};

}  // namespace kpi
