// One query per table source (see plan.hpp). Each measure is one SELECT grouped by the
// raw entity column and the day range; the SELECTs are joined by UNION ALL. Grouping by
// the entity column itself lets PostgreSQL aggregate on each partition of a table
// partitioned by entity (postgres_fdw shards), and ClickHouse on each shard.

#include "kpi/source/text.hpp"
#include "kpi/warehouse/plan.hpp"

namespace kpi::warehouse {

namespace {

/// CASE WHEN day IS NULL THEN -1 WHEN day <= last0 THEN 0 ... END. Days before the
/// first range and in gaps never reach it: the WHERE clause leaves them out.
std::string bucket_case(const Dialect& d, const std::string& day,
                        const std::vector<Bucket>& buckets) {
  std::string out = "CASE WHEN " + day + " IS NULL THEN -1";
  for (size_t i = 0; i < buckets.size(); ++i) {
    out += " WHEN " + day + " <= " + d.date(buckets[i].last) + " THEN " + std::to_string(i);
  }
  return out + " END";
}

/// The days that can count: the ranges, with neighbours merged.
std::string day_filter(const Dialect& d, const std::string& day,
                       const std::vector<Bucket>& buckets) {
  std::string out = "(" + day + " IS NULL";
  for (size_t i = 0; i < buckets.size();) {
    size_t j = i;
    while (j + 1 < buckets.size() && buckets[j + 1].first.days == buckets[j].last.days + 1) {
      ++j;
    }
    out += " OR (" + day + " >= " + d.date(buckets[i].first) + " AND " + day +
           " <= " + d.date(buckets[j].last) + ")";
    i = j + 1;
  }
  return out + ")";
}

/// The cell, trimmed and folded, is one of the values; a NULL cell is the empty text, so
/// it is one of them only when "" is.
std::string in_list(const Dialect& d, const ColumnFilter& f) {
  const std::string column = d.column(f.column);
  std::string out = "(" + d.folded(column) + " IN (";
  bool empty = false;
  for (size_t i = 0; i < f.values.size(); ++i) {
    const std::string key = source::match_key(f.values[i]);
    empty = empty || key.empty();
    out += (i == 0 ? "" : ", ") + d.text(key);
  }
  return out + ")" + (empty ? " OR " + column + " IS NULL" : "") + ")";
}

std::string measure_select(const Dialect& d, const Workspace& ws, const Source& s, size_t m,
                           const std::vector<Bucket>& buckets) {
  const SourceMeasure& measure = s.measures[m];
  const Kpi* kpi = ws.find_kpi(measure.kpi);
  const bool count = kpi != nullptr && kpi->aggregate == Aggregate::count;
  const bool last = kpi != nullptr && kpi->aggregate == Aggregate::last;
  const std::string day = d.day_of(d.column(s.columns.date));
  const std::string cases = bucket_case(d, day, buckets);
  const std::string entity = s.columns.entity.empty() ? "" : d.column(s.columns.entity);
  const std::string value = count || measure.value.empty() ? "" : d.column(measure.value);
  const std::string order = s.columns.order.empty() ? "" : d.column(s.columns.order);
  std::string sql = "SELECT " + d.measure(m) + " AS kpi_measure, " +
                    (entity.empty() ? d.text("") : d.as_text(entity)) + " AS kpi_entity, " + cases +
                    " AS kpi_bucket, count(*) AS kpi_rows, " +
                    d.aggregates(value, day, order, last) + "\nFROM " + d.table(s.table) +
                    "\nWHERE " + day_filter(d, day, buckets);
  for (const ColumnFilter& f : measure.where) {
    sql += "\n  AND " + in_list(d, f);
  }
  for (const ColumnFilter& f : measure.except) {
    sql += "\n  AND " + d.is_not_true(in_list(d, f));
  }
  sql += "\nGROUP BY " + (entity.empty() ? "" : entity + ", ") + cases;
  return sql;
}

}  // namespace

std::unique_ptr<Dialect> dialect_for(const std::string& engine) {
  if (engine == "clickhouse") {
    return clickhouse_dialect();
  }
  return postgres_dialect();
}

TableQuery compile_query(const Dialect& dialect, const Workspace& ws, const Source& source,
                         const std::vector<Bucket>& buckets) {
  TableQuery query{&source, buckets, {}};
  for (size_t m = 0; m < source.measures.size(); ++m) {
    if (m > 0) {
      query.sql += "\nUNION ALL\n";
    }
    query.sql += measure_select(dialect, ws, source, m, buckets);
  }
  return query;
}

}  // namespace kpi::warehouse
