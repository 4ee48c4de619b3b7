// The period report as one self-contained HTML file: inline CSS and SVG, no scripts,
// no remote assets; every user-written string escaped; printable.
#include <fmt/format.h>

#include <sstream>

#include "kpi/render/escape.hpp"
#include "kpi/render/html_tables.hpp"
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/report_common.hpp"
#include "kpi/render/report_style.hpp"
#include "kpi/render/svg.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi {

namespace {

using render::html_escape;
using render::human_value;
using render::report_total;
using render::tr;
using render::trf;

/// A table's box, which scrolls sideways where the page is narrower than the table: a
/// named region that the keyboard can reach and scroll (WCAG 2.1.1).
std::string scroll_open(const std::string& name) {
  return "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + html_escape(name) +
         "\">";
}

/// A column title in the labels' language; `number` right-aligns it over numbers.
std::string th(const char* title, bool number) {
  return std::string(number ? "<th class=\"num\">" : "<th>") + html_escape(tr("column", title)) +
         "</th>";
}

std::string pill(Status status) {
  return "<span class=\"pill " + render::status_class(status) + "\">" +
         render::status_word(status) + "</span>";
}

std::string change_cell(const std::optional<double>& delta) {
  const char* cls = !delta || render::signed_change(delta) == "0" ? "num"
                    : *delta > 0                                  ? "num up"
                                                                  : "num down";
  return fmt::format("<td class=\"{}\">{}</td>", cls, render::signed_change(delta));
}

/// The reward tier's label, or why it is withheld, in words.
std::string tier_text(const EntityScore& e) {
  if (e.withheld) {
    return "<span class=\"withheld\">" + html_escape(tr("withheld")) + ": " +
           html_escape(*e.withheld) + "</span>";
  }
  return e.reward ? html_escape(e.reward->label) : std::string(render::k_dash);
}

std::string num_cell(const std::string& text) { return "<td class=\"num\">" + text + "</td>"; }

std::string who(const Report& r, std::string_view id) {
  return html_escape(render::entity_name(r.current, id));
}

void write_header(std::ostream& out, const Report& r) {
  const std::string title =
      html_escape(trf("{}: report for {}", r.current.workspace, r.current.token));
  out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(render::language())
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << title << "</title>\n<style>" << render::report_stylesheet()
      << "</style>\n</head>\n<body>\n<header class=\"top\"><div class=\"inner\">\n"
      << "<h1>" << html_escape(r.current.workspace) << "</h1>\n<p>"
      << html_escape(trf("Report for {}", r.current.token)) << " \u00b7 "
      << html_escape(render::period_dates(r.current.period))
      << "</p>\n<div class=\"badges\"><span class=\"badge\">"
      << html_escape(trf("As of {}", render::date_in_words(r.current.as_of)))
      << "</span><span class=\"badge" << (r.running ? " running" : "") << "\">"
      << html_escape(trf("Period {}", render::period_state(r))) << "</span>";
  if (r.compared) {
    out << "<span class=\"badge\">"
        << html_escape(trf("Compared with {}", render::compared_description(r))) << "</span>";
  }
  out << "</div>\n</div></header>\n<main>\n";
  if (r.no_data) {
    out << "<p class=\"alert\" role=\"alert\">" << html_escape(render::no_data_notice(r))
        << "</p>\n";
  }
}

void write_tiles(std::ostream& out, const Report& r) {
  out << "<div class=\"tiles\">\n"
      << "<div class=\"tile\"><div class=\"n\">" << report_total(r, r.company_total)
      << "</div><div class=\"k\">" << html_escape(tr("Company total")) << "</div></div>\n";
  const std::pair<const char*, int> counts[] = {{"green", r.counts.green},
                                                {"amber", r.counts.amber},
                                                {"red", r.counts.red},
                                                {"none", r.counts.none}};
  for (const auto& [cls, n] : counts) {
    out << "<div class=\"tile " << cls << "\"><div class=\"n\">" << n << "</div><div class=\"k\">"
        << html_escape(trf("{} KPIs", std::string_view(cls) == "none"
                                          ? render::status_word(Status::none)
                                          : render::tr("status", cls)))
        << "</div></div>\n";
  }
  out << "</div>\n";
}

void write_summary(std::ostream& out, const Report& r) {
  out << "<section class=\"summary\">\n<h2>" << html_escape(tr("Summary")) << "</h2>\n";
  write_tiles(out, r);
  out << "<div class=\"card\" style=\"margin-top:16px\"><h3>" << html_escape(tr("Units"))
      << "</h3>\n"
      << scroll_open(tr("Units")) << "<table><thead><tr>" << th("Unit", false) << th("Total", true)
      << th("Coverage", true) << th("Members' mean", true) << th("Change", true)
      << th("Trend", false) << "</tr></thead><tbody>\n";
  for (const EntityScore& e : r.current.entities) {
    if (e.is_unit) {
      out << "<tr><td>" << html_escape(e.name) << "</td>" << num_cell(report_total(r, e.total))
          << num_cell(render::human_coverage(e.coverage))
          << num_cell(report_total(r, e.members_mean))
          << change_cell(render::change(e.total, render::compared_total(r, e))) << "<td>"
          << render::sparkline(render::total_trend(r, e), 100, Status::none,
                               trf("total of {} per period", e.name))
          << "</td></tr>\n";
    }
  }
  out << "</tbody></table></div></div>\n";
  std::vector<render::Bar> bars;
  out << "<div class=\"card\"><h3>" << html_escape(tr("People and rewards")) << "</h3>\n"
      << scroll_open(tr("People and rewards")) << "<table><thead><tr>" << th("Person", false)
      << th("Total", true) << th("Coverage", true) << th("Change", true) << th("Reward", false)
      << th("Multiplier", true) << th("Amount", true) << "</tr></thead><tbody>\n";
  for (const EntityScore& e : r.current.entities) {
    if (e.is_unit) {
      continue;
    }
    out << "<tr><td>" << html_escape(e.name) << "</td>" << num_cell(report_total(r, e.total))
        << num_cell(render::human_coverage(e.coverage))
        << change_cell(render::change(e.total, render::compared_total(r, e))) << "<td>"
        << tier_text(e) << "</td>"
        << num_cell(e.reward ? "\u00d7" + render::human_number(e.reward->multiplier, 4)
                             : std::string(render::k_dash))
        << num_cell(human_value(e.reward ? e.reward->amount : std::nullopt)) << "</tr>\n";
    bars.push_back(render::Bar{e.name, e.total, Status::none, report_total(r, e.total), true});
  }
  out << "</tbody></table></div>\n"
      << render::total_chart(bars, tr("total per person")) << "\n</div>\n";
  if (!r.movers.empty()) {
    out << "<div class=\"card\"><h3>" << html_escape(tr("Largest movers"))
        << "</h3><p class=\"meta\">" << html_escape(trf("Score against {}", r.compared->token))
        << "</p>\n"
        << scroll_open(tr("Largest movers")) << "<table><thead><tr>" << th("Who", false)
        << th("KPI", false) << th("Before", true) << th("After", true) << th("Change", true)
        << "</tr></thead><tbody>\n";
    for (const Mover& m : r.movers) {
      out << "<tr><td>" << who(r, m.entity) << "</td><td>"
          << html_escape(render::kpi_name(r, m.kpi)) << "</td>"
          << num_cell(render::human_number(m.before, 2))
          << num_cell(render::human_number(m.after, 2)) << change_cell(m.change) << "</tr>\n";
    }
    out << "</tbody></table></div></div>\n";
  }
  out << "</section>\n";
}

void write_at_risk(std::ostream& out, const Report& r) {
  out << "<section class=\"risk\">\n<h2>" << html_escape(tr("At risk"))
      << "</h2>\n<div class=\"card\">";
  if (r.at_risk.empty()) {
    out << "<p class=\"meta\">" << html_escape(tr("Nothing is red, amber or behind pace."))
        << "</p></div>\n</section>\n";
    return;
  }
  // The projection exists only while the period runs.
  out << scroll_open(tr("At risk")) << "<table><thead><tr>" << th("Who", false) << th("KPI", false)
      << th("Actual", true) << th("Target", true) << th("Achiev.", true) << th("Status", false)
      << (r.running ? th("Projected", true) + th("Period target", true) : std::string())
      << "</tr></thead><tbody>\n";
  for (const AtRisk& a : r.at_risk) {
    const KpiScore* k = render::current_kpi(r, a.entity, a.kpi);
    out << "<tr><td>" << who(r, a.entity) << "</td><td>" << html_escape(render::kpi_name(r, a.kpi))
        << "</td>" << num_cell(human_value(k ? k->actual : std::nullopt))
        << num_cell(html_escape(render::human_target(k ? k->target : std::nullopt)))
        << num_cell(human_value(k ? k->achievement : std::nullopt)) << "<td>" << pill(a.status)
        << (a.behind_pace ? " " + html_escape(tr("behind pace")) : "") << "</td>";
    if (r.running) {
      out << num_cell(human_value(a.projected))
          << num_cell(html_escape(render::human_target(a.full_target)));
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div></div>\n</section>\n";
}

/// One readable chart per KPI over the trend periods, with its 100 % line.
void write_trends(std::ostream& out, const Report& r, const EntityScore& e) {
  if (r.trend.empty() || e.kpis.empty()) {
    return;
  }
  std::vector<std::string> periods;
  for (const TrendPeriod& p : r.trend.periods) {
    periods.push_back(p.token);
  }
  out << "<div class=\"trends\">\n";
  for (const KpiScore& k : e.kpis) {
    const std::string name = render::kpi_label(k);
    out << "<figure><figcaption>" << html_escape(name) << "</figcaption>"
        << render::trend_chart(render::achievement_trend(r, e, k), periods, k.status,
                               trf("achievement of {} per period", name))
        << "</figure>\n";
  }
  out << "</div>\n";
}

void write_scorecard(std::ostream& out, const Report& r, const EntityScore& e) {
  out << "<section class=\"card " << (e.is_unit ? "unit" : "person") << "\">\n<h3>"
      << html_escape(e.name) << "</h3>\n<p class=\"meta\">"
      << html_escape(e.is_unit ? tr("Unit") : tr("Person")) << " \u00b7 <code>" << html_escape(e.id)
      << "</code> \u00b7 " << html_escape(tr("total")) << " <strong>" << report_total(r, e.total)
      << "</strong>";
  if (e.coverage) {
    out << " \u00b7 " << html_escape(tr("coverage")) << " " << render::human_coverage(e.coverage);
  }
  out << " \u00b7 " << html_escape(tr("change")) << " "
      << render::signed_change(render::change(e.total, render::compared_total(r, e)));
  if (e.is_unit) {
    out << " \u00b7 " << html_escape(tr("members' mean")) << " " << report_total(r, e.members_mean);
  } else {
    out << " \u00b7 " << html_escape(tr("reward")) << " " << tier_text(e);
  }
  if (!e.active) {
    out << " \u00b7 " << html_escape(tr("not active in the period"));
  }
  out << "</p>\n";
  if (e.kpis.empty()) {
    out << "<p class=\"meta\">" << html_escape(tr("No KPIs.")) << "</p>\n</section>\n";
    return;
  }
  std::vector<render::Bar> bars;
  for (const KpiScore& k : e.kpis) {
    bars.push_back(render::Bar{
        render::kpi_label(k), k.achievement, k.status,
        k.achievement ? human_value(k.achievement) + " %"
                      : std::string(k.missing ? tr("no data") : tr("status", "unscored"))});
  }
  out << render::achievement_chart(bars, trf("achievement of {} against 100 %", e.name)) << '\n';
  out << scroll_open(e.name) << "<table><thead><tr>" << th("KPI", false) << th("Unit", false)
      << th("Actual", true) << th("Target", true) << th("Achiev.", true) << th("Points", true)
      << th("Score", true) << th("Weight", true) << th("Status", false) << th("Change", true)
      << "</tr></thead><tbody>\n";
  for (const KpiScore& k : e.kpis) {
    const KpiScore* before = render::compared_kpi(r, e, k.id);
    out << "<tr><td>" << html_escape(render::kpi_label(k)) << "</td><td>" << html_escape(k.unit)
        << "</td>" << num_cell(human_value(k.actual))
        << num_cell(html_escape(render::human_target(k.target)))
        << num_cell(human_value(k.achievement)) << num_cell(human_value(k.points))
        << num_cell(human_value(k.score)) << num_cell(render::human_value(k.weight))
        << "<td class=\"status\">" << pill(k.status) << (k.label ? " " + html_escape(*k.label) : "")
        << "</td>" << change_cell(render::change(k.score, before ? before->score : std::nullopt))
        << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
  write_trends(out, r, e);
  for (const KpiScore& k : e.kpis) {
    if (k.reason) {
      out << "<p class=\"reason\">" << html_escape(render::kpi_label(k)) << ": "
          << html_escape(*k.reason) << "</p>\n";
    }
  }
  out << "</section>\n";
}

void write_quality(std::ostream& out, const Report& r) {
  out << "<section class=\"quality\">\n<h2>" << html_escape(tr("Data quality"))
      << "</h2>\n<div class=\"card\">";
  if (r.quality.empty()) {
    out << "<p class=\"meta\">"
        << html_escape(tr("Every KPI has data; no partial rows; no cascade gaps.")) << "</p>";
  } else {
    out << "<ul class=\"issues\">\n";
    for (const QualityIssue& q : r.quality) {
      out << "<li><span class=\"kind\">" << to_string(q.kind) << "</span>: ";
      if (!q.entity.empty()) {
        out << who(r, q.entity)
            << (q.kpi.empty() ? "" : ", " + html_escape(render::kpi_name(r, q.kpi))) << ": ";
      }
      if (!q.where.file.empty()) {
        out << "<code>" << html_escape(q.where.file)
            << (q.where.line > 0 ? ":" + std::to_string(q.where.line) : "") << "</code>: ";
      }
      out << html_escape(q.message) << "</li>\n";
    }
    out << "</ul>";
  }
  out << "</div>\n</section>\n";
}

}  // namespace

void render_report_html(std::ostream& document, const Report& r, std::string_view generated) {
  // Rendered a section or scorecard at a time (each holds its tables whole), its cells
  // labelled and written on: the document of 1,000 people is never held whole.
  std::ostringstream out;
  const auto pass_on = [&] {
    document << render::label_table_cells(out.str());
    out.str({});
  };
  write_header(out, r);
  write_summary(out, r);
  write_at_risk(out, r);
  pass_on();
  out << "<h2>" << html_escape(tr("Scorecards")) << "</h2>\n";
  if (!r.trend.empty()) {
    out << "<p class=\"meta\">"
        << html_escape(trf("Change: score against the compared period. Trend: achievement from {} "
                           "to {}; the dashed line is 100 %.",
                           r.trend.periods.front().token, r.trend.periods.back().token))
        << "</p>\n";
  }
  bool first_person = true;
  for (const EntityScore* e : render::scorecard_order(r.current)) {
    if (!e->is_unit && first_person) {
      out << "<section class=\"people-cards\">\n";
      first_person = false;
    }
    write_scorecard(out, r, *e);
    pass_on();
  }
  if (!first_person) {
    out << "</section>\n";
  }
  write_quality(out, r);
  out << "<footer>" << html_escape(tr("Made by kpi report")) << " \u00b7 "
      << html_escape(tr("numbers as kpi score computes them"));
  if (!generated.empty()) {
    out << " \u00b7 " << html_escape(trf("generated {}", generated));
  }
  out << "</footer>\n</main>\n</body>\n</html>\n";
  pass_on();
}

}  // namespace kpi
