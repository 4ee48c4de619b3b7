// Reading sources into the aggregation: hand-worked exports, their findings and positions.

#include <boost/test/unit_test.hpp>

#include "../yaml/helpers.hpp"
#include "kpi/period/period.hpp"
#include "kpi/score/score.hpp"

namespace {

using kpi::Diagnostic;

const std::string k_org =
    "version: 1\n"
    "units:\n"
    "  - {id: sales, name: Sales}\n"
    "people:\n"
    "  - {id: linh, name: Võ Ngọc Linh, member_of: sales, aliases: [linh@acme.vn]}\n"
    "  - {id: an, name: Nguyễn Văn An, member_of: sales}\n"
    "  - {id: tam, name: Tâm, member_of: sales}\n"
    "kpis:\n"
    "  - {id: sales.revenue, name: Revenue, owner: sales, unit: VND, period: monthly,\n"
    "     target: 1000, assigned_to: [linh, an]}\n"
    "  - {id: sales.orders, name: Orders, owner: sales, unit: deals, period: monthly,\n"
    "     target: 10, aggregate: count, assigned_to: [linh, an]}\n"
    "  - {id: sales.lost, name: Lost, owner: sales, unit: VND, period: monthly,\n"
    "     target: 10, assigned_to: [linh, an]}\n"
    "  - {id: mkt.visits, name: Visits, owner: sales, unit: visits, period: monthly,\n"
    "     target: 10, assigned_to: [linh, an]}\n"
    "  - {id: sales.last, name: Stock, owner: sales, unit: units, period: monthly,\n"
    "     target: 10, aggregate: last, assigned_to: [linh]}\n";

// k_org is 18 lines; `sources:` is line 19.
const std::string k_crm_source =
    "sources:\n"
    "  - id: crm\n"
    "    files: [deals.csv]\n"
    "    date_format: \"%d/%m/%Y\"\n"
    "    decimal: \",\"\n"
    "    thousands: \".\"\n"
    "    strip: [\"₫\"]\n"
    "    columns: {date: Close Date, entity: Owner, note: Deal ID}\n"
    "    measures:\n"
    "      - {kpi: sales.revenue, value: Amount, where: {Stage: Won}}\n"
    "      - {kpi: sales.orders, where: {Stage: Won}}\n"
    "      - {kpi: sales.lost, value: Amount, where: {Stage: [Lost, Abandoned]},\n"
    "         except: {Region: Test}}\n";

struct Run {
  kpi::LoadResult load;
  std::unique_ptr<kpi::MeasurementIndex> index;
  kpi::AggregateResult result;

