#include <boost/test/unit_test.hpp>
#include <sstream>

#include "fixture.hpp"
#include "kpi/csv/measurements.hpp"

namespace {

struct Read {
  kpi::ReadReport report;
  std::vector<kpi::Observation> rows;
};

Read read(const std::string& text, size_t block = 64 * 1024, size_t max_errors = 50) {
  static const kpi::Workspace workspace = kpi_test::make_workspace();
  static const kpi::MeasurementIndex index(workspace);
  std::istringstream in(text);
  Read result;
  kpi::ReadOptions options;
  options.block_size = block;
  options.max_errors = max_errors;
  result.report = kpi::read_measurements(
      in, "m.csv", index, [&](const kpi::Observation& o) { result.rows.push_back(o); }, options);
  return result;
}

/// "rule line:column" of a finding, for exact position checks.
std::string where(const kpi::Diagnostic& d) {
  return d.rule + " " + d.where.file + ":" + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column);
}

/// The single finding of a file, which must have exactly one.
kpi::Diagnostic only_problem(const std::string& text) {
  const Read r = read(text);
  BOOST_TEST_REQUIRE(r.report.problems.size() == 1u);
  BOOST_TEST(r.report.problems_total == 1);
  BOOST_TEST((r.report.problems[0].severity == kpi::Severity::error));
  return r.report.problems[0];
}

kpi::Period day(int y, int m, int d) {
  const kpi::Date date = kpi::make_date(y, m, d);
  return {date, date};
}

const std::string k_header = "kpi,entity,date,value,note\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(reads_valid_rows_in_file_order) {
  const Read r = read(
      "\xEF\xBB\xBF Note ;VALUE;Date;extra;KPI ;Entity\r\n"
      "first;12.5;2026-01-05;x;sales.revenue;bob\r\n"
      "\r\n"
      "\"multi\nline\";-3e2;2026-Q1;;ops.uptime;\r\n"
      ";;2026-01;;ops.tickets;ops");
  BOOST_TEST(r.report.problems.empty());
  BOOST_TEST(r.report.rows_read == 3);
  BOOST_TEST(r.report.rows_valid == 3);
  BOOST_TEST_REQUIRE(r.rows.size() == 3u);
  BOOST_TEST(r.rows[0].kpi == 0);
  BOOST_TEST(r.rows[0].entity == 1);
  BOOST_TEST((r.rows[0].stamp == day(2026, 1, 5)));
  BOOST_TEST(r.rows[0].value.value == 12.5);
  BOOST_TEST(r.rows[0].line == 2);
  // A single assignee needs no entity; a quarter token stamps the whole quarter.
  BOOST_TEST(r.rows[1].kpi == 2);
  BOOST_TEST(r.rows[1].entity == 4);
  BOOST_TEST(
      (r.rows[1].stamp == kpi::Period{kpi::make_date(2026, 1, 1), kpi::make_date(2026, 3, 31)}));
  BOOST_TEST(r.rows[1].value.value == -300.0);
  BOOST_TEST(r.rows[1].line == 4);
  // A count KPI's empty value is ignored.
  BOOST_TEST(r.rows[2].kpi == 1);
  BOOST_TEST(r.rows[2].value.value == 0.0);
  BOOST_TEST(r.rows[2].line == 6);
}

BOOST_AUTO_TEST_CASE(period_column_semicolons_and_tabs) {
  const Read semi = read("kpi;period;value\nops.uptime;2026-W05;99.5\n");
  BOOST_TEST(semi.report.problems.empty());
  BOOST_TEST_REQUIRE(semi.rows.size() == 1u);
  BOOST_TEST(
      (semi.rows[0].stamp == kpi::Period{kpi::make_date(2026, 1, 26), kpi::make_date(2026, 2, 1)}));
  const Read tab = read("kpi\tdate\tvalue\nops.uptime\t2026\t1\n");
  BOOST_TEST(tab.report.problems.empty());
  BOOST_TEST_REQUIRE(tab.rows.size() == 1u);
  BOOST_TEST(tab.rows[0].stamp.days() == 365);
}

