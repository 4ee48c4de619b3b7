// kpi report as an Excel workbook: Summary, Scorecards, At risk and Data quality sheets,
// the numbers of the JSON report as number cells.
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/report_common.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/xlsx_book.hpp"

namespace kpi {

namespace {

using render::CellFormat;
using render::XlsxSheet;

void summary_sheet(XlsxSheet& sheet, const Report& r) {
  render::write_period_lines(sheet,
                             render::trf("{}: report for {}", r.current.workspace, r.current.token),
                             r.current.period, r.current.as_of);
  sheet.text(2, 0, render::tr("Company total"));
  sheet.number(2, 1, r.company_total, CellFormat::total);
  sheet.text(2, 3, render::status_label(Status::green));
  sheet.number(2, 4, r.counts.green, CellFormat::number);
  sheet.text(2, 5, render::status_label(Status::amber));
  sheet.number(2, 6, r.counts.amber, CellFormat::number);
  sheet.text(2, 7, render::status_label(Status::red));
  sheet.number(2, 8, r.counts.red, CellFormat::number);
  sheet.text(2, 9, render::status_word(Status::none));
  sheet.number(2, 10, r.counts.none, CellFormat::number);
  render::write_totals_sheet(sheet, r.current, 4);
}

void at_risk_sheet(XlsxSheet& sheet, const Report& r) {
  sheet.header(0, {"Entity", "Name", "KPI", "KPI name", "Actual", "Target", "Achievement", "Status",
                   "Behind pace", "Projected", "Period target"});
  uint32_t row = 0;
  for (const AtRisk& a : r.at_risk) {
    ++row;
    const KpiScore* k = render::current_kpi(r, a.entity, a.kpi);
    sheet.text(row, 0, a.entity);
    sheet.text(row, 1, render::entity_name(r.current, a.entity));
    sheet.text(row, 2, a.kpi);
    sheet.text(row, 3, render::kpi_name(r, a.kpi));
    if (k != nullptr) {
      sheet.number(row, 4, k->actual, CellFormat::number);
      sheet.number(row, 5, k->target ? std::optional<double>(k->target->low) : std::nullopt,
                   CellFormat::number);
      sheet.number(row, 6, k->achievement, CellFormat::percent);
    }
    sheet.text(row, 7, render::status_word(a.status));
    sheet.text(row, 8, a.behind_pace ? render::tr("yes") : render::tr("no"));
    sheet.number(row, 9, a.projected, CellFormat::number);
    sheet.number(row, 10, a.full_target ? std::optional<double>(a.full_target->low) : std::nullopt,
                 CellFormat::number);
  }
  sheet.finish_table(0, row, 11);
}

void quality_sheet(XlsxSheet& sheet, const Report& r) {
  sheet.header(0, {"Kind", "Entity", "KPI", "KPI name", "File", "Line", "Message"});
  uint32_t row = 0;
  for (const QualityIssue& q : r.quality) {
    ++row;
    sheet.text(row, 0, to_string(q.kind));
    sheet.text(row, 1, q.entity);
    sheet.text(row, 2, q.kpi);
    if (!q.kpi.empty()) {
      sheet.text(row, 3, render::kpi_name(r, q.kpi));
    }
    sheet.text(row, 4, q.where.file);
    sheet.number(
        row, 5,
        q.where.line > 0 ? std::optional<double>(static_cast<double>(q.where.line)) : std::nullopt,
        CellFormat::number);
    sheet.text(row, 6, q.message);
  }
  sheet.finish_table(0, row, 7);
}

}  // namespace

std::string render_report_xlsx(const Report& report) {
  render::XlsxBook book(report.current.workspace + " report " + report.current.token,
                        report.current.as_of);
  summary_sheet(book.add_sheet("Summary"), report);
  render::write_kpi_sheet(book.add_sheet("Scorecards"), report.current, 0,
                          report.compared ? &*report.compared : nullptr);
  at_risk_sheet(book.add_sheet("At risk"), report);
  quality_sheet(book.add_sheet("Data quality"), report);
  return book.finish();
}

}  // namespace kpi
