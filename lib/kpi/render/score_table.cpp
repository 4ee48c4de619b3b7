// For people on a terminal: one block per entity, columns aligned by display width.
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
using render::strip_controls;

constexpr size_t k_columns = 9;
constexpr std::array<const char*, k_columns> k_titles = {
    "KPI", "Unit", "Actual", "Target", "Achv %", "Points", "Score", "Weight", "Status"};
/// KPI, unit and status read left to right; the numbers line up on their last digit.
constexpr std::array<bool, k_columns> k_right = {false, false, true, true, true,
                                                 true,  true,  true, false};
constexpr const char* k_indent = "  ";
constexpr const char* k_gap = "  ";

struct Row {
  std::array<std::string, k_columns> cells;
  Status status = Status::none;
  std::string note;  ///< the band's label, else why the KPI is unscored
};

/// `by_name`: the KPI's name in the first cell, else its id (where space is short).
Row make_row(const KpiScore& k, bool by_name) {
  Row row;
  row.cells = {strip_controls(by_name ? render::kpi_label(k) : k.id),
               strip_controls(k.unit),
               render::human_value(k.actual),
               render::human_target(k.target),
               render::human_value(k.achievement),
               render::human_value(k.points),
               render::human_value(k.score),
               render::human_value(k.weight),
               render::status_label(k.status)};
  row.status = k.status;
  row.note = strip_controls(k.label ? *k.label : k.reason.value_or(""));
  return row;
}

std::string_view colour_of(Status status) {
  switch (status) {
    case Status::green:
      return "\x1b[32m";
    case Status::amber:
      return "\x1b[33m";
    case Status::red:
      return "\x1b[31m";
    case Status::none:
      return "\x1b[2m";
  }
  return "";
}

/// Cells padded to the shared widths; the last cell is padded only when a note follows,
/// so that no line ends in spaces. Colour wraps the status word, never its padding.
std::string format_row(const Row& row, const std::array<int, k_columns>& widths, bool colour) {
  std::string line = k_indent;
  for (size_t c = 0; c < k_columns; ++c) {
    bool last = c + 1 == k_columns;
    if (c > 0) {
      line += k_gap;
    }
    const std::string& cell = row.cells[c];
    if (k_right[c]) {
      line += render::pad_left(cell, widths[c]);
      continue;
    }
    if (last && colour) {
      line += std::string(colour_of(row.status)) + cell + "\x1b[0m";
    } else {
      line += cell;
    }
    if (!last || !row.note.empty()) {
      line.append(static_cast<size_t>(std::max(0, widths[c] - display_width(cell))), ' ');
    }
  }
  if (!row.note.empty()) {
    line += k_gap + row.note;
  }
  return line;
}

struct Layout {
  std::vector<std::vector<Row>> rows;  ///< per entity
  std::array<int, k_columns> widths{};
  int line_width = 0;  ///< of the widest row, its note included
};

Layout lay_out(const std::vector<const EntityScore*>& entities, const Row& titles, bool by_name) {
  Layout layout;
  for (size_t c = 0; c < k_columns; ++c) {
    layout.widths[c] = display_width(titles.cells[c]);
  }
  int widest_note = 0;
  for (const EntityScore* e : entities) {
    layout.rows.emplace_back();
    for (const KpiScore& k : e->kpis) {
      Row& row = layout.rows.back().emplace_back(make_row(k, by_name));
      for (size_t c = 0; c < k_columns; ++c) {
        layout.widths[c] = std::max(layout.widths[c], display_width(row.cells[c]));
      }
      widest_note = std::max(widest_note, display_width(row.note));
    }
  }
  layout.line_width = display_width(k_indent) + widest_note;
  for (size_t c = 0; c < k_columns; ++c) {
    layout.line_width += layout.widths[c] + display_width(k_gap);
  }
  return layout;
}

std::string heading(const EntityScore& e) {
  return strip_controls(e.name) + " (" + strip_controls(e.id) + ")";
}

/// "Total 82.50 (coverage 80 %) · reward withheld: 1 of 5 KPIs unscored: ...": the total
/// with the precision's decimals, its coverage when partial, and a withheld reward in words.
std::string total_line(const ScoreResult& result, const EntityScore& e) {
  std::string line =
      std::string(k_indent) + render::tr("Total") + " " + render::total_text(result, e);
  if (e.is_unit) {
    return line + " · " + render::tr("members mean") + " " +
           render::human_total(e.members_mean, result.precision);
  }
  return line + " · " + render::tr("reward") + " " + strip_controls(render::reward_text(e));
}

}  // namespace

void render_score_table(std::ostream& out, const ScoreResult& result,
                        const RenderOptions& options) {
  // People first, then units, whatever order the result came in.
  std::vector<const EntityScore*> entities;
  for (bool units : {false, true}) {
    for (const EntityScore& e : result.entities) {
      if (e.is_unit == units) {
        entities.push_back(&e);
      }
    }
  }
  // One set of widths for every block, so that blocks can be compared by eye.
  Row titles;
  for (size_t c = 0; c < k_columns; ++c) {
    titles.cells[c] = render::tr("column", k_titles[c]);
  }
  Layout layout = lay_out(entities, titles, true);
  if (options.width > 0 && layout.line_width > options.width) {
    // A narrow terminal: the ids, when they make the table narrower.
    Layout by_id = lay_out(entities, titles, false);
    if (by_id.line_width < layout.line_width) {
      layout = std::move(by_id);
    }
  }
  const std::vector<std::vector<Row>>& rows = layout.rows;
  const std::array<int, k_columns>& widths = layout.widths;
  int heading_width = 0;
  for (const EntityScore* e : entities) {
    heading_width = std::max(heading_width, display_width(heading(*e)));
  }
  for (size_t i = 0; i < entities.size(); ++i) {
    const EntityScore& e = *entities[i];
    out << (i > 0 ? "\n" : "") << render::pad_right(heading(e), heading_width) << " · "
        << (e.is_unit ? render::tr("organisation", "unit") : render::tr("person"));
    if (!e.is_unit && e.member_of) {
      out << " · " << strip_controls(render::entity_name(result, *e.member_of));
    }
    out << '\n';
    if (rows[i].empty()) {
      out << k_indent << render::tr("No KPIs.") << '\n';
    } else {
      out << format_row(titles, widths, false) << '\n';
      for (const Row& row : rows[i]) {
        out << format_row(row, widths, options.color) << '\n';
      }
    }
    out << total_line(result, e) << '\n';
  }
  if (!result.warnings.empty()) {
    out << (entities.empty() ? "" : "\n");
    for (const Diagnostic& d : result.warnings) {
      out << render::severity_name(d.severity) << ": "
          << strip_controls(render::where_and_message(d)) << '\n';
    }
  }
}

}  // namespace kpi
