#pragma once
// A table source's answer (see plan.hpp) turned into what the scoring engine folds:
// entity values matched as a file's cells are (ids, names, aliases, `unmatched`), sums
// kept exact, rows without a day, without a value or for nobody reported like bad rows.

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kpi/csv/measurements.hpp"
#include "kpi/source/entities.hpp"
#include "kpi/source/rows.hpp"
#include "kpi/util/progress.hpp"
#include "kpi/warehouse/plan.hpp"

namespace kpi::warehouse {

/// One row of an answer: each Field as text, nullopt for NULL.
using AnswerRow = std::array<std::optional<std::string>, k_fields>;

/// Runs queries on one database (postgres_client.cpp). Throws
/// kpi::Error (usage_error) when the query cannot run: nothing is half-read.
class TableReader {
 public:
  virtual ~TableReader() = default;
  /// Runs `query`, handing each row of its answer to `row`.
  virtual void run(const TableQuery& query, const std::function<void(const AnswerRow&)>& row) = 0;
  /// Where a running query says how long it has run (null: nobody listens).
  void report_to(ReadProgress* progress) { m_progress = progress; }

 protected:
  ReadProgress* m_progress = nullptr;
};

/// The rows of one group, ready to fold into the cell `slot` for the days `days`.
struct GroupFold {
  int slot = 0;
  int kpi = 0;
  int entity = 0;
  Bucket days;
  int64_t rows = 0;
  Decimal sum;
  double min = 0;
  double max = 0;
  double last = 0;  ///< the value of the latest row (KPIs with aggregate `last`)
  Date last_day;
  std::string last_order;  ///< the order column's value in that row (empty: none)
};

/// Whether group a's last row comes before b's: by day, then by the order column's
/// values, compared as numbers when both are numbers and as text otherwise (ISO
/// timestamps of one column sort as text).
bool last_before(const GroupFold& a, const GroupFold& b);

struct TableRead {
  std::vector<GroupFold> groups;
  ReadReport report;  ///< rows_read/rows_valid, problems
  source::UnmatchedTally unmatched;
};

/// Reads one table source through `reader`.
TableRead read_table(TableReader& reader, const TableQuery& query, const MeasurementIndex& index,
                     const source::EntityMatcher& matcher, size_t max_errors);

/// The answer of one row (exposed for tests): the same as read_table for one answer row.
void fold_answer(const AnswerRow& row, const TableQuery& query, const MeasurementIndex& index,
                 const source::EntityMatcher& matcher, size_t max_errors, TableRead& into);

}  // namespace kpi::warehouse
