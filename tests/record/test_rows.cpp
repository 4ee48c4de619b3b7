#include <boost/test/unit_test.hpp>
#include <sstream>

#include "../csv/fixture.hpp"
#include "kpi/record/record.hpp"

namespace {

const kpi::MeasurementIndex& index() {
  static const kpi::Workspace workspace = kpi_test::make_workspace();
  static const kpi::MeasurementIndex index(workspace);
  return index;
}

kpi::RowsRead rows(const std::string& text) {
  std::istringstream in(text);
  return kpi::read_record_rows(in, "in.csv", index());
}

std::string where(const kpi::Diagnostic& d) {
  return d.rule + " " + d.where.file + ":" + std::to_string(d.where.line) + ":" +
         std::to_string(d.where.column);
}

const std::string k_journal =
    "kpi,entity,date,value,note\n"
    "sales.revenue,alice,2026-11-02,100,\n"
    "sales.deal,alice,2026-11,7,\"two\n"
    "lines\"\n"
    "sales.revenue,bob,2026-11-02,50,\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(record_rows)

BOOST_AUTO_TEST_CASE(rows_keep_their_text_and_fill_a_single_assignee) {
  const kpi::RowsRead r = rows(
      "kpi,date,value,entity,note\n"
      "sales.deal,2026-11-02, 1234.50 ,,\"a, \"\"b\"\"\"\n"
      "sales.revenue,2026-11-03,1e3,bob,\n");
  BOOST_TEST(r.report.problems.empty());
  BOOST_TEST_REQUIRE(r.rows.size() == 2u);
  BOOST_TEST(r.rows[0].kpi == "sales.deal");
  BOOST_TEST(r.rows[0].entity == "alice");
  BOOST_TEST(!r.rows[0].entity_given);
  BOOST_TEST(r.rows[0].value == "1234.50");
  BOOST_TEST(r.rows[0].note == "a, \"b\"");
  BOOST_TEST(r.rows[1].entity_given);
  BOOST_TEST(r.rows[1].value == "1e3");
  BOOST_TEST(r.rows[1].line == 3);
}

BOOST_AUTO_TEST_CASE(journal_cut_short_is_reported_at_its_last_line) {
  const kpi::Journal cut =
      kpi::parse_journal("j.csv", "kpi,entity,date,value\nsales.deal,,2026-11-02,12", index());
  BOOST_TEST_REQUIRE(cut.problems.size() == 1u);
  BOOST_TEST(where(cut.problems[0]) == "journal-cut j.csv:2:1");

  const kpi::Journal quote = kpi::parse_journal(
      "j.csv", "kpi,entity,date,value,note\nsales.deal,,2026-11-02,12,\"cut\n", index());
  BOOST_TEST_REQUIRE(quote.problems.size() == 1u);
  BOOST_TEST(quote.problems[0].rule == "csv-syntax");
  BOOST_TEST(quote.problems[0].where.line == 2);

  const kpi::Journal whole = kpi::parse_journal("j.csv", k_journal, index());
  BOOST_TEST(whole.problems.empty());
  BOOST_TEST(whole.rows.size() == 3u);
  BOOST_TEST(whole.rows[1].end_line == 4);
}

BOOST_AUTO_TEST_CASE(keys_conflict_with_the_journal_and_within_the_input) {
  const kpi::Journal journal = kpi::parse_journal("j.csv", k_journal, index());
  const kpi::RowsRead input = rows(
      "kpi,entity,date,value\n"
      "sales.revenue,bob,2026-11-02,1\n"    // journal row 2
      "sales.deal,alice,2026-11-01,1\n"     // a day, not the month: no conflict
      "sales.deal,,2026-11,1\n"             // journal row 1 (entity defaulted)
      "sales.revenue,bob,2026-11-02,2\n");  // input row 0
  BOOST_TEST_REQUIRE(input.rows.size() == 4u);

  const kpi::RecordPlan refuse = kpi::plan_record(journal, input.rows, kpi::RecordMode::refuse);
  BOOST_TEST_REQUIRE(refuse.conflicts.size() == 3u);
  BOOST_TEST(!refuse.conflicts[0].in_journal);
  BOOST_TEST(refuse.conflicts[0].input_row == 3u);
  BOOST_TEST(refuse.conflicts[0].other_row == 0u);
  BOOST_TEST(refuse.conflicts[1].in_journal);
  BOOST_TEST(refuse.conflicts[1].input_row == 2u);
  BOOST_TEST(refuse.conflicts[1].other_row == 1u);
  BOOST_TEST(refuse.conflicts[2].input_row == 0u);
  BOOST_TEST(refuse.conflicts[2].other_row == 2u);
  BOOST_TEST(refuse.replaced.empty());

  const kpi::RecordPlan replace = kpi::plan_record(journal, input.rows, kpi::RecordMode::replace);
  BOOST_TEST(replace.conflicts.size() == 1u);  // the input's own duplicate
  BOOST_TEST((replace.replaced == std::vector<size_t>{1, 2}));

  const kpi::RecordPlan append = kpi::plan_record(journal, input.rows, kpi::RecordMode::append);
  BOOST_TEST(!append.refused());
  BOOST_TEST(append.replaced.empty());
}

BOOST_AUTO_TEST_CASE(fields_are_quoted_only_where_needed) {
  BOOST_TEST(kpi::quote_field("1234.50", ',') == "1234.50");
  BOOST_TEST(kpi::quote_field("", ',') == "");
  BOOST_TEST(kpi::quote_field("a,b", ',') == "\"a,b\"");
  BOOST_TEST(kpi::quote_field("a,b", ';') == "a,b");
  BOOST_TEST(kpi::quote_field("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  BOOST_TEST(kpi::quote_field("two\nlines", ',') == "\"two\nlines\"");
  BOOST_TEST(kpi::quote_field(" padded", ',') == "\" padded\"");
}

BOOST_AUTO_TEST_CASE(new_journal_gets_a_header_and_rows_as_given) {
  kpi::Journal journal;
  journal.path = "j.csv";
  journal.columns = kpi::k_journal_columns;
  const kpi::RowsRead input = rows(
      "kpi,entity,date,value,note\n"
      "sales.deal,,2026-11-02,1234.50,\"late, sorry\"\n");
  BOOST_TEST(kpi::format_journal_rows(journal, input.rows) ==
             "kpi,entity,date,value,note\n"
             "sales.deal,alice,2026-11-02,1234.50,\"late, sorry\"\n");
}

BOOST_AUTO_TEST_CASE(rows_follow_an_existing_journals_columns) {
  const kpi::Journal journal =
      kpi::parse_journal("j.csv", "Value;KPI;period;extra\r\n3;sales.deal;2026-10;x\r\n", index());
  BOOST_TEST(journal.problems.empty());
  BOOST_TEST(journal.delimiter == ';');
  BOOST_TEST(journal.line_end == "\r\n");
  const kpi::RowsRead input = rows("kpi,date,value\nsales.deal,2026-11-02,1;5\n");
  BOOST_TEST(input.report.problems.size() == 1u);  // "1;5" is not a number
  const kpi::RowsRead good = rows("kpi,date,value\nsales.deal,2026-11-02,-1.50\n");
  BOOST_TEST(kpi::format_journal_rows(journal, good.rows) == "-1.50;sales.deal;2026-11-02;\r\n");

  const kpi::RowsRead noted = rows("kpi,date,value,note\nsales.deal,2026-11-02,1,hello\n");
  try {
    kpi::format_journal_rows(journal, noted.rows);
    BOOST_FAIL("a note without a note column must be refused");
  } catch (const kpi::Error& e) {
    BOOST_TEST(where(e.diagnostic) == "journal-columns j.csv:1:1");
    BOOST_TEST(e.diagnostic.message ==
               "the journal's header has no 'note' column for line 2's note; add the column to "
               "the journal's header");
  }
}

BOOST_AUTO_TEST_CASE(the_header_may_follow_empty_lines) {
  const kpi::Journal journal =
      kpi::parse_journal("j.csv", "\n\r\nKPI,Date,Value\r\nsales.deal,2026-10,3\r\n", index());
  BOOST_TEST(journal.problems.empty());
  BOOST_TEST((journal.columns == std::vector<std::string>{"kpi", "date", "value"}));
  BOOST_TEST(journal.line_end == "\r\n");
  const kpi::RowsRead given = rows("kpi,entity,date,value\nsales.deal,alice,2026-11-02,1\n");
  try {
    kpi::format_journal_rows(journal, given.rows);
    BOOST_FAIL("an entity given without an entity column must be refused");
  } catch (const kpi::Error& e) {
    BOOST_TEST(e.diagnostic.message ==
               "the journal's header has no 'entity' column for line 2's entity; add the column "
               "to the journal's header");
  }
}

BOOST_AUTO_TEST_CASE(replace_drops_whole_rows_and_keeps_every_other_byte) {
  const kpi::Journal journal = kpi::parse_journal("j.csv", k_journal, index());
  const kpi::RowsRead input = rows("kpi,entity,date,value\nsales.deal,alice,2026-11,9\n");
  const kpi::RecordPlan plan = kpi::plan_record(journal, input.rows, kpi::RecordMode::replace);
  BOOST_TEST((plan.replaced == std::vector<size_t>{1}));
  BOOST_TEST(kpi::replaced_journal_content(journal, plan, input.rows) ==
             "kpi,entity,date,value,note\n"
             "sales.revenue,alice,2026-11-02,100,\n"
             "sales.revenue,bob,2026-11-02,50,\n"
             "sales.deal,alice,2026-11,9,\n");
}

BOOST_AUTO_TEST_CASE(a_journal_with_cr_line_ends_is_read_and_written_with_cr) {
  // Saved by old Excel for Mac: a bare CR ends each line, as the readers read it.
  const std::string cr_journal =
      "kpi,entity,date,value,note\r"
      "sales.revenue,alice,2026-11-02,100,\r"
      "sales.deal,alice,2026-11,7,\"two\rlines\"\r"
      "sales.revenue,bob,2026-11-02,50,\r";
  const kpi::Journal journal = kpi::parse_journal("j.csv", cr_journal, index());
  BOOST_TEST(journal.problems.empty());  // not "cut short": it ends with a line end
  BOOST_TEST(
      (journal.columns == std::vector<std::string>{"kpi", "entity", "date", "value", "note"}));
  BOOST_TEST(journal.line_end == "\r");
  BOOST_REQUIRE(journal.rows.size() == 3u);
  BOOST_TEST(journal.rows[1].line == 3);
  BOOST_TEST(journal.rows[1].end_line == 4);
  BOOST_TEST(journal.rows[2].line == 5);
  const kpi::RowsRead input = rows("kpi,entity,date,value\nsales.deal,alice,2026-11,9\n");
  const kpi::RecordPlan plan = kpi::plan_record(journal, input.rows, kpi::RecordMode::replace);
  BOOST_TEST((plan.replaced == std::vector<size_t>{1}));
  BOOST_TEST(kpi::replaced_journal_content(journal, plan, input.rows) ==
             "kpi,entity,date,value,note\r"
             "sales.revenue,alice,2026-11-02,100,\r"
             "sales.revenue,bob,2026-11-02,50,\r"
             "sales.deal,alice,2026-11,9,\r");
  const kpi::Journal cut =
      kpi::parse_journal("j.csv", "kpi,entity,date,value\rsales.deal,alice,2026-11,9", index());
  BOOST_REQUIRE(cut.problems.size() == 1u);
  BOOST_TEST(where(cut.problems[0]) == "journal-cut j.csv:2:1");
}

BOOST_AUTO_TEST_CASE(replace_period_replaces_every_row_of_the_kpis_inside_the_period) {
  // A re-export after a deal went from Won to Lost: the deal's row is gone from the
  // file, so the key-based replace would keep it; the period replace drops it.
  const kpi::Journal journal = kpi::parse_journal("j.csv",
                                                  "kpi,entity,date,value,note\n"
                                                  "sales.revenue,alice,2026-10-03,345000000,D1\n"
                                                  "sales.revenue,bob,2026-10-09,270000000,D2\n"
                                                  "sales.revenue,bob,2026-09-30,5,before\n"
                                                  "sales.revenue,bob,2026-Q4,6,quarter\n"
                                                  "sales.deal,alice,2026-10-03,7,other kpi\n",
                                                  index());
  BOOST_TEST_REQUIRE(journal.problems.empty());
  const kpi::RowsRead input =
      rows("kpi,entity,date,value,note\nsales.revenue,bob,2026-10-09,270000000,D2\n");
  const kpi::ReplaceScope scope{*kpi::parse_stamp("2026-10").period, {"sales.revenue"}};
  const kpi::RecordPlan plan = kpi::plan_replace_period(journal, input.rows, scope);
  BOOST_TEST(!plan.refused());
  BOOST_TEST((plan.replaced == std::vector<size_t>{0, 1}));
  BOOST_TEST(kpi::replaced_journal_content(journal, plan, input.rows) ==
             "kpi,entity,date,value,note\n"
             "sales.revenue,bob,2026-09-30,5,before\n"
             "sales.revenue,bob,2026-Q4,6,quarter\n"
             "sales.deal,alice,2026-10-03,7,other kpi\n"
             "sales.revenue,bob,2026-10-09,270000000,D2\n");
}

BOOST_AUTO_TEST_CASE(replace_period_takes_shared_keys_and_refuses_rows_outside_it) {
  const kpi::Journal journal = kpi::parse_journal(
      "j.csv", "kpi,entity,date,value\nsales.calls,alice,2026-10-05,1\n", index());
  const kpi::RowsRead twice = rows(
      "kpi,entity,date,value\n"
      "sales.calls,alice,2026-10-05,1\n"
      "sales.calls,alice,2026-10-05,1\n");
  kpi::ReplaceScope scope{*kpi::parse_stamp("2026-10").period, {"sales.revenue", "sales.calls"}};
  const kpi::RecordPlan same_day = kpi::plan_replace_period(journal, twice.rows, scope);
  BOOST_TEST(!same_day.refused());
  BOOST_TEST(same_day.conflicts.empty());
  BOOST_TEST((same_day.replaced == std::vector<size_t>{0}));

  const kpi::RowsRead stray = rows(
      "kpi,entity,date,value\n"
      "sales.calls,alice,2026-11-01,1\n"
      "sales.deal,alice,2026-10-05,1\n"
      "sales.calls,alice,2026-10,1\n"
      "sales.calls,alice,2026-Q4,1\n");
  const kpi::RecordPlan outside = kpi::plan_replace_period(journal, stray.rows, scope);
  BOOST_TEST(outside.refused());
  BOOST_TEST((outside.outside == std::vector<size_t>{0, 1, 3}));
}

BOOST_AUTO_TEST_SUITE_END()
