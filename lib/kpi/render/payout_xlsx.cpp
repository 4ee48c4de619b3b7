// The payout sheet as an Excel workbook: one sheet, the columns of the CSV as real
// numbers, then a total row whose SUM holds kpi's own sum as its value.
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/xlsx_book.hpp"

namespace kpi {

std::string render_payout_xlsx(const Payout& payout) {
  using render::CellFormat;
  render::XlsxBook book(payout.workspace + " payout " + payout.token, payout.as_of);
  render::XlsxSheet& sheet = book.add_sheet("Payout");
  sheet.text(0, 0, render::trf("{}: payout for {}", payout.workspace, payout.token),
             CellFormat::title);
  sheet.text(1, 0, render::tr("Period"));
  sheet.date(1, 1, payout.period.start);
  sheet.date(1, 2, payout.period.end);
  sheet.text(1, 3, render::tr("As of"));
  sheet.date(1, 4, payout.as_of);
  constexpr uint32_t k_header_row = 3;
  sheet.header(k_header_row, {"Person", "Name", "Unit", "Total", "Coverage", "Tier", "Multiplier",
                              "Bonus base", "Active share", "Amount", "Withheld"});
  uint32_t row = k_header_row;
  for (const PayoutRow& p : payout.people) {
    ++row;
    sheet.text(row, 0, p.id);
    sheet.text(row, 1, p.name);
    sheet.text(row, 2, p.unit);
    sheet.number(row, 3, p.total, CellFormat::total);
    sheet.number(row, 4, p.coverage, CellFormat::percent);
    sheet.optional_text(row, 5, p.tier);
    sheet.number(row, 6, p.multiplier, CellFormat::multiplier);
    sheet.number(row, 7, p.bonus_base, CellFormat::number);
    sheet.number(row, 8, p.active_share, CellFormat::fraction);
    sheet.number(row, 9, p.amount, CellFormat::number);
    sheet.optional_text(row, 10, p.withheld);
  }
  const uint32_t last = row;
  sheet.finish_table(k_header_row, last, 11);
  if (!payout.people.empty()) {
    sheet.text(last + 1, 0, render::tr("Total"), CellFormat::header);
    sheet.sum(last + 1, 9, k_header_row + 1, last, payout.total_amount);
  }
  return book.finish();
}

}  // namespace kpi
