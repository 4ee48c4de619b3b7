// The payout sheet for people on a terminal: aligned columns, withheld tiers explained
// under the table, the sum of the amounts last.
#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi {

namespace {

using render::display_width;
using render::human_value;
using render::strip_controls;

constexpr size_t k_columns = 10;
constexpr std::array<const char*, k_columns> k_titles = {
    "Person", "Name",       "Unit",       "Total",  "Coverage",
    "Tier",   "Multiplier", "Bonus base", "Active", "Amount"};
/// Text reads left to right; numbers line up on their last digit.
constexpr std::array<bool, k_columns> k_right = {false, false, false, true, true,
                                                 false, true,  true,  true, true};

using Cells = std::array<std::string, k_columns>;

std::string share_text(double share) { return render::human_number(share * 100, 2) + " %"; }

Cells cells_of(const Payout& payout, const PayoutRow& p) {
  return {strip_controls(p.id),
          strip_controls(p.name),
          strip_controls(p.unit),
          render::human_total(p.total, payout.precision),
          render::human_coverage(p.coverage),
          p.tier ? strip_controls(*p.tier) : std::string(render::k_dash),
          p.multiplier ? "\u00d7" + render::human_number(*p.multiplier, 4)
                       : std::string(render::k_dash),
          human_value(p.bonus_base),
          share_text(p.active_share),
          p.withheld ? std::string("withheld") : human_value(p.amount)};
}

std::string line_of(const Cells& cells, const std::array<int, k_columns>& widths) {
  std::string line = " ";
  for (size_t c = 0; c < k_columns; ++c) {
    line += c == 0 ? " " : "  ";
    if (k_right[c]) {
      line += render::pad_left(cells[c], widths[c]);
    } else if (c + 1 < k_columns) {
      line += render::pad_right(cells[c], widths[c]);
    } else {
      line += cells[c];
    }
  }
  return line;
}

}  // namespace

void render_payout_table(std::ostream& out, const Payout& payout) {
  out << strip_controls(payout.workspace) << " \u00b7 payout for " << strip_controls(payout.token)
      << " (" << format_date(payout.period.start) << " to " << format_date(payout.period.end)
      << ") \u00b7 as of " << format_date(payout.as_of) << "\n\n";
  if (payout.people.empty()) {
    out << "  No people.\n";
    return;
  }
  std::vector<Cells> rows;
  Cells titles;
  std::array<int, k_columns> widths{};
  for (size_t c = 0; c < k_columns; ++c) {
    titles[c] = k_titles[c];
    widths[c] = display_width(titles[c]);
  }
  for (const PayoutRow& p : payout.people) {
    rows.push_back(cells_of(payout, p));
    for (size_t c = 0; c < k_columns; ++c) {
      widths[c] = std::max(widths[c], display_width(rows.back()[c]));
    }
  }
  out << line_of(titles, widths) << '\n';
  for (const Cells& row : rows) {
    out << line_of(row, widths) << '\n';
  }
  out << fmt::format("\n  Total amount {} \u00b7 {} of {} paid", human_value(payout.total_amount),
                     payout.paid, payout.people.size());
  if (payout.withheld > 0) {
    out << fmt::format(" \u00b7 {} withheld", payout.withheld);
  }
  out << '\n';
  bool first = true;
  for (const PayoutRow& p : payout.people) {
    if (p.withheld) {
      out << (first ? "\n" : "") << "  " << strip_controls(p.id)
          << " withheld: " << strip_controls(*p.withheld) << '\n';
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
