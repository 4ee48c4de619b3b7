// A table's answer folded as rows of a file would be (lib/kpi/warehouse/answer.hpp), and
// through the one scoring engine (aggregate_measurements with a table reader).

#include <boost/test/unit_test.hpp>

#include "kpi/score/score.hpp"
#include "kpi/warehouse/answer.hpp"
#include "kpi/yaml/definitions.hpp"
#include "print.hpp"

namespace {

using kpi::make_date;
using kpi::warehouse::AnswerRow;
using kpi::warehouse::Bucket;

const std::string k_workspace = R"(version: 1
name: Answers
settings: {freshness_days: 0}
warehouse: {engine: postgres, dsn: env:DW}
units:
  - {id: u, name: U}
people:
  - {id: an, name: An Nguyen, member_of: u, aliases: [an@example.vn]}
  - {id: binh, name: Binh, member_of: u, joined: 2026-10-10}
  - {id: chi, name: Chi, member_of: u}
frames:
  - {id: f, method: linear, points: [[0, 0], [100, 100]]}
kpis:
  - {id: rev, name: Rev, owner: u, assigned_to: [an, binh], unit: x, period: monthly,
     target: 1}
  - {id: stock, name: Stock, owner: u, assigned_to: [an], unit: x, period: monthly,
     target: 1, aggregate: last}
sources:
  - id: dw
    table: sales.deals
    unmatched: skip
    columns: {date: closed_on, entity: owner, order: loaded_at}
    measures:
      - {kpi: rev, value: amount}
      - {kpi: stock, value: on_hand}
)";

struct Fixture {
  Fixture() : load(kpi::load_workspace_text(k_workspace, "kpi.yaml")), index(load.workspace) {
    BOOST_TEST_REQUIRE(load.diagnostics.empty());
  }
  kpi::LoadResult load;
  kpi::MeasurementIndex index;
};

/// measure, entity, bucket, rows, valued, sum, min, max, last, last day, order, guard.
AnswerRow row(std::vector<std::optional<std::string>> cells) {
  AnswerRow out;
  for (size_t i = 0; i < cells.size(); ++i) {
    out[i] = cells[i];
  }
  return out;
}

constexpr std::nullopt_t null = std::nullopt;

/// Hands out prepared rows and keeps the query it was given.
class FakeReader : public kpi::warehouse::TableReader {
 public:
  explicit FakeReader(std::vector<AnswerRow> rows) : m_rows(std::move(rows)) {}
  void run(const kpi::warehouse::TableQuery& query,
           const std::function<void(const AnswerRow&)>& each) override {
    buckets = query.buckets;
    for (const AnswerRow& r : m_rows) {
      each(r);
    }
  }
  std::vector<Bucket> buckets;

