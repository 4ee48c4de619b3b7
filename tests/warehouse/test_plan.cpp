// The plan of a warehouse read (lib/kpi/warehouse/plan.hpp): the ranges of days a run
// cuts time into, and the queries, exactly as each dialect spells them.

#include <boost/test/unit_test.hpp>

#include "kpi/warehouse/plan.hpp"
#include "kpi/yaml/definitions.hpp"
#include "print.hpp"

namespace {

using kpi::make_date;
using kpi::Period;
using kpi::warehouse::Bucket;

Period month(int year, int m) {
  return {make_date(year, m, 1), make_date(year, m, kpi::days_in_month(year, m))};
}

const std::string k_workspace = R"(version: 1
name: Plan
warehouse: {engine: postgres, dsn: env:DW}
units:
  - {id: u, name: U}
people:
  - {id: an, name: An, member_of: u}
frames:
  - {id: f, method: linear, points: [[0, 0], [100, 100]]}
kpis:
  - {id: rev, name: Rev, owner: u, assigned_to: [an], unit: x, period: monthly, target: 1}
  - {id: deals, name: Deals, owner: u, assigned_to: [an], unit: x, period: monthly,
     target: 1, aggregate: count}
  - {id: stock, name: Stock, owner: u, assigned_to: [an], unit: x, period: monthly,
     target: 1, aggregate: last}
sources:
  - id: dw
    table: sales.deals
    columns: {date: closed_on, entity: owner, order: loaded_at}
    measures:
      - {kpi: rev, value: amount, where: {stage: [Won, "O'Brien "]}, except: {region: [""]}}
      - {kpi: deals}
      - {kpi: stock, value: 'on\hand'}
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(warehouse_plan)

BOOST_AUTO_TEST_CASE(a_month_cut_at_its_as_of_date_and_at_a_joining_day) {
  // October as of the 12th, and someone who joined on the 5th: the 1st..4th count for
  // nobody who joined later, the 5th..12th for everyone; the 13th on never.
  const std::vector<Bucket> b =
      kpi::warehouse::buckets_for({{month(2026, 10), make_date(2026, 10, 12)}},
                                  {Period{make_date(2026, 10, 5), make_date(9999, 12, 31)}});
  BOOST_TEST_REQUIRE(b.size() == 2u);
  BOOST_TEST((b[0] == Bucket{make_date(2026, 10, 1), make_date(2026, 10, 4)}));
  BOOST_TEST((b[1] == Bucket{make_date(2026, 10, 5), make_date(2026, 10, 12)}));
}

BOOST_AUTO_TEST_CASE(overlapping_periods_become_disjoint_ranges) {
  // kpi report: the year (as of a day after it: all of it) and its October, and last
  // year's October to compare with; the gap between them is in no range.
  const std::vector<Bucket> b = kpi::warehouse::buckets_for(
      {{Period{make_date(2026, 1, 1), make_date(2026, 12, 31)}, make_date(2027, 1, 15)},
       {month(2026, 10), make_date(2027, 1, 15)},
       {month(2025, 10), make_date(2027, 1, 15)}},
      {Period{make_date(2020, 1, 1), make_date(2026, 11, 20)}});  // left 20 November
  const std::vector<Bucket> want = {
      {make_date(2025, 10, 1), make_date(2025, 10, 31)},
      {make_date(2026, 1, 1), make_date(2026, 9, 30)},
      {make_date(2026, 10, 1), make_date(2026, 10, 31)},
      {make_date(2026, 11, 1), make_date(2026, 11, 20)},
      {make_date(2026, 11, 21), make_date(2026, 12, 31)},
  };
  BOOST_TEST(b == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_periods_no_ranges) {
  // kpi validate --data asks only for the rows without a day.
  BOOST_TEST(kpi::warehouse::buckets_for({}, {month(2026, 1)}).empty());
}

BOOST_AUTO_TEST_CASE(postgres_spells_the_query) {
  const kpi::LoadResult load = kpi::load_workspace_text(k_workspace, "kpi.yaml");
  BOOST_TEST_REQUIRE(load.diagnostics.empty());
  const auto dialect = kpi::warehouse::dialect_for("postgres");
  const std::vector<Bucket> b = {{make_date(2026, 10, 1), make_date(2026, 10, 4)},
                                 {make_date(2026, 10, 5), make_date(2026, 10, 12)}};
  const std::string sql =
      kpi::warehouse::compile_query(*dialect, load.workspace, load.workspace.sources[0], b).sql;
  const std::string day = R"(CAST("closed_on" AS date))";
  const std::string bucket = "CASE WHEN " + day + " IS NULL THEN -1 WHEN " + day +
                             " <= DATE '2026-10-04' THEN 0 WHEN " + day +
                             " <= DATE '2026-10-12' THEN 1 END";
  const std::string head = R"(CAST("owner" AS text) AS kpi_entity, )" + bucket +
                           " AS kpi_bucket, count(*) AS kpi_rows, ";
  const std::string where = "\nFROM \"sales\".\"deals\"\nWHERE (" + day + " IS NULL OR (" + day +
                            " >= DATE '2026-10-01' AND " + day + " <= DATE '2026-10-12'))";
  const std::string group = "\nGROUP BY \"owner\", " + bucket;
  const std::string latest = " ORDER BY " + day + R"( DESC, "loaded_at" DESC))";
  const std::string none = "CAST(NULL AS text)";
  const std::string want =
      "SELECT 0 AS kpi_measure, " + head +
      R"(count("amount") AS kpi_valued, CAST(sum("amount") AS text) AS kpi_sum, )"
      R"(CAST(min("amount") AS text) AS kpi_min, CAST(max("amount") AS text) AS kpi_max, )" +
      none + " AS kpi_last, max(" + day +
      R"() FILTER (WHERE "amount" IS NOT NULL) AS kpi_last_day, )" + none + " AS kpi_last_order, " +
      none + " AS kpi_guard" + where +
      // Values trimmed and folded by kpi, quotes doubled; "" also matches a NULL cell.
      "\n  AND (lower(btrim(CAST(\"stage\" AS text), E' \\t\\u00A0')) IN ('won', 'o''brien'))"
      "\n  AND (lower(btrim(CAST(\"region\" AS text), E' \\t\\u00A0')) IN ('') OR \"region\" IS "
      "NULL) IS NOT TRUE" +
      group + "\nUNION ALL\nSELECT 1 AS kpi_measure, " + head + "count(*) AS kpi_valued, " + none +
      " AS kpi_sum, " + none + " AS kpi_min, " + none + " AS kpi_max, " + none +
      " AS kpi_last, max(" + day + ") AS kpi_last_day, " + none + " AS kpi_last_order, " + none +
      " AS kpi_guard" + where + group + "\nUNION ALL\nSELECT 2 AS kpi_measure, " + head +
      R"(count("on\hand") AS kpi_valued, CAST(sum("on\hand") AS text) AS kpi_sum, )"
      R"(CAST(min("on\hand") AS text) AS kpi_min, CAST(max("on\hand") AS text) AS kpi_max, )"
      R"(CAST((array_agg("on\hand")" +
      latest + R"( FILTER (WHERE "on\hand" IS NOT NULL))[1] AS text) AS kpi_last, max()" + day +
      R"() FILTER (WHERE "on\hand" IS NOT NULL) AS kpi_last_day, CAST((array_agg("loaded_at")" +
      latest + R"( FILTER (WHERE "on\hand" IS NOT NULL))[1] AS text) AS kpi_last_order, )" + none +
      " AS kpi_guard" + where + group;
  BOOST_TEST(sql == want);
}

BOOST_AUTO_TEST_CASE(clickhouse_quotes_its_literals_with_backslashes) {
  const kpi::LoadResult load = kpi::load_workspace_text(k_workspace, "kpi.yaml");
  BOOST_TEST_REQUIRE(load.diagnostics.empty());
  const auto dialect = kpi::warehouse::dialect_for("clickhouse");
  BOOST_TEST(dialect->text("it's a\\b") == "'it\\'s a\\\\b'");
  BOOST_TEST(dialect->table("sales.deals") == "`sales`.`deals`");
  const std::vector<Bucket> b = {{make_date(2026, 10, 1), make_date(2026, 10, 31)}};
  const std::string sql =
      kpi::warehouse::compile_query(*dialect, load.workspace, load.workspace.sources[0], b).sql;
  // The Decimal sum and its Float64 guard; the last value by (day, order).
  BOOST_TEST(sql.find("ifNull(toString(sum(`amount`)), '') AS kpi_sum") != std::string::npos);
  BOOST_TEST(sql.find("ifNull(toString(sum(toFloat64(`amount`))), '') AS kpi_guard") !=
             std::string::npos);
  BOOST_TEST(sql.find("argMaxIf(`on\\\\hand`, tuple(toDate(`closed_on`), `loaded_at`), "
                      "isNotNull(`on\\\\hand`))") != std::string::npos);
  BOOST_TEST(sql.find("NOT ifNull((lowerUTF8(") != std::string::npos);
  BOOST_TEST(sql.find("toDate(`closed_on`) <= toDate('2026-10-31') THEN 0 END") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
