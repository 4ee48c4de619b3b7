// The payout sheet as CSV or TSV: the columns a payroll import maps and a row per person,
// nothing else (a sum row would be imported as one more person; the CLI says the sum on
// stderr).
#include <array>

#include "kpi/render/csv_writer.hpp"
#include "kpi/render/render.hpp"

namespace kpi {

namespace {

constexpr std::array k_payout_header = {"id",           "name",   "unit",       "total",
                                        "coverage",     "tier",   "multiplier", "bonus_base",
                                        "active_share", "amount", "withheld"};

}  // namespace

void render_payout_csv(std::ostream& out, const Payout& payout, char delimiter) {
  render::RowWriter row(out, delimiter);
  for (const char* name : k_payout_header) {
    row.text(name);
  }
  row.end_row();
  for (const PayoutRow& p : payout.people) {
    row.text(p.id);
    row.text(p.name);
    row.text(p.unit);
    row.number(p.total);
    row.number(p.coverage);
    row.optional_text(p.tier);
    row.number(p.multiplier);
    row.number(p.bonus_base);
    row.number(p.active_share);
    row.number(p.amount);
    row.optional_text(p.withheld);
    row.end_row();
  }
}

}  // namespace kpi
