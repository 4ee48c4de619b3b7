#pragma once
// The plan of a warehouse read (sources.md, "Tables in a warehouse"), with no I/O: the
// day ranges a run's periods cut time into, and one query per table source that groups
// its rows by (measure, raw entity value, day range). Entity values come back raw and
// are matched by kpi (warehouse/groups.hpp), so the database never needs the organisation.

#include <memory>
#include <string>
#include <vector>

#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace kpi {
class MeasurementIndex;
}

namespace kpi::warehouse {

/// Days first..last, both counted.
struct Bucket {
  Date first;
  Date last;
  bool operator==(const Bucket&) const = default;
};

/// Disjoint day ranges in order such that each period of the run (cut at its as-of date
/// when it holds that date) and each person's active days within them is a union of
/// ranges: a range is wholly in or wholly out of each, so its aggregates fold like rows.
std::vector<Bucket> buckets_for(const std::vector<std::pair<Period, Date>>& periods,
                                const std::vector<Period>& active_days);

/// The active days of every person of the index who has any (joined or left).
std::vector<Period> active_days_of(const MeasurementIndex& index);

/// How an engine spells what the query needs; postgres.cpp and clickhouse.cpp.
class Dialect {
 public:
  virtual ~Dialect() = default;
  virtual std::string engine() const = 0;
  /// A table name as written (`sales.deals`): each dotted part quoted as an identifier.
  virtual std::string table(const std::string& name) const = 0;
  virtual std::string column(const std::string& name) const = 0;
  virtual std::string text(const std::string& value) const = 0;
  virtual std::string date(Date day) const = 0;
  /// The measure's number, of one type in every branch of the UNION ALL.
  virtual std::string measure(size_t index) const = 0;
  /// The calendar day of a DATE, TIMESTAMP or ISO text column.
  virtual std::string day_of(const std::string& column) const = 0;
  /// The column as text, trimmed of spaces, tabs and no-break spaces, in lower case.
  virtual std::string folded(const std::string& column) const = 0;
  /// True when `condition` is false or NULL (a NULL cell passes `except`).
  virtual std::string is_not_true(const std::string& condition) const = 0;
  /// The column as text (NULL stays NULL).
  virtual std::string as_text(const std::string& expression) const = 0;
  /// The aggregates after count: sum, min, max, last value, last day, its order key,
  /// and for engines whose sums can wrap, a float sum. `value` is empty for count KPIs; `order` may
  /// be empty when `last` is not wanted.
  virtual std::string aggregates(const std::string& value, const std::string& day,
                                 const std::string& order, bool last) const = 0;
};

std::unique_ptr<Dialect> postgres_dialect();
std::unique_ptr<Dialect> clickhouse_dialect();
/// The dialect of `engine` (postgres | clickhouse).
std::unique_ptr<Dialect> dialect_for(const std::string& engine);

/// The columns every query returns, in this order.
enum class Field {
  measure,
  entity,
  bucket,
  rows,
  valued,
  sum,
  min,
  max,
  last,
  last_day,
  last_order,  ///< the order column's value in the last row, as text
  guard
};
inline constexpr int k_fields = 12;

/// One table source's query.
struct TableQuery {
  const Source* source = nullptr;
  std::vector<Bucket> buckets;
  std::string sql;
};

/// The query of one table source over `buckets`. Rows without a day come back in bucket
/// -1 (an error for kpi to report); rows outside every bucket never leave the database.
TableQuery compile_query(const Dialect& dialect, const Workspace& ws, const Source& source,
                         const std::vector<Bucket>& buckets);

}  // namespace kpi::warehouse
