#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "../csv/fixture.hpp"
#include "../csv/random_csv.hpp"
#include "kpi/score/score.hpp"
#include "kpi/score/trace.hpp"

namespace {

/// A file in the temp folder for the length of a test.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : m_path((std::filesystem::temp_directory_path() /
                ("kpi_aggregate_" + std::to_string(getpid()) + "_" + name))
                   .string()) {
    std::ofstream(m_path, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove(m_path); }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

kpi::Period month(int y, int m) {
  return {kpi::make_date(y, m, 1), kpi::make_date(y, m, kpi::days_in_month(y, m))};
}

kpi::Period quarter(int y, int q) {
  const int first = 3 * q - 2;
  return {kpi::make_date(y, first, 1),
          kpi::make_date(y, first + 2, kpi::days_in_month(y, first + 2))};
}

// Entities: alice 0, bob 1, carol 2, sales 3, ops 4. KPIs: sales.revenue 0 (sum),
// ops.tickets 1 (count), ops.uptime 2 (last), sales.calls 4 (mean), sales.deal 5 (max),
// sales.low 6 (min).
const std::string k_main =
    "kpi,entity,date,value\n"                 // 1
    "sales.revenue,alice,2026-01-05,100\n"    // 2
    "sales.revenue,alice,2026-01-20,250.5\n"  // 3
    "sales.revenue,bob,2026-01-31,10\n"       // 4
    "sales.revenue,alice,2026-02-01,999\n"    // 5: February only
    "sales.revenue,alice,2026-W05,7\n"        // 6: 2026-01-26..2026-02-01, partly in January
    "sales.calls,alice,2026-01-03,4\n"        // 7
    "sales.calls,alice,2026-01-04,8\n"        // 8
    "sales.calls,alice,2026-01-05,3\n"        // 9
    "ops.uptime,,2026-01-10,99.1\n"           // 10
    "ops.uptime,,2026-01-31,97\n"             // 11
    "ops.uptime,,2026-01,98.5\n"              // 12: also ends on 01-31, read later
    "ops.tickets,,2026-01-02,\n"              // 13
    "ops.tickets,,2026-01-03,5\n"             // 14
    "sales.deal,,2026-01-07,-4\n"             // 15
    "sales.deal,,2026-01-08,12\n"             // 16
    "sales.low,,2026-Q1,3\n";                 // 17: a quarter, partly in January

struct Fixture {
  kpi::Workspace workspace = kpi_test::make_workspace();
  kpi::MeasurementIndex index{workspace};
  /// The cell of (k, e); an unassigned pair has none, which the test then fails on.
  const kpi::Accumulator& cell(const kpi::PeriodAggregates& aggregates, int k, int e) const {
    const kpi::Accumulator* found = aggregates.at(index, k, e);
    BOOST_TEST_REQUIRE(found != nullptr);
    return *found;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(score_aggregate)

BOOST_FIXTURE_TEST_CASE(january_sum_mean_min_max_last_and_count, Fixture) {
  const TempFile file("main.csv", k_main);
  const kpi::Date late = kpi::make_date(2026, 6, 30);  // outside January: changes nothing
  const kpi::AggregateResult result =
      kpi::aggregate_measurements(index, {file.path()}, {{month(2026, 1), late}});
  BOOST_TEST(result.problems.empty());
  BOOST_TEST_REQUIRE(result.periods.size() == 1u);
  const kpi::PeriodAggregates& jan = result.periods[0];
  BOOST_TEST(jan.cells.size() == static_cast<size_t>(index.slot_count()));

  const kpi::Accumulator& revenue = cell(jan, 0, 0);
  BOOST_TEST(revenue.rows == 2);
  BOOST_TEST(revenue.sum == 350.5);
  BOOST_TEST(revenue.min == 100.0);
  BOOST_TEST(revenue.max == 250.5);
  BOOST_TEST(revenue.last == 250.5);
  BOOST_TEST(cell(jan, 0, 1).sum == 10.0);
  BOOST_TEST(jan.at(index, 0, 2) == nullptr);  // carol (ops) is not assigned revenue

  const kpi::Accumulator& calls = cell(jan, 4, 0);  // mean = 15 / 3 = 5
  BOOST_TEST(calls.rows == 3);
  BOOST_TEST(calls.sum == 15.0);
  BOOST_TEST(calls.min == 3.0);
  BOOST_TEST(calls.max == 8.0);
  BOOST_TEST(calls.last == 3.0);

  // Two rows end on 01-31: the one read later wins.
  const kpi::Accumulator& uptime = cell(jan, 2, 4);
  BOOST_TEST(uptime.rows == 3);
  BOOST_TEST(uptime.last == 98.5);
  BOOST_TEST((uptime.last_end == kpi::make_date(2026, 1, 31)));
  BOOST_TEST(uptime.min == 97.0);
  BOOST_TEST(uptime.max == 99.1);

  const kpi::Accumulator& tickets = cell(jan, 1, 4);
  BOOST_TEST(tickets.rows == 2);
  BOOST_TEST(tickets.sum == 0.0);  // a count row's value is ignored

  const kpi::Accumulator& deal = cell(jan, 5, 0);
  BOOST_TEST(deal.max == 12.0);
  BOOST_TEST(deal.min == -4.0);
  BOOST_TEST(cell(jan, 6, 0).rows == 0);  // the quarter row does not count
}

// kpi explain's rows: each row of the traced cell with the fate the folder gave it, in
// read order, the same on one thread and on two with rows straddling tiny blocks.
BOOST_FIXTURE_TEST_CASE(traced_rows_carry_their_fate_in_read_order, Fixture) {
  const TempFile file("main.csv", k_main);
  for (int jobs : {1, 2}) {
    kpi::RowTrace trace({index.slot(0, 0)});  // sales.revenue of alice
    kpi::MeasurementInputs inputs;
    inputs.files = {file.path()};
    inputs.trace = &trace;
    kpi::ReadOptions options;
    options.jobs = jobs;
    options.block_size = 16;
    // As of 2026-01-10: the row of 01-20 is after it.
    const kpi::AggregateResult result = kpi::aggregate_measurements(
        index, inputs, {{month(2026, 1), kpi::make_date(2026, 1, 10)}}, options);
    BOOST_TEST(cell(result.periods[0], 0, 0).rows == 1);
    const std::vector<kpi::TracedRow> rows = trace.rows();
    BOOST_TEST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(rows[0].where.line == 2);
    BOOST_TEST((rows[0].fate == kpi::RowFate::counted));
    BOOST_TEST(rows[0].value == 100.0);
    BOOST_TEST(rows[1].where.line == 3);
    BOOST_TEST((rows[1].fate == kpi::RowFate::after_as_of));
    BOOST_TEST(rows[2].where.line == 5);
    BOOST_TEST((rows[2].fate == kpi::RowFate::outside_period));
    BOOST_TEST(rows[3].where.line == 6);
    BOOST_TEST((rows[3].fate == kpi::RowFate::partial_overlap));
    BOOST_TEST(rows[3].where.file == file.path());
  }
}

BOOST_FIXTURE_TEST_CASE(partial_overlaps_are_warnings_one_per_row, Fixture) {
  const TempFile file("main.csv", k_main);
  const kpi::AggregateResult result = kpi::aggregate_measurements(
      index, {file.path()}, {{month(2026, 1), kpi::make_date(2026, 6, 30)}});
  const std::vector<kpi::Diagnostic>& warnings = result.periods[0].warnings;
  BOOST_TEST_REQUIRE(warnings.size() == 2u);
  BOOST_TEST(warnings[0].rule == "partial-overlap");
  BOOST_TEST((warnings[0].severity == kpi::Severity::warning));
  BOOST_TEST(warnings[0].where.file == file.path());
  BOOST_TEST(warnings[0].where.line == 6);
  BOOST_TEST(warnings[0].message ==
             "the row's stamp 2026-W05 (2026-01-26..2026-02-01) overlaps the period 2026-01 "
             "(2026-01-01..2026-01-31) only in part, so it does not count");
  BOOST_TEST(warnings[1].where.line == 17);
  BOOST_TEST(warnings[1].message.rfind("the row's stamp 2026-Q1 (2026-01-01..2026-03-31)", 0) == 0);
  BOOST_TEST(result.problems.empty());  // warnings are not problems
}

BOOST_FIXTURE_TEST_CASE(quarter_counts_quarter_stamps_and_breaks_end_ties_by_read_order, Fixture) {
  const TempFile file("main.csv", k_main);
  const kpi::AggregateResult result = kpi::aggregate_measurements(
      index, {file.path()}, {{quarter(2026, 1), kpi::make_date(2026, 12, 31)}});
  const kpi::PeriodAggregates& q1 = result.periods[0];
  BOOST_TEST(q1.warnings.empty());
  const kpi::Accumulator& low = cell(q1, 6, 0);
  BOOST_TEST(low.rows == 1);
  BOOST_TEST(low.min == 3.0);
  // 02-01 and 2026-W05 both end on 02-01; the week was read later.
  const kpi::Accumulator& revenue = cell(q1, 0, 0);
  BOOST_TEST(revenue.rows == 4);
  BOOST_TEST(revenue.sum == 1356.5);
  BOOST_TEST(revenue.last == 7.0);
  BOOST_TEST((revenue.last_end == kpi::make_date(2026, 2, 1)));
}

BOOST_FIXTURE_TEST_CASE(as_of_inside_the_period_cuts_later_rows, Fixture) {
  const TempFile file("main.csv", k_main);
  const kpi::AggregateResult result = kpi::aggregate_measurements(
      index, {file.path()},
      {{month(2026, 1), kpi::make_date(2026, 1, 5)}, {month(2026, 2), kpi::make_date(2026, 2, 1)}});
  BOOST_TEST_REQUIRE(result.periods.size() == 2u);
  const kpi::PeriodAggregates& jan = result.periods[0];
  BOOST_TEST((jan.as_of == kpi::make_date(2026, 1, 5)));
  BOOST_TEST(cell(jan, 0, 0).rows == 1);  // a row ending on the as-of day counts
  BOOST_TEST(cell(jan, 0, 0).sum == 100.0);
  BOOST_TEST(cell(jan, 4, 0).rows == 3);
  BOOST_TEST(cell(jan, 2, 4).rows == 0);
  BOOST_TEST(cell(jan, 1, 4).rows == 2);
  BOOST_TEST(jan.warnings.size() == 2u);  // overlap is judged against the whole period
  const kpi::PeriodAggregates& feb = result.periods[1];
  BOOST_TEST(cell(feb, 0, 0).rows == 1);
  BOOST_TEST(cell(feb, 0, 0).sum == 999.0);
  BOOST_TEST(feb.warnings.size() == 2u);  // the week and the quarter
}

BOOST_FIXTURE_TEST_CASE(read_order_runs_across_sources, Fixture) {
  const TempFile main_file("main.csv", k_main);
  const TempFile later("later.csv",
                       "kpi,date,value\nops.uptime,2026-01-31,95\nnope,2026-01-01,1\n");
  const std::vector<std::pair<kpi::Period, kpi::Date>> jan = {
      {month(2026, 1), kpi::make_date(2026, 6, 30)}};
  const kpi::AggregateResult forward =
      kpi::aggregate_measurements(index, {main_file.path(), later.path()}, jan);
  BOOST_TEST(cell(forward.periods[0], 2, 4).last == 95.0);
  BOOST_TEST(cell(forward.periods[0], 2, 4).rows == 4);
  BOOST_TEST_REQUIRE(forward.problems.size() == 1u);
  BOOST_TEST(forward.problems_total == 1);
  BOOST_TEST(forward.problems[0].rule == "unknown-row-kpi");
  BOOST_TEST(forward.problems[0].where.file == later.path());
  BOOST_TEST(forward.problems[0].where.line == 3);
  const kpi::AggregateResult backward =
      kpi::aggregate_measurements(index, {later.path(), main_file.path()}, jan);
  BOOST_TEST(cell(backward.periods[0], 2, 4).last == 98.5);
}

BOOST_FIXTURE_TEST_CASE(problem_cap_spans_sources, Fixture) {
  // Two files (one file named twice is read once: data-repeated).
  const TempFile bad("bad.csv", "kpi,date,value\nx,2026-01-01,1\ny,2026-01-01,1\n");
  const TempFile bad2("bad2.csv", "kpi,date,value\nx,2026-01-01,1\ny,2026-01-01,1\n");
  kpi::ReadOptions options;
  options.max_errors = 3;
  const kpi::AggregateResult result = kpi::aggregate_measurements(
      index, {bad.path(), bad2.path()}, {{month(2026, 1), kpi::make_date(2026, 1, 31)}}, options);
  BOOST_TEST(result.problems.size() == 3u);
  BOOST_TEST(result.problems_total == 4);
}

BOOST_FIXTURE_TEST_CASE(dash_reads_standard_input, Fixture) {
  std::istringstream in("kpi,date,value\nops.uptime,2026-01-09,1.5\nbad,2026-01-01,1\n");
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  const kpi::AggregateResult result =
      kpi::aggregate_measurements(index, {"-"}, {{month(2026, 1), kpi::make_date(2026, 1, 31)}});
  std::cin.rdbuf(saved);
  BOOST_TEST(cell(result.periods[0], 2, 4).sum == 1.5);
  BOOST_TEST_REQUIRE(result.problems.size() == 1u);
  BOOST_TEST(result.problems[0].where.file == "<stdin>");
}

BOOST_FIXTURE_TEST_CASE(unopenable_source_is_a_usage_error, Fixture) {
  const std::string path = "/nonexistent/kpi/measurements.csv";
  try {
    kpi::aggregate_measurements(index, {path}, {{month(2026, 1), kpi::make_date(2026, 1, 31)}});
    BOOST_FAIL("no exception");
  } catch (const kpi::Error& e) {
    BOOST_TEST(e.exit_status == kpi::k_exit_usage);
    BOOST_TEST(e.diagnostic.where.file == path);
    BOOST_TEST(e.diagnostic.message.find(path) != std::string::npos);
  }
}

BOOST_FIXTURE_TEST_CASE(a_folder_is_a_usage_error, Fixture) {
  const std::string folder = std::filesystem::temp_directory_path().string();
  try {
    kpi::aggregate_measurements(index, {folder}, {});
    BOOST_FAIL("no exception");
  } catch (const kpi::Error& e) {
    BOOST_TEST(e.exit_status == kpi::k_exit_usage);
    BOOST_TEST(e.diagnostic.message ==
               "cannot read the measurement file '" + folder + "': it is a folder");
  }
}

BOOST_FIXTURE_TEST_CASE(no_periods_still_reads_and_reports, Fixture) {
  const TempFile file("main.csv", "kpi,date,value\nops.uptime,2026-02-30,1\n");
  const kpi::AggregateResult result = kpi::aggregate_measurements(index, {file.path()}, {});
  BOOST_TEST(result.periods.empty());
  BOOST_TEST_REQUIRE(result.problems.size() == 1u);
  BOOST_TEST(result.problems[0].rule == "bad-date");
}

/// Everything a cell holds, with doubles as their bits: equal means identical.
std::string describe(const kpi::Accumulator& a) {
  const auto bits = [](double d) {
    uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return std::to_string(b);
  };
  return std::to_string(a.rows) + " " + bits(a.sum) + " " + bits(a.min) + " " + bits(a.max) + " " +
         bits(a.last) + " " + std::to_string(a.last_end.days);
}

std::string describe(const kpi::Diagnostic& d) {
  return d.rule + " " + d.where.file + ":" + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column) + " " + d.message;
}

void check_same(const kpi::AggregateResult& plain, const kpi::AggregateResult& fast,
                const std::string& label) {
  BOOST_TEST_CONTEXT(label) {
    BOOST_TEST(fast.problems_total == plain.problems_total);
    BOOST_TEST_REQUIRE(fast.problems.size() == plain.problems.size());
    for (size_t i = 0; i < plain.problems.size(); ++i) {
      BOOST_TEST(describe(fast.problems[i]) == describe(plain.problems[i]));
    }
    BOOST_TEST_REQUIRE(fast.periods.size() == plain.periods.size());
    for (size_t p = 0; p < plain.periods.size(); ++p) {
      const kpi::PeriodAggregates& a = plain.periods[p];
      const kpi::PeriodAggregates& b = fast.periods[p];
      BOOST_TEST(b.partial_overlaps == a.partial_overlaps);
      BOOST_TEST_REQUIRE(b.warnings.size() == a.warnings.size());
      for (size_t w = 0; w < a.warnings.size(); ++w) {
        BOOST_TEST(describe(b.warnings[w]) == describe(a.warnings[w]));
      }
      BOOST_TEST_REQUIRE(b.cells.size() == a.cells.size());
      for (size_t c = 0; c < a.cells.size(); ++c) {
        BOOST_TEST_CONTEXT("period " << p << " cell " << c) {
          BOOST_TEST(describe(b.cells[c]) == describe(a.cells[c]));
        }
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(parallel_and_plain_give_identical_aggregates, Fixture) {
  const std::vector<std::pair<kpi::Period, kpi::Date>> periods = {
      {month(2026, 1), kpi::make_date(2026, 6, 30)},
      {month(2026, 1), kpi::make_date(2026, 1, 15)},  // cut at the as-of date
      {quarter(2026, 1), kpi::make_date(2026, 6, 30)},
      {{kpi::make_date(2026, 1, 26), kpi::make_date(2026, 2, 1)}, kpi::make_date(2026, 6, 30)}};
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    // Two sources: `last` breaks ties by read order across them too.
    const TempFile first("first.csv", kpi_test::random_measurements(seed, 300));
    const TempFile second("second.csv", kpi_test::random_measurements(seed + 1000, 300));
    kpi::ReadOptions plain_options;
    plain_options.plain = true;
    plain_options.max_errors = 20;
    const kpi::AggregateResult plain =
        kpi::aggregate_measurements(index, {first.path(), second.path()}, periods, plain_options);
    BOOST_TEST_REQUIRE(plain.periods[0].cells[0].rows > 10);
    for (int jobs : {1, 2, 4}) {
      for (size_t block : {1, 37, 512, 0}) {
        kpi::ReadOptions options;
        options.jobs = jobs;
        options.block_size = block;
        options.max_errors = 20;
        check_same(
            plain,
            kpi::aggregate_measurements(index, {first.path(), second.path()}, periods, options),
            "seed " + std::to_string(seed) + ", " + std::to_string(jobs) + " threads, block " +
                std::to_string(block));
      }
    }
  }
}

BOOST_FIXTURE_TEST_CASE(sums_are_exact_decimals_rounded_once, Fixture) {
  // As doubles, 0.1 + 0.2 is 0.30000000000000004, and ten times 0.1 is 0.9999999999999999.
  std::string text =
      "kpi,entity,date,value\nsales.revenue,alice,2026-01-05,0.1\n"
      "sales.revenue,alice,2026-01-06,0.2\n";
  for (int i = 0; i < 10; ++i) {
    text += "sales.revenue,bob,2026-01-07,0.1\n";
  }
  // 1e21 has no exact value in units of 10^-18 that fits: it is added as a double.
  text += "sales.calls,alice,2026-01-08,1e21\nsales.calls,alice,2026-01-09,0.5\n";
  const TempFile file("exact.csv", text);
  for (int jobs : {1, 2}) {
    kpi::ReadOptions options;
    options.jobs = jobs;
    const kpi::AggregateResult result = kpi::aggregate_measurements(
        index, {file.path()}, {{month(2026, 1), kpi::make_date(2026, 6, 30)}}, options);
    BOOST_TEST(cell(result.periods[0], 0, 0).sum == 0.3);
    BOOST_TEST(cell(result.periods[0], 0, 1).sum == 1.0);
    BOOST_TEST(cell(result.periods[0], 4, 0).sum == 1e21 + 0.5);
  }
}

BOOST_FIXTURE_TEST_CASE(partial_overlap_warnings_stop_at_fifty_and_count_the_rest, Fixture) {
  std::string text = "kpi,entity,date,value\n";
  for (int i = 0; i < 60; ++i) {
    text += "sales.revenue,alice,2026-W05,1\n";  // 2026-01-26..2026-02-01
  }
  const TempFile file("overlaps.csv", text);
  for (int jobs : {1, 3}) {
    kpi::ReadOptions options;
    options.jobs = jobs;
    options.block_size = 64;
    const kpi::AggregateResult result = kpi::aggregate_measurements(
        index, {file.path()}, {{month(2026, 1), kpi::make_date(2026, 6, 30)}}, options);
    const kpi::PeriodAggregates& jan = result.periods[0];
    BOOST_TEST(jan.partial_overlaps == 60);
    BOOST_TEST_REQUIRE(jan.warnings.size() == 51u);
    BOOST_TEST(jan.warnings[0].where.line == 2);
    BOOST_TEST(jan.warnings[49].where.line == 51);
    BOOST_TEST(jan.warnings[50].message ==
               "10 more rows overlap the period 2026-01 (2026-01-01..2026-01-31) only in part "
               "and do not count (the first 50 are listed)");
    BOOST_TEST(jan.warnings[50].where.line == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()
