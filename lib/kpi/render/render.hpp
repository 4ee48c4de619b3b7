#pragma once
// Renderers: a ScoreResult (or findings) in one output format. They write to a caller's
// stream and never decide where output goes.

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/explain/explain.hpp"
#include "kpi/golden/golden.hpp"
#include "kpi/payout/payout.hpp"
#include "kpi/report/report.hpp"
#include "kpi/score/score.hpp"

namespace kpi {

struct RenderOptions {
  bool color = false;  ///< ANSI colours in the table format (the CLI decides)
  /// The terminal's columns (0: no limit): a table wider than this shows KPI ids, not names.
  int width = 0;
};

/// kpi.score/1, exactly as cli.md shows; numbers at full precision; null where absent.
void render_score_json(std::ostream& out, const ScoreResult& result);
/// One row per (entity, KPI) with a header; `delimiter` ',' (csv) or '\t' (tsv).
/// Text cells starting with = + - @ are made harmless for spreadsheets.
void render_score_csv(std::ostream& out, const ScoreResult& result, char delimiter);
/// A GitHub-flavoured Markdown table per entity.
void render_score_markdown(std::ostream& out, const ScoreResult& result);
/// An Excel workbook (its bytes): Totals, KPIs and, when there are any, Warnings sheets,
/// numbers as number cells with formats, frozen headers, autofilters.
std::string render_score_xlsx(const ScoreResult& result);
/// For people on a terminal: one aligned block per entity, warnings after the blocks.
void render_score_table(std::ostream& out, const ScoreResult& result, const RenderOptions& options);

/// kpi.payout/1 (kpi-payout(1)): a row per person, the sum of the amounts, warnings.
void render_payout_json(std::ostream& out, const Payout& payout);
/// A header and a row per person, nothing else, so that a payroll import reads every row.
void render_payout_csv(std::ostream& out, const Payout& payout, char delimiter);
/// An Excel workbook (its bytes): the Payout sheet, a total row with the sum.
std::string render_payout_xlsx(const Payout& payout);
/// For people on a terminal: aligned rows, the sum, why tiers were withheld, warnings.
void render_payout_table(std::ostream& out, const Payout& payout);

/// kpi.report/1 (kpi-report(1)): the period's kpi.score/1, the compared one, trend
/// series, summary, at-risk and data-quality sections.
void render_report_json(std::ostream& out, const Report& report);
/// GitHub-flavoured Markdown for a terminal, a wiki, a pull request or an e-mail.
void render_report_markdown(std::ostream& out, const Report& report);
/// One self-contained HTML file: inline CSS and SVG, no scripts, printable.
/// `generated` (empty: left out) is the only wall-clock text, from SOURCE_DATE_EPOCH.
void render_report_html(std::ostream& out, const Report& report, std::string_view generated);

/// A MIME message (multipart/related, CRLF lines) of the HTML report whose charts are PNG
/// parts named by Content-ID, for mail readers that drop inline SVG; Subject in the
/// labels' language. The same report gives the same bytes. Returns the message's size.
uint64_t render_report_eml(std::ostream& out, const Report& report, std::string_view generated);
/// An Excel workbook (its bytes): Summary, Scorecards, At risk and Data quality sheets.
std::string render_report_xlsx(const Report& report);

/// kpi.explain/1 (kpi-explain(1)): one KPI's numbers at the top level, or the
/// scorecard's KPIs in `kpis`; rows with their file and line (or sheet and row).
void render_explain_json(std::ostream& out, const Explanation& explanation);
/// For people: the path of the number, step by step (text), or the same as Markdown.
void render_explain_text(std::ostream& out, const Explanation& explanation);
void render_explain_markdown(std::ostream& out, const Explanation& explanation);

/// kpi test: each failing field as "file:line: test: subject field: expected E, got A",
/// then a summary line. Errors are diagnostics, which the caller prints.
void render_golden_text(std::ostream& out, const std::vector<GoldenReport>& reports);
/// JUnit XML: a testsuite per test file, a testcase per expectation (and one per test
/// whose period or rows have errors), failures and errors with their positions.
void render_golden_junit(std::ostream& out, const std::vector<GoldenReport>& reports);

/// A JSON Schema (draft-07) of kpi.yaml and the files it includes, from the loader's key
/// table: every key the loader knows and no other, each value as the loader reads it.
void render_schema(std::ostream& out);

}  // namespace kpi
