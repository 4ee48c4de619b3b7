// kpi score as an Excel workbook: a Totals sheet (an entity per row) and a KPIs sheet
// (an entity and KPI per row, the columns of the CSV), numbers as numbers.
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/xlsx_book.hpp"

namespace kpi {

namespace render {

void write_period_lines(XlsxSheet& sheet, const std::string& heading, const Period& period,
                        Date as_of) {
  sheet.text(0, 0, heading, CellFormat::title);
  sheet.text(1, 0, tr("Period"));
  sheet.date(1, 1, period.start);
  sheet.date(1, 2, period.end);
  sheet.text(1, 3, tr("As of"));
  sheet.date(1, 4, as_of);
}

void write_totals_sheet(XlsxSheet& sheet, const ScoreResult& result, uint32_t header_row) {
  sheet.header(header_row, {"Entity", "Kind", "Name", "Member of", "Total", "Coverage",
                            "Members' mean", "Tier", "Multiplier", "Amount", "Withheld"});
  uint32_t row = header_row;
  for (const EntityScore& e : result.entities) {
    ++row;
    const std::optional<Reward>& tier = e.reward ? e.reward : e.withheld_reward;
    sheet.text(row, 0, e.id);
    sheet.text(row, 1, e.is_unit ? tr("organisation", "unit") : tr("person"));
    sheet.text(row, 2, e.name);
    sheet.optional_text(row, 3, e.is_unit ? std::nullopt : e.member_of);
    sheet.number(row, 4, e.total, CellFormat::total);
    sheet.number(row, 5, e.coverage, CellFormat::percent);
    sheet.number(row, 6, e.members_mean, CellFormat::total);
    if (tier) {
      sheet.text(row, 7, tier->label);
      sheet.number(row, 8, tier->multiplier, CellFormat::multiplier);
    }
    sheet.number(row, 9, e.reward ? e.reward->amount : std::nullopt, CellFormat::number);
    sheet.optional_text(row, 10, e.withheld);
  }
  sheet.finish_table(header_row, row, 11);
}

void write_kpi_sheet(XlsxSheet& sheet, const ScoreResult& result, uint32_t header_row,
                     const ScoreResult* compared) {
  std::vector<std::string_view> titles = {
      "Entity",      "Name",   "KPI",   "KPI name", "Unit",   "Actual", "Target", "Target high",
      "Achievement", "Points", "Score", "Weight",   "Status", "Label",  "Rows",   "Reason"};
  if (compared != nullptr) {
    titles.emplace_back("Change");
  }
  sheet.header(header_row, titles);
  const std::vector<int> then_at =
      compared != nullptr ? entity_indexes(result, *compared) : std::vector<int>();
  uint32_t row = header_row;
  for (size_t ei = 0; ei < result.entities.size(); ++ei) {
    const EntityScore& e = result.entities[ei];
    for (const KpiScore& k : e.kpis) {
      ++row;
      sheet.text(row, 0, e.id);
      sheet.text(row, 1, e.name);
      sheet.text(row, 2, k.id);
      sheet.text(row, 3, k.name);
      sheet.text(row, 4, k.unit);
      sheet.number(row, 5, k.actual, CellFormat::number);
      if (k.target) {
        sheet.number(row, 6, k.target->low, CellFormat::number);
        if (k.target->is_range) {
          sheet.number(row, 7, k.target->high, CellFormat::number);
        }
      }
      sheet.number(row, 8, k.achievement, CellFormat::percent);
      sheet.number(row, 9, k.points, CellFormat::number);
      sheet.number(row, 10, k.score, CellFormat::number);
      sheet.number(row, 11, k.weight, CellFormat::number);
      sheet.text(row, 12, status_label(k.status));
      sheet.optional_text(row, 13, k.label);
      sheet.number(row, 14,
                   k.rows ? std::optional<double>(static_cast<double>(*k.rows)) : std::nullopt,
                   CellFormat::number);
      sheet.optional_text(row, 15, k.reason);
      if (compared != nullptr) {
        const EntityScore* then =
            then_at[ei] >= 0 ? &compared->entities[static_cast<size_t>(then_at[ei])] : nullptr;
        const KpiScore* before = then != nullptr ? find_kpi_score(*then, k.id) : nullptr;
        if (k.score && before != nullptr && before->score) {
          sheet.number(row, 16, *k.score - *before->score, CellFormat::number);
        }
      }
    }
  }
  sheet.finish_table(header_row, row, static_cast<uint16_t>(titles.size()));
}

}  // namespace render

std::string render_score_xlsx(const ScoreResult& result) {
  render::XlsxBook book(result.workspace + " " + result.token, result.as_of);
  render::XlsxSheet& totals = book.add_sheet("Totals");
  render::write_period_lines(totals, result.workspace + ": " + result.token, result.period,
                             result.as_of);
  render::write_totals_sheet(totals, result, 3);
  render::write_kpi_sheet(book.add_sheet("KPIs"), result, 0);
  if (!result.warnings.empty()) {
    render::XlsxSheet& warnings = book.add_sheet("Warnings");
    warnings.header(0, {"Severity", "Rule", "File", "Line", "Message"});
    uint32_t row = 0;
    for (const Diagnostic& d : result.warnings) {
      ++row;
      warnings.text(row, 0, render::severity_name(d.severity));
      warnings.text(row, 1, d.rule);
      warnings.text(row, 2, d.where.file);
      warnings.number(row, 3,
                      d.where.line > 0 ? std::optional<double>(static_cast<double>(d.where.line))
                                       : std::nullopt,
                      render::CellFormat::number);
      warnings.text(row, 4, d.message);
    }
    warnings.finish_table(0, row, 5);
  }
  return book.finish();
}

}  // namespace kpi