BOOST_AUTO_TEST_CASE(count_only_files_need_no_value_column) {
  const Read r = read("kpi,date\nops.tickets,2026-01-05\nops.tickets,2026-01-06\n");
  BOOST_TEST(r.report.problems.empty());
  BOOST_TEST(r.rows.size() == 2u);
}

BOOST_AUTO_TEST_CASE(missing_value_column_is_reported_on_the_first_non_count_row) {
  const Read r = read("kpi,date\nops.tickets,2026-01-05\nops.uptime,2026-01-06\nops.uptime,x\n");
  BOOST_TEST_REQUIRE(r.report.problems.size() == 1u);
  BOOST_TEST(where(r.report.problems[0]) == "missing-column m.csv:1:1");
  BOOST_TEST(r.report.problems[0].message.find("'value' column, which KPI 'ops.uptime' (line 3)") !=
             std::string::npos);
  BOOST_TEST(r.rows.size() == 1u);  // the count row before it
}

BOOST_AUTO_TEST_CASE(missing_kpi_or_date_column_stops_at_the_header) {
  const Read r = read("kpy,date,value\nops.uptime,2026-01-05,1\n");
  BOOST_TEST_REQUIRE(r.report.problems.size() == 1u);
  BOOST_TEST(where(r.report.problems[0]) == "missing-column m.csv:1:1");
  BOOST_TEST(r.report.problems[0].message.rfind("the header has no 'kpi' column; expected", 0) ==
             0);
  BOOST_TEST(r.report.rows_read == 0);
  BOOST_TEST(r.rows.empty());
  const kpi::Diagnostic both = only_problem("value\n1\n");
  BOOST_TEST(both.message.rfind("the header has no 'kpi' and 'date' (or 'period') columns", 0) ==
             0);
}

BOOST_AUTO_TEST_CASE(empty_file_has_no_rows_and_no_problem) {
  const Read r = read("");
  BOOST_TEST(r.report.problems.empty());
  BOOST_TEST(r.report.rows_read == 0);
}

BOOST_AUTO_TEST_CASE(unknown_kpi_with_hint) {
  const kpi::Diagnostic d = only_problem(k_header + "sales.revenue,bob,2026-01-05,1,\n" +
                                         "sales.revenu,bob,2026-01-05,1,\n");
  BOOST_TEST(where(d) == "unknown-row-kpi m.csv:3:1");
  BOOST_TEST(d.message == "unknown KPI 'sales.revenu'; expected the id of a defined KPI");
  BOOST_TEST(d.hint == "did you mean 'sales.revenue'?");
  const kpi::Diagnostic empty = only_problem("date,value,kpi\n2026-01-05,1,  \n");
  BOOST_TEST(where(empty) == "unknown-row-kpi m.csv:2:14");
  BOOST_TEST(empty.hint == "");
}

