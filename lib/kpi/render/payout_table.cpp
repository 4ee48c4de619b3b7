// The payout sheet for people on a terminal: aligned columns, withheld tiers explained
// under the table, the sum of the amounts last.
#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi {

namespace {

using render::display_width;
using render::human_value;
using render::strip_controls;

constexpr size_t k_payout_columns = 10;
constexpr std::array<const char*, k_payout_columns> k_payout_titles = {
    "Person", "Name",       "Unit",       "Total",  "Coverage",
    "Tier",   "Multiplier", "Bonus base", "Active", "Amount"};
/// Text reads left to right; numbers line up on their last digit.
constexpr std::array<bool, k_payout_columns> k_payout_right = {false, false, false, true, true,
                                                               false, true,  true,  true, true};

using PayoutCells = std::array<std::string, k_payout_columns>;

std::string active_share_text(double share) { return render::human_number(share * 100, 2) + " %"; }

PayoutCells payout_cells(const Payout& payout, const PayoutRow& p) {
  return {strip_controls(p.id),
          strip_controls(p.name),
          strip_controls(p.unit),
          render::human_total(p.total, payout.precision),
          render::human_coverage(p.coverage),
          p.tier ? strip_controls(*p.tier) : std::string(render::k_dash),
          p.multiplier ? "\u00d7" + render::human_number(*p.multiplier, 4)
                       : std::string(render::k_dash),
          human_value(p.bonus_base),
          active_share_text(p.active_share),
          p.withheld ? std::string(render::tr("withheld")) : human_value(p.amount)};
}

std::string payout_line(const PayoutCells& cells, const std::array<int, k_payout_columns>& widths) {
  std::string line = " ";
  for (size_t c = 0; c < k_payout_columns; ++c) {
    line += c == 0 ? " " : "  ";
    if (k_payout_right[c]) {
      line += render::pad_left(cells[c], widths[c]);
    } else if (c + 1 < k_payout_columns) {
      line += render::pad_right(cells[c], widths[c]);
    } else {
      line += cells[c];
    }
  }
  return line;
}

}  // namespace

void render_payout_table(std::ostream& out, const Payout& payout) {
  out << strip_controls(payout.workspace) << " \u00b7 "
      << strip_controls(render::trf("payout for {}", payout.token)) << " ("
      << render::trf("{} to {}", render::date_in_words(payout.period.start),
                     render::date_in_words(payout.period.end))
      << ") \u00b7 " << render::trf("as of {}", render::date_in_words(payout.as_of)) << "\n\n";
  if (payout.people.empty()) {
    out << "  " << render::tr("No people.") << "\n";
    return;
  }
  std::vector<PayoutCells> rows;
  PayoutCells titles;
  std::array<int, k_payout_columns> widths{};
  for (size_t c = 0; c < k_payout_columns; ++c) {
    titles[c] = render::tr("column", k_payout_titles[c]);
    widths[c] = display_width(titles[c]);
  }
  for (const PayoutRow& p : payout.people) {
    rows.push_back(payout_cells(payout, p));
    for (size_t c = 0; c < k_payout_columns; ++c) {
      widths[c] = std::max(widths[c], display_width(rows.back()[c]));
    }
  }
  out << payout_line(titles, widths) << '\n';
  for (const PayoutCells& row : rows) {
    out << payout_line(row, widths) << '\n';
  }
  out << "\n  "
      << render::trf("Total amount {} \u00b7 {} of {} paid", human_value(payout.total_amount),
                     payout.paid, payout.people.size());
  if (payout.withheld > 0) {
    out << " \u00b7 " << render::trf("{} withheld", payout.withheld);
  }
  out << '\n';
  bool first = true;
  for (const PayoutRow& p : payout.people) {
    if (p.withheld) {
      out << (first ? "\n" : "") << "  " << strip_controls(p.id) << " " << render::tr("withheld")
          << ": " << strip_controls(*p.withheld) << '\n';
      first = false;
    }
  }
  if (!payout.warnings.empty()) {
    out << '\n';
    for (const Diagnostic& d : payout.warnings) {
      out << render::severity_name(d.severity) << ": "
          << strip_controls(render::where_and_message(d)) << '\n';
    }
  }
}

}  // namespace kpi
