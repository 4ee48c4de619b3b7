// The parallel reader against the plain one: the same rows, the same findings at the
// same positions, for any number of threads and any block size.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <sstream>

#include "describe.hpp"
#include "fixture.hpp"
#include "kpi/csv/measurements.hpp"
#include "random_csv.hpp"

namespace {

using kpi_test::describe;

struct Collected {
  kpi::ReadReport report;
  std::vector<kpi::Observation> rows;  ///< in read order
};

/// Collects what one thread is given and whether it came in read order. (It runs on the
/// reader's threads, where Boost.Test's checks must not be called.)
class Collector : public kpi::RowSink {
 public:
  void add_rows(const kpi::Observation* batch, size_t count) override {
    for (size_t i = 0; i < count; ++i) {
      in_order = in_order && (rows.empty() || rows.back().order < batch[i].order);
      rows.push_back(batch[i]);
    }
  }
  std::vector<kpi::Observation> rows;
  bool in_order = true;
};

const kpi::MeasurementIndex& fixture_index() {
  static const kpi::Workspace workspace = kpi_test::make_workspace();
  static const kpi::MeasurementIndex index(workspace);
  return index;
}

Collected read_plain(const std::string& text, size_t max_errors = 50) {
  std::istringstream in(text);
  Collected c;
  kpi::ReadOptions options;
  options.max_errors = max_errors;
  c.report = kpi::read_measurements(
      in, "m.csv", fixture_index(), [&](const kpi::Observation& o) { c.rows.push_back(o); },
      options);
  return c;
}

Collected read_parallel(const std::string& text, size_t jobs, size_t block,
                        size_t max_errors = 50) {
  std::istringstream in(text);
  std::vector<Collector> collectors(jobs);
  std::vector<kpi::RowSink*> sinks;
  for (Collector& c : collectors) {
    sinks.push_back(&c);
  }
  kpi::ReadOptions options;
  options.block_size = block;
  options.max_errors = max_errors;
  Collected c;
  c.report = kpi::read_measurements_parallel(in, "m.csv", fixture_index(), sinks, options);
  for (const Collector& one : collectors) {
    BOOST_TEST(one.in_order);
    c.rows.insert(c.rows.end(), one.rows.begin(), one.rows.end());
  }
  std::sort(c.rows.begin(), c.rows.end(),
            [](const kpi::Observation& a, const kpi::Observation& b) { return a.order < b.order; });
  return c;
}

void check_same(const Collected& plain, const Collected& fast, const std::string& label) {
  BOOST_TEST_CONTEXT(label) {
    BOOST_TEST(fast.report.rows_read == plain.report.rows_read);
    BOOST_TEST(fast.report.rows_valid == plain.report.rows_valid);
    BOOST_TEST(fast.report.problems_total == plain.report.problems_total);
    BOOST_TEST_REQUIRE(fast.report.problems.size() == plain.report.problems.size());
    for (size_t i = 0; i < plain.report.problems.size(); ++i) {
      BOOST_TEST(describe(fast.report.problems[i]) == describe(plain.report.problems[i]));
    }
    BOOST_TEST_REQUIRE(fast.rows.size() == plain.rows.size());
    for (size_t i = 0; i < plain.rows.size(); ++i) {
      BOOST_TEST(describe(fast.rows[i]) == describe(plain.rows[i]));
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_parallel)

BOOST_AUTO_TEST_CASE(random_files_read_the_same_for_any_threads_and_block_size) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const std::string text = kpi_test::random_measurements(seed, 400);
    const Collected plain = read_plain(text);
    BOOST_TEST_REQUIRE(plain.report.rows_valid > 250);    // the data is mostly valid ...
    BOOST_TEST_REQUIRE(plain.report.problems_total > 5);  // ... with findings to compare
    for (size_t jobs : {1, 2, 3, 4}) {
      // Blocks of 1 and 3 bytes cut every row; 61 cuts most; 4096 holds many rows.
      for (size_t block : {1, 3, 61, 256, 4096, 0}) {
        check_same(plain, read_parallel(text, jobs, block),
                   "seed " + std::to_string(seed) + ", " + std::to_string(jobs) +
                       " threads, block " + std::to_string(block));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_first_findings_are_kept_in_file_order) {
  const std::string text = kpi_test::random_measurements(99, 3000);
  const Collected plain = read_plain(text, 7);
  BOOST_TEST_REQUIRE(plain.report.problems_total > 7);
  BOOST_TEST(plain.report.problems.size() == 7u);
  for (size_t jobs : {2, 4}) {
    check_same(plain, read_parallel(text, jobs, 128, 7), std::to_string(jobs) + " threads");
  }
}

BOOST_AUTO_TEST_CASE(a_quoted_line_break_across_a_block_boundary) {
  // The note's line break falls in the second of the 16-byte blocks: the chunk must not
  // end there, and line numbers must count it.
  const std::string text =
      "kpi,entity,date,value,note\n"
      "sales.revenue,alice,2026-01-05,10,\"first line\nsecond \"\"line\"\"\"\n"
      "sales.revenue,bob,2026-01-06,20,\n"
      "sales.revenu,bob,2026-01-07,30,\n";
  const Collected plain = read_plain(text);
  BOOST_TEST_REQUIRE(plain.rows.size() == 2u);
  BOOST_TEST(plain.rows[1].line == 4);
  BOOST_TEST_REQUIRE(plain.report.problems.size() == 1u);
  BOOST_TEST(describe(plain.report.problems[0]).rfind("unknown-row-kpi m.csv:5:1 ", 0) == 0);
  for (size_t block : {1, 2, 16, 40, 50, 64}) {
    check_same(plain, read_parallel(text, 2, block), "block " + std::to_string(block));
  }
}

BOOST_AUTO_TEST_CASE(an_unterminated_quote_takes_the_rest_of_the_file) {
  const std::string text =
      "kpi,entity,date,value,note\n"
      "sales.revenue,alice,2026-01-05,10,\n"
      "sales.revenue,alice,2026-01-06,20,\"never closed\n"
      "sales.revenue,bob,2026-01-07,30,\n";
  const Collected plain = read_plain(text);
  BOOST_TEST(plain.rows.size() == 1u);
  BOOST_TEST_REQUIRE(plain.report.problems.size() == 1u);
  BOOST_TEST(describe(plain.report.problems[0]).rfind("csv-syntax m.csv:3:35 unterminated", 0) ==
             0);
  for (size_t block : {1, 5, 64, 0}) {
    check_same(plain, read_parallel(text, 3, block), "block " + std::to_string(block));
  }
}

BOOST_AUTO_TEST_CASE(headers_the_fast_path_leaves_to_the_plain_reader) {
  // A quoted header, a blank first line, no value column (count rows only), semicolons,
  // a header alone, and nothing at all.
  for (const std::string& text :
       {std::string("\"kpi\",entity,date,value\nsales.revenue,alice,2026-01-05,1\n"),
        std::string("\nkpi,entity,date,value\nsales.revenue,alice,2026-01-05,1\n"),
        std::string("kpi,date\nops.tickets,2026-01-05\nsales.revenue,2026-01-06\n"),
        std::string("kpi;entity;date;value\r\nsales.revenue;alice;2026-01-05;1,5\r\n"),
        std::string("kpi,entity,date,value"), std::string("")}) {
    const Collected plain = read_plain(text);
    for (size_t block : {1, 7, 0}) {
      check_same(plain, read_parallel(text, 2, block), text);
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_random_files_read_the_same) {
  // CR line ends, two byte-order marks, bytes that are not UTF-8, NaN on count rows.
  size_t cr_files = 0;
  size_t double_boms = 0;
  for (uint64_t seed = 100; seed < 124; ++seed) {
    const std::string text = kpi_test::random_measurements(seed, 300, true, true);
    cr_files += text.find("note\r") != std::string::npos ? 1 : 0;  // the header ends with CR
    double_boms += text.rfind("\xEF\xBB\xBF\xEF\xBB\xBF", 0) == 0 ? 1 : 0;
    const Collected plain = read_plain(text);
    for (size_t jobs : {1, 3}) {
      for (size_t block : {1, 7, 256, 0}) {
        check_same(plain, read_parallel(text, jobs, block),
                   "seed " + std::to_string(seed) + ", " + std::to_string(jobs) +
                       " threads, block " + std::to_string(block));
      }
    }
  }
  BOOST_TEST(cr_files > 0u);  // the seeds do cover both
  BOOST_TEST(double_boms > 0u);
}

BOOST_AUTO_TEST_CASE(cr_line_ends_read_like_lf) {
  const std::string lf =
      "kpi,entity,date,value,note\n"
      "sales.revenue,alice,2026-01-05,10,\n"
      "sales.revenu,bob,2026-01-06,20,\n"
      "sales.revenue,bob,2026-01-07,30,last";
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  const Collected expected = read_plain(lf);
  BOOST_TEST_REQUIRE(expected.rows.size() == 2u);
  BOOST_TEST(expected.rows[1].line == 4);
  BOOST_TEST_REQUIRE(expected.report.problems.size() == 1u);
  BOOST_TEST(describe(expected.report.problems[0]).rfind("unknown-row-kpi m.csv:3:1 ", 0) == 0);
  check_same(expected, read_plain(cr), "plain, CR");
  check_same(expected, read_plain(cr + "\r"), "plain, CR at the end");
  for (size_t block : {1, 5, 64, 0}) {
    check_same(expected, read_parallel(cr, 2, block),
               "parallel, CR, block " + std::to_string(block));
  }
}

BOOST_AUTO_TEST_CASE(one_byte_order_mark_is_stripped_not_two) {
  const std::string body = "kpi,entity,date,value\nsales.revenue,alice,2026-01-05,1\n";
  const Collected one = read_plain("\xEF\xBB\xBF" + body);
  BOOST_TEST(one.rows.size() == 1u);
  BOOST_TEST(one.report.problems.empty());
  const Collected two = read_plain("\xEF\xBB\xBF\xEF\xBB\xBF" + body);
  BOOST_TEST(two.rows.empty());
  BOOST_TEST_REQUIRE(!two.report.problems.empty());
  BOOST_TEST(two.report.problems[0].rule == "missing-column");
  for (size_t block : {1, 4, 0}) {
    check_same(one, read_parallel("\xEF\xBB\xBF" + body, 2, block), "one mark");
    check_same(two, read_parallel("\xEF\xBB\xBF\xEF\xBB\xBF" + body, 2, block), "two marks");
  }
}

BOOST_AUTO_TEST_CASE(a_row_that_is_not_utf8_is_an_error_for_that_row) {
  const std::string text =
      "kpi,entity,date,value,note\n"
      "sales.revenue,alice,2026-01-05,10,caf\xE9\n"
      "sales.revenue,alice,2026-01-06,10,\"\xC3\xA1 \xFF\"\n"
      "sales.revenue,bob,2026-01-07,30,\xC3\xA1\n";
  const Collected plain = read_plain(text);
  BOOST_TEST(plain.rows.size() == 1u);
  BOOST_TEST_REQUIRE(plain.report.problems.size() == 2u);
  BOOST_TEST(describe(plain.report.problems[0]).rfind("encoding m.csv:2:38 ", 0) == 0);
  BOOST_TEST(describe(plain.report.problems[1]).rfind("encoding m.csv:3:38 ", 0) == 0);
  for (size_t block : {1, 16, 0}) {
    check_same(plain, read_parallel(text, 2, block), "block " + std::to_string(block));
  }
}

BOOST_AUTO_TEST_CASE(nan_and_inf_are_refused_on_count_rows_too) {
  const std::string text =
      "kpi,entity,date,value\n"
      "ops.tickets,ops,2026-01-05,NaN\n"
      "ops.tickets,ops,2026-01-05,inf\n"
      "ops.tickets,ops,2026-01-05,\n"
      "ops.tickets,ops,2026-01-05,7\n";
  const Collected plain = read_plain(text);
  BOOST_TEST(plain.rows.size() == 2u);
  BOOST_TEST_REQUIRE(plain.report.problems.size() == 2u);
  BOOST_TEST(describe(plain.report.problems[0]).rfind("bad-number m.csv:2:28 'NaN' is not", 0) ==
             0);
  BOOST_TEST(describe(plain.report.problems[1]).rfind("bad-number m.csv:3:28 ", 0) == 0);
  for (size_t block : {1, 16, 0}) {
    check_same(plain, read_parallel(text, 2, block), "block " + std::to_string(block));
  }
}

BOOST_AUTO_TEST_CASE(rows_continue_their_read_order_from_first_chunk) {
  const std::string text = "kpi,entity,date,value\nsales.revenue,alice,2026-01-05,1\n";
  std::istringstream in(text);
  Collector sink;
  std::vector<kpi::RowSink*> sinks = {&sink};
  kpi::ReadOptions options;
  options.first_chunk = 5;
  const kpi::ReadReport report =
      kpi::read_measurements_parallel(in, "m.csv", fixture_index(), sinks, options);
  BOOST_TEST(report.chunks == 1);
  BOOST_TEST_REQUIRE(sink.rows.size() == 1u);
  BOOST_TEST(sink.rows[0].order == (int64_t{5} << 32));
}

BOOST_AUTO_TEST_SUITE_END()