  const kpi::Accumulator& cell(const std::string& kpi, const std::string& entity,
                               size_t period = 0) const {
    const kpi::Accumulator* a =
        result.periods.at(period).at(*index, *index->kpi(kpi), *index->entity(entity));
    BOOST_REQUIRE(a != nullptr);
    return *a;
  }
};

/// Loads kpi.yaml from the current folder and reads its sources (and `files`) for the
/// given months, with `jobs` threads and `block` bytes a block (0: the default).
Run run(const std::vector<std::string>& months, int jobs = 1, size_t block = 0,
        const std::vector<std::string>& files = {}) {
  Run r;
  r.load = kpi::load_workspace("kpi.yaml");
  for (const Diagnostic& d : r.load.diagnostics) {
    BOOST_TEST_MESSAGE(kpi::test::where(d) + " " + d.rule + ": " + d.message);
  }
  BOOST_REQUIRE(r.load.diagnostics.empty());
  r.index = std::make_unique<kpi::MeasurementIndex>(r.load.workspace);
  std::vector<std::pair<kpi::Period, kpi::Date>> periods;
  for (const std::string& m : months) {
    const kpi::Period p = *kpi::parse_stamp(m).period;
    periods.emplace_back(p, p.end);
  }
  kpi::ReadOptions options;
  options.jobs = jobs;
  options.block_size = block;
  r.result = kpi::aggregate_measurements(
      *r.index, kpi::MeasurementInputs{&r.load.workspace, false, files}, periods, options);
  return r;
}

std::string at(const Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
}

// Semicolons, a byte-order mark, CRLF, owners by name, in capitals and by e-mail alias,
// won/Won, accounting negatives, a quoted delimiter, a row no measure wants, a blank row.
const std::string k_deals =
    "\xEF\xBB\xBF"
    "Deal ID;Owner;Close Date;Amount;Stage;Region\r\n"
    "D1;Võ Ngọc Linh;21/10/2026;1.250.000,50 ₫;Won;North\r\n"
    "D2;NGUYỄN VĂN AN;3/10/2026;2.000;won;South\r\n"
    "D3;linh@acme.vn;31/10/2026;(300,25);Won;\"North; Hà Nội\"\r\n"
    "D4;an;01/11/2026;999;Won;South\r\n"
    "D5;Võ Ngọc Linh;15/10/2026;5.000;Lost;North\r\n"
    "D6;an;16/10/2026;7.000;Abandoned;Test\r\n"
    "D7;Someone Gone;;;Open;North\r\n"
    ";;;;;\r\n"
    "D8;an;30/09/2026;1.000;ABANDONED;South\r\n";

void check_crm(const Run& r) {
  BOOST_TEST(r.result.problems.empty());
  // October: linh 1,250,000.50 - 300.25; an 2,000. November: an 999.
  BOOST_TEST(r.cell("sales.revenue", "linh").sum == 1249700.25);
  BOOST_TEST(r.cell("sales.revenue", "linh").rows == 2);
  BOOST_TEST(r.cell("sales.revenue", "an").sum == 2000.0);
  BOOST_TEST(r.cell("sales.orders", "linh").rows == 2);
  BOOST_TEST(r.cell("sales.orders", "an").rows == 1);
  BOOST_TEST(r.cell("sales.lost", "linh").sum == 5000.0);
  BOOST_TEST(r.cell("sales.lost", "an").rows == 0);  // D6 is excepted, D8 is September
  BOOST_TEST(r.cell("sales.revenue", "an", 1).sum == 999.0);
  BOOST_TEST(r.cell("sales.lost", "an", 2).sum == 1000.0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(source_reader)

BOOST_AUTO_TEST_CASE(a_crm_export_scores_as_worked_by_hand) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org + k_crm_source);
  ws.write("deals.csv", k_deals);
  check_crm(run({"2026-10", "2026-11", "2026-09"}));
}

BOOST_AUTO_TEST_CASE(threads_and_small_blocks_give_the_same_cells) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org + k_crm_source);
  ws.write("deals.csv", k_deals);
  for (size_t block : {7u, 16u, 64u, 1000u}) {
    BOOST_TEST_CONTEXT("block " << block) {
      check_crm(run({"2026-10", "2026-11", "2026-09"}, 2, block));
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_cells_are_findings_at_their_cell) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org + k_crm_source);
  ws.write("deals.csv",
           "Deal ID;Owner;Close Date;Amount;Stage;Region\n"
           "D1;Võ Ngọc Linh;31/02/2026;1.000;Won;N\n"
           "D2;Võ Ngọc Linh;01/10/2026;abc;Won;N\n"
           "D3;Nobody;01/10/2026;1.000;Won;N\n"
           "D4;Nobody;;x;Open;N\n"
           "D5;tam;01/10/2026;1.000;Won;N\n"
           "D6;an;01/10/2026;1.25.000;Won;N\n"
           "D7;an;02/10/2026;4.000;Won;N\n");
  const Run r = run({"2026-10"});
  BOOST_TEST_REQUIRE(r.result.problems.size() == 5u);
  BOOST_TEST(r.result.problems_total == 5);
  const std::vector<Diagnostic>& p = r.result.problems;
  BOOST_TEST(p[0].rule == "source-date");
  BOOST_TEST(at(p[0]) == "deals.csv:2:17");
  BOOST_TEST(p[0].message == "'31/02/2026' is not a real day");
  BOOST_TEST(p[1].rule == "source-number");
  BOOST_TEST(at(p[1]) == "deals.csv:3:28");
  BOOST_TEST(p[2].rule == "source-entity");
  BOOST_TEST(at(p[2]) == "deals.csv:4:4");
  BOOST_TEST(p[3].rule == "source-unassigned");
  BOOST_TEST(at(p[3]) == "deals.csv:6:4");
  BOOST_TEST(p[4].rule == "source-number");
  BOOST_TEST(at(p[4]) == "deals.csv:7:20");  // "1.25.000": the group after "1." is short
  // A bad row gives nothing, not even its other measures: only D7 counts.
  BOOST_TEST(r.cell("sales.revenue", "an").sum == 4000.0);
  BOOST_TEST(r.cell("sales.orders", "an").rows == 1);
  BOOST_TEST(r.cell("sales.orders", "linh").rows == 0);
}