 private:
  std::vector<AnswerRow> m_rows;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(warehouse_answer)

BOOST_FIXTURE_TEST_CASE(an_alias_with_spaces_finds_its_person_and_the_sum_stays_exact, Fixture) {
  const kpi::source::EntityMatcher matcher(load.workspace);
  kpi::warehouse::TableQuery query{
      &load.workspace.sources[0], {{make_date(2026, 10, 1), make_date(2026, 10, 31)}}, {}};
  kpi::warehouse::TableRead read;
  kpi::warehouse::fold_answer(row({"0", " AN@example.vn ", "0", "3", "3", "0.30", "0.1", "0.1",
                                   null, "2026-10-09", null, null}),
                              query, index, matcher, 50, read);
  BOOST_TEST_REQUIRE(read.groups.size() == 1u);
  const kpi::warehouse::GroupFold& g = read.groups[0];
  BOOST_TEST(index.entity_id(g.entity) == "an");
  BOOST_TEST(g.rows == 3);
  BOOST_TEST(g.sum.exact);
  BOOST_TEST((g.sum.scaled == kpi::Int128{300000000000000000}));  // 0.3 x 10^18
  BOOST_TEST((g.last_day == make_date(2026, 10, 9)));
  BOOST_TEST(read.report.problems.empty());
}

BOOST_FIXTURE_TEST_CASE(nulls_strangers_and_the_unassigned_are_counted, Fixture) {
  const kpi::source::EntityMatcher matcher(load.workspace);
  kpi::warehouse::TableQuery query{
      &load.workspace.sources[0], {{make_date(2026, 10, 1), make_date(2026, 10, 31)}}, {}};
  kpi::warehouse::TableRead read;
  auto fold = [&](AnswerRow r) { kpi::warehouse::fold_answer(r, query, index, matcher, 50, read); };
  // 5 rows for an, 2 of them without a value; 4 rows without a day.
  fold(row({"0", "an", "0", "5", "3", "6", "1", "3", null, "2026-10-02", null, null}));
  fold(row({"0", "an", "-1", "4", "4", null, null, null, null, null, null, null}));
  // 7 rows of somebody unknown (unmatched: skip), 2 of chi, who is not assigned rev.
  fold(row({"0", "zed", "0", "7", "7", "1", "1", "1", null, "2026-10-02", null, null}));
  fold(row({"0", "Chi", "0", "2", "2", "1", "1", "1", null, "2026-10-02", null, null}));
  BOOST_TEST(read.groups.size() == 1u);
  BOOST_TEST(read.report.rows_read == 18);
  BOOST_TEST(read.report.rows_valid == 3);
  BOOST_TEST(read.report.problems_total == 2 + 4 + 2);
  BOOST_TEST_REQUIRE(read.report.problems.size() == 3u);
  BOOST_TEST(read.report.problems[0].rule == "source-number");
  BOOST_TEST(read.report.problems[0].message ==
             "2 rows of table sales.deals (source 'dw') that the measure of KPI 'rev' matches "
             "have no value (NULL in column 'amount'), entity 'an' in column 'owner'");
  BOOST_TEST(read.report.problems[0].where.line == 24);  // `value: amount` in the YAML
  BOOST_TEST(read.report.problems[0].where.column == 27);
  BOOST_TEST(read.report.problems[1].rule == "source-date");
  BOOST_TEST(read.report.problems[2].rule == "source-unassigned");
  BOOST_TEST(read.unmatched.rows == 7);
}

BOOST_FIXTURE_TEST_CASE(a_sum_that_wrapped_is_refused, Fixture) {
  const kpi::source::EntityMatcher matcher(load.workspace);
  kpi::warehouse::TableQuery query{
      &load.workspace.sources[0], {{make_date(2026, 10, 1), make_date(2026, 10, 31)}}, {}};
  kpi::warehouse::TableRead read;
  // ClickHouse 18.16's Decimal128 sum of two rows near 10^37 wrapped to a negative.
  BOOST_CHECK_EXCEPTION(
      kpi::warehouse::fold_answer(row({"0", "an", "0", "2", "2", "-140282366920938463", "9e36",
                                       "9e36", null, "2026-10-02", null, "1.8e37"}),
                                  query, index, matcher, 50, read),
      kpi::Error, [](const kpi::Error& e) { return e.diagnostic.rule == "warehouse-overflow"; });
  // A float sum off in its last digits is no overflow.
  kpi::warehouse::fold_answer(row({"0", "an", "0", "3", "3", "0.3", "0.1", "0.1", null,
                                   "2026-10-02", null, "0.30000000000000004"}),
                              query, index, matcher, 50, read);
  BOOST_TEST(read.groups.size() == 1u);
}

BOOST_AUTO_TEST_CASE(order_keys_compare_as_numbers_then_as_text) {
  kpi::warehouse::GroupFold a, b;
  a.last_day = b.last_day = make_date(2026, 10, 2);
  a.last_order = "9";
  b.last_order = "10";
  BOOST_TEST(kpi::warehouse::last_before(a, b));
  a.last_order = "2026-10-02 09:00:00";
  b.last_order = "2026-10-02 10:00:00";
  BOOST_TEST(kpi::warehouse::last_before(a, b));
  b.last_day = make_date(2026, 10, 1);  // the day comes first
  BOOST_TEST(!kpi::warehouse::last_before(a, b));
}

BOOST_FIXTURE_TEST_CASE(groups_fold_into_the_engines_cells, Fixture) {
  // October as of the 20th; binh joined on the 10th, so the plan cuts there.
  FakeReader reader({
      // an's revenue before and after the 10th, in two spellings.
      row({"0", "an", "0", "2", "2", "10.5", "4", "6.5", null, "2026-10-08", null, null}),
      row({"0", "An Nguyen", "1", "1", "1", "1", "1", "1", null, "2026-10-15", null, null}),
      // binh before joining: left out, warned about.
      row({"0", "binh", "0", "4", "4", "100", "25", "25", null, "2026-10-03", null, null}),
      row({"0", "binh", "1", "1", "1", "7", "7", "7", null, "2026-10-11", null, null}),
      // an's stock: the latest day wins, then the greater order key (two spellings).
      row({"1", "an", "1", "3", "3", "9", "2", "4", "3", "2026-10-18", "12", null}),
      row({"1", "an@example.vn", "1", "1", "1", "8", "8", "8", "8", "2026-10-18", "9", null}),
  });
  kpi::MeasurementInputs inputs{&load.workspace, false, {}};
  inputs.tables = &reader;
  const kpi::Period october{make_date(2026, 10, 1), make_date(2026, 10, 31)};
  const kpi::AggregateResult result =
      kpi::aggregate_measurements(index, inputs, {{october, make_date(2026, 10, 20)}});
  const std::vector<Bucket> want = {{make_date(2026, 10, 1), make_date(2026, 10, 9)},
                                    {make_date(2026, 10, 10), make_date(2026, 10, 20)}};
  BOOST_TEST(reader.buckets == want, boost::test_tools::per_element());
  BOOST_TEST(result.problems.empty());
  const kpi::PeriodAggregates& p = result.periods.front();
  const kpi::Accumulator& an = p.cells[index.slot(*index.kpi("rev"), *index.entity("an"))];
  BOOST_TEST(an.rows == 3);
  BOOST_TEST(an.sum == 11.5);
  BOOST_TEST(an.min == 1);
  BOOST_TEST(an.max == 6.5);
  const kpi::Accumulator& binh = p.cells[index.slot(*index.kpi("rev"), *index.entity("binh"))];
  BOOST_TEST(binh.rows == 1);
  BOOST_TEST(binh.sum == 7);
  const kpi::Accumulator& stock = p.cells[index.slot(*index.kpi("stock"), *index.entity("an"))];
  BOOST_TEST(stock.rows == 4);
  BOOST_TEST(stock.last == 3);  // order key 12 > 9 on the same day
  bool warned = false;
  for (const kpi::Diagnostic& w : p.warnings) {
    warned = warned || (w.rule == "inactive-row" &&
                        w.message ==
                            "4 rows of table sales.deals for binh and KPI rev on "
                            "2026-10-01..2026-10-09 lie outside the active days of binh "
                            "(joined 2026-10-10), so they do not count");
  }
  BOOST_TEST(warned);
}

BOOST_FIXTURE_TEST_CASE(a_table_source_without_a_reader_stops_the_run, Fixture) {
  kpi::MeasurementInputs inputs{&load.workspace, false, {}};
  const kpi::Period october{make_date(2026, 10, 1), make_date(2026, 10, 31)};
  BOOST_CHECK_EXCEPTION(
      kpi::aggregate_measurements(index, inputs, {{october, make_date(2026, 11, 1)}}), kpi::Error,
      [](const kpi::Error& e) { return e.diagnostic.rule == "warehouse-dsn"; });
}

BOOST_AUTO_TEST_SUITE_END()