BOOST_AUTO_TEST_CASE(formula_row) {
  const kpi::Diagnostic d = only_problem("date,kpi,value\n2026-01-05,mkt.conv,1\n");
  BOOST_TEST(where(d) == "formula-row m.csv:2:12");
  BOOST_TEST(d.message.find("'mkt.conv' is computed by its formula") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_entity_with_hint) {
  const kpi::Diagnostic d = only_problem(k_header + "sales.revenue,alise,2026-01-05,1,\n");
  BOOST_TEST(where(d) == "unknown-row-entity m.csv:2:15");
  BOOST_TEST(d.message == "unknown entity 'alise'; expected the id of a person or unit");
  BOOST_TEST(d.hint == "did you mean 'alice'?");
}

BOOST_AUTO_TEST_CASE(unassigned_entity_names_the_assignees) {
  const kpi::Diagnostic d = only_problem(k_header + "sales.revenue,carol,2026-01-05,1,\n");
  BOOST_TEST(where(d) == "unassigned-entity m.csv:2:15");
  BOOST_TEST(d.message ==
             "'carol' is not assigned KPI 'sales.revenue'; expected one of its assignees: alice, "
             "bob");
}

BOOST_AUTO_TEST_CASE(missing_entity_when_several_assignees) {
  const kpi::Diagnostic d = only_problem(k_header + "sales.revenue, ,2026-01-05,1,\n");
  BOOST_TEST(where(d) == "missing-entity m.csv:2:15");
  BOOST_TEST(d.message ==
             "the row names no entity, but KPI 'sales.revenue' has several assignees; expected "
             "one of alice, bob");
}

BOOST_AUTO_TEST_CASE(missing_entity_without_entity_column_points_at_the_row) {
  const Read r = read("date,kpi,value\n2026-01-05,sales.calls,1\n");
  BOOST_TEST_REQUIRE(r.report.problems.size() == 1u);
  BOOST_TEST(where(r.report.problems[0]) == "missing-entity m.csv:2:1");
}

BOOST_AUTO_TEST_CASE(bad_dates_carry_the_period_module_message) {
  const kpi::Diagnostic d = only_problem(k_header + "ops.uptime,ops,2026-02-30,1,\n");
  BOOST_TEST(where(d) == "bad-date m.csv:2:16");
  BOOST_TEST(d.message.rfind("bad date '2026-02-30': 2026-02-30 is not a real day", 0) == 0);
  const kpi::Diagnostic week = only_problem(k_header + "ops.uptime,ops,2027-W53,1,\n");
  BOOST_TEST(week.message.find("2027 has 52 ISO weeks, not 53") != std::string::npos);
  const kpi::Diagnostic empty = only_problem(k_header + "ops.uptime,ops,,1,\n");
  BOOST_TEST(where(empty) == "bad-date m.csv:2:16");
  BOOST_TEST(empty.message.rfind("the date is empty; expected YYYY-MM-DD", 0) == 0);
  const kpi::Diagnostic range = only_problem(k_header + "ops.uptime,ops,2026-01..2026-02,1,\n");
  BOOST_TEST(range.rule == "bad-date");
}

BOOST_AUTO_TEST_CASE(bad_numbers_at_the_value_column) {
  for (const std::string value : {"\"1,5\"", "5%", "NaN", "inf", "", "1e400", "0x10"}) {
    const kpi::Diagnostic d = only_problem(k_header + "ops.uptime,ops,2026-01-05," + value + ",\n");
    BOOST_TEST(where(d) == "bad-number m.csv:2:27", value);
  }
  const kpi::Diagnostic d = only_problem(k_header + "ops.uptime,ops,2026-01-05,5%,\n");
  BOOST_TEST(d.message ==
             "'5%' is not a decimal number; expected an optional sign, digits, an optional '.' "
             "fraction and exponent, e.g. 1250.5 or -3e6");
  // A short row: the value cell is absent; the finding points past the row's end.
  const kpi::Diagnostic short_row = only_problem(k_header + "ops.uptime,ops,2026-01-05\n");
  BOOST_TEST(where(short_row) == "bad-number m.csv:2:26");
  BOOST_TEST(short_row.message.rfind("the value is empty", 0) == 0);
}

BOOST_AUTO_TEST_CASE(columns_count_characters) {
  const kpi::Diagnostic d = only_problem("kpi,note,date,value\nops.uptime,\"€é\",2026-01-05,x\n");
  BOOST_TEST(where(d) == "bad-number m.csv:2:28");
}

BOOST_AUTO_TEST_CASE(csv_syntax_errors) {
  const kpi::Diagnostic more = only_problem(k_header + "ops.uptime,ops,2026-01-05,1,n,extra\n");
  BOOST_TEST(where(more) == "csv-syntax m.csv:2:31");
  BOOST_TEST(more.message ==
             "this row has 6 fields but the header has 5; quote a field that contains the "
             "delimiter ','");
  const kpi::Diagnostic quote = only_problem(k_header + "ops.uptime,ops,2026-01-05,1,say \"hi\n");
  BOOST_TEST(where(quote) == "csv-syntax m.csv:2:29");
  const Read open =
      read(k_header + "ops.uptime,ops,2026-01-05,1,ok\nops.uptime,ops,2026-01-06,2,\"open\n" +
           "ops.uptime,ops,2026-01-07,3,\n");
  BOOST_TEST_REQUIRE(open.report.problems.size() == 1u);
  BOOST_TEST(where(open.report.problems[0]) == "csv-syntax m.csv:3:29");
  BOOST_TEST(open.rows.size() == 1u);
  const Read header = read("kpi,\"date\nvalue\n");
  BOOST_TEST_REQUIRE(header.report.problems.size() == 1u);
  BOOST_TEST(where(header.report.problems[0]) == "csv-syntax m.csv:1:5");
}

BOOST_AUTO_TEST_CASE(one_finding_per_bad_row_and_the_cap) {
  std::string text = k_header;
  for (int i = 0; i < 5; ++i) {
    text += "nope,ops,2026-01-05,1,\nops.uptime,ops,2026-01-05,1,\n";
  }
  const Read r = read(text, 64 * 1024, 3);
  BOOST_TEST(r.report.problems.size() == 3u);
  BOOST_TEST(r.report.problems_total == 5);
  BOOST_TEST(r.report.rows_read == 10);
  BOOST_TEST(r.report.rows_valid == 5);
  BOOST_TEST(where(r.report.problems[2]) == "unknown-row-kpi m.csv:6:1");
}

BOOST_AUTO_TEST_CASE(small_blocks_read_the_same) {
  const std::string text =
      "\xEF\xBB\xBFkpi;entity;date;value;note\r\n"
      "sales.revenue;alice;2026-01-05;1.25;\"a;b\r\nc\"\r\n"
      "sales.revenue;bob;2026-01;-2;\r\n"
      "sales.revenue;carol;2026-01;-2;\r\n"
      "ops.uptime;;2026-01-07;3e1;x";
  for (size_t block : {1, 2, 3, 5, 7, 11}) {
    const Read r = read(text, block);
    BOOST_TEST_REQUIRE(r.rows.size() == 3u);
    BOOST_TEST(r.rows[0].value.value == 1.25);
    BOOST_TEST(r.rows[1].value.value == -2.0);
    BOOST_TEST(r.rows[1].line == 4);
    BOOST_TEST(r.rows[2].value.value == 30.0);
    BOOST_TEST(r.rows[2].line == 6);
    BOOST_TEST_REQUIRE(r.report.problems.size() == 1u);
    BOOST_TEST(where(r.report.problems[0]) == "unassigned-entity m.csv:5:15");
  }
}

BOOST_AUTO_TEST_CASE(row_text_is_the_cells_as_written) {
  static const kpi::Workspace workspace = kpi_test::make_workspace();
  static const kpi::MeasurementIndex index(workspace);
  std::istringstream in(
      "Note,kpi,value,date,entity\n"
      "\" a, \"\"b\"\" \", sales.revenue , 1234.50,2026-11-02,alice\n"
      "bad,nope,1,2026-11-02,alice\n"
      "\"two\nlines\",sales.deal,1e3,2026-11,\n");
  std::vector<std::string> seen;
  const kpi::ReadReport report = kpi::read_measurement_rows(
      in, "m.csv", index, [&](const kpi::Observation& o, const kpi::RowText& t) {
        seen.push_back(std::string(t.kpi) + "|" + std::string(t.entity) + "|" +
                       std::string(t.date) + "|" + std::string(t.value) + "|" +
                       std::string(t.note) + "|" + std::to_string(o.line) + "-" +
                       std::to_string(t.end_line));
      });
  BOOST_TEST(report.rows_valid == 2);
  BOOST_TEST(report.problems_total == 1);
  BOOST_TEST_REQUIRE(seen.size() == 2u);
  BOOST_TEST(seen[0] == "sales.revenue|alice|2026-11-02|1234.50| a, \"b\" |2-2");
  BOOST_TEST(seen[1] == "sales.deal||2026-11|1e3|two\nlines|4-5");
}

BOOST_AUTO_TEST_CASE(arbitrary_bytes_never_throw) {
  // A fixed pseudo-random stream of CSV-ish bytes; the sanitizer build checks for UB.
  const std::string alphabet = "kpi,;\t\"\r\n ops.uptime2026-01-05W0Q1e+.\xEF\xBB\xBF\xC3\xA9";
  uint32_t state = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string text = round % 2 == 0 ? "kpi,entity,date,value\n" : "";
    for (int i = 0; i < 200; ++i) {
      state = state * 1103515245u + 12345u;
      text += alphabet[(state >> 16) % alphabet.size()];
    }
    BOOST_CHECK_NO_THROW(read(text, 1 + static_cast<size_t>(round % 9)));
  }
}

BOOST_AUTO_TEST_SUITE_END()