BOOST_AUTO_TEST_CASE(unmatched_skip_leaves_rows_out_with_one_warning) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org + k_crm_source + "    unmatched: skip\n");
  ws.write("deals.csv",
           "Deal ID;Owner;Close Date;Amount;Stage;Region\n"
           "D1;Ghost;01/10/2026;1.000;Won;N\n"
           "D2;an;01/10/2026;2.000;Won;N\n"
           "D3;Ghost;02/10/2026;1.000;Won;N\n"
           "D4;Phantom;02/10/2026;1.000;Lost;N\n");
  const Run r = run({"2026-10"});
  BOOST_TEST(r.result.problems.empty());
  BOOST_TEST(r.cell("sales.revenue", "an").sum == 2000.0);
  const std::vector<Diagnostic>& w = r.result.periods[0].warnings;
  BOOST_TEST_REQUIRE(w.size() == 1u);
  BOOST_TEST(w[0].rule == "source-entity");
  BOOST_TEST(at(w[0]) == "kpi.yaml:32:16");
  BOOST_TEST(w[0].message ==
             "3 rows of source 'crm' matched no unit or person and were left out (unmatched: "
             "skip): 'Ghost', 'Phantom'");
}

BOOST_AUTO_TEST_CASE(a_missing_column_reads_no_row) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org + k_crm_source);
  ws.write("deals.csv",
           "Deal ID;Owner;Close Date;Amounts;Stage;Region\n"
           "D1;an;01/10/2026;1.000;Won;N\n");
  const Run r = run({"2026-10"});
  BOOST_TEST_REQUIRE(r.result.problems.size() == 1u);  // two measures name it: once
  BOOST_TEST(r.result.problems[0].rule == "source-column");
  BOOST_TEST(at(r.result.problems[0]) == "kpi.yaml:28:37");
  BOOST_TEST(r.result.problems[0].hint == "did you mean 'Amounts'?");
  BOOST_TEST(r.cell("sales.orders", "an").rows == 0);
}

BOOST_AUTO_TEST_CASE(a_wide_sheet_gives_one_row_per_non_empty_cell) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org +
                           "sources:\n"
                           "  - id: web\n"
                           "    files: [web.csv]\n"
                           "    columns: {entity: Channel}\n"
                           "    wide: {columns: \"2026-*\", date_format: \"%Y-%m\"}\n"
                           "    measures:\n"
                           "      - {kpi: mkt.visits, where: {Metric: Sessions}}\n");
  ws.write("web.csv",
           "Channel,Metric,2026-09,2026-10,Note\n"
           "linh,Sessions,100,120,x\n"
           "linh,Bounce,0.5,0.4,\n"
           "an,Sessions,,80,\n");
  const Run r = run({"2026-10", "2026-09"});
  BOOST_TEST(r.result.problems.empty());
  BOOST_TEST(r.cell("mkt.visits", "linh").sum == 120.0);
  BOOST_TEST(r.cell("mkt.visits", "an").sum == 80.0);
  BOOST_TEST(r.cell("mkt.visits", "linh", 1).sum == 100.0);
  BOOST_TEST(r.cell("mkt.visits", "an", 1).rows == 0);  // an empty wide cell is no row
}

BOOST_AUTO_TEST_CASE(title_lines_above_the_header_are_skipped) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org +
                           "sources:\n"
                           "  - id: erp\n"
                           "    files: [refunds.csv]\n"
                           "    header_row: 3\n"
                           "    thousands: \",\"\n"
                           "    columns: {date: Date, entity: Salesperson}\n"
                           "    measures:\n"
                           "      - {kpi: sales.revenue, value: Amount}\n");
  ws.write("refunds.csv",
           "ACME ERP, refunds report\n"
           "Printed 2026-11-01\n"
           "Date,Salesperson,Amount\n"
           "2026-10-05,linh,\"(2,300,000.00)\"\n"
           "2026-10-06T09:30:00+07:00,linh,\"1,000\"\n"
           "2026-10-07,linh,x\n");
  const Run r = run({"2026-10"});
  BOOST_TEST_REQUIRE(r.result.problems.size() == 1u);
  BOOST_TEST(at(r.result.problems[0]) == "refunds.csv:6:17");
  BOOST_TEST(r.cell("sales.revenue", "linh").sum == -2299000.0);
}

BOOST_AUTO_TEST_CASE(a_recorded_row_wins_a_last_tie_against_an_export) {
  kpi::test::TempWorkspace ws;
  ws.write("kpi.yaml", k_org +
                           "sources:\n"
                           "  - id: stock\n"
                           "    files: [stock.csv]\n"
                           "    columns: {date: Day}\n"
                           "    measures:\n"
                           "      - {kpi: sales.last, value: Units}\n");
  ws.write("stock.csv", "Day,Units\n2026-10-31,5\n2026-10-31,6\n");
  ws.write("journal.csv", "date,kpi,entity,value\n2026-10-31,sales.last,linh,9\n");
  BOOST_TEST(run({"2026-10"}).cell("sales.last", "linh").last == 6.0);
  BOOST_TEST(run({"2026-10"}, 2, 0, {"journal.csv"}).cell("sales.last", "linh").last == 9.0);
}

BOOST_AUTO_TEST_SUITE_END()
