// The period report in GitHub-flavoured Markdown: readable as plain text in a terminal
// or an e-mail, and as tables in a wiki or a pull request.
#include <fmt/format.h>

#include "kpi/render/escape.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/report_common.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi {

namespace {

using render::human_value;
using render::md_escape;
using render::report_total;

/// The reward tier as the summary shows it, or why it is withheld.
std::string tier_cell(const EntityScore& e) {
  if (e.withheld) {
    return "withheld: " + md_escape(*e.withheld);
  }
  return e.reward ? md_escape(e.reward->label) + " \u00d7" +
                        render::human_number(e.reward->multiplier, 4)
                  : std::string(render::k_dash);
}

std::string who(const Report& r, std::string_view id) {
  return md_escape(render::entity_name(r.current, id));
}

void write_header(std::ostream& out, const Report& r) {
  out << "# " << md_escape(r.current.workspace) << ": report for " << md_escape(r.current.token)
      << "\n\n";
  if (r.no_data) {
    out << "**" << md_escape(render::no_data_notice(r)) << "**\n\n";
  }
  out << "- Period: " << md_escape(r.current.token) << ", "
      << render::period_dates(r.current.period) << " (" << render::period_state(r) << ")\n"
      << "- As of: " << format_date(r.current.as_of) << '\n';
  if (r.compared) {
    out << "- Compared with: " << md_escape(render::compared_description(r)) << ", "
        << render::period_dates(r.compared->period) << '\n';
  }
}

void write_summary(std::ostream& out, const Report& r) {
  out << "\n## Summary\n\n"
      << "- Company total: **" << report_total(r, r.company_total) << "**\n"
      << fmt::format("- KPIs: {} green, {} amber, {} red, {} unscored\n", r.counts.green,
                     r.counts.amber, r.counts.red, r.counts.none);
  out << "\n| Unit | Total | Coverage | Members' mean | Change | Trend |\n"
         "| --- | ---: | ---: | ---: | ---: | --- |\n";
  for (const EntityScore& e : r.current.entities) {
    if (e.is_unit) {
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} |\n", md_escape(e.name), report_total(r, e.total),
          render::human_coverage(e.coverage), report_total(r, e.members_mean),
          render::signed_change(render::change(e.total, render::compared_total(r, e.id))),
          render::block_sparkline(render::total_trend(r, e.id)));
    }
  }
  out << "\n| Person | Total | Coverage | Change | Reward | Amount |\n"
         "| --- | ---: | ---: | ---: | --- | ---: |\n";
  for (const EntityScore& e : r.current.entities) {
    if (!e.is_unit) {
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} |\n", md_escape(e.name), report_total(r, e.total),
          render::human_coverage(e.coverage),
          render::signed_change(render::change(e.total, render::compared_total(r, e.id))),
          tier_cell(e), human_value(e.reward ? e.reward->amount : std::nullopt));
    }
  }
  if (!r.movers.empty()) {
    out << "\n**Largest movers** (score against " << md_escape(r.compared->token) << ")\n\n"
        << "| Who | KPI | Before | After | Change |\n| --- | --- | ---: | ---: | ---: |\n";
    for (const Mover& m : r.movers) {
      out << fmt::format("| {} | {} | {} | {} | {} |\n", who(r, m.entity),
                         md_escape(render::kpi_name(r, m.kpi)), render::human_number(m.before, 2),
                         render::human_number(m.after, 2), render::signed_change(m.change));
    }
  }
}

void write_at_risk(std::ostream& out, const Report& r) {
  out << "\n## At risk\n\n";
  if (r.at_risk.empty()) {
    out << "Nothing is red, amber or behind pace.\n";
    return;
  }
  // The projection exists only while the period runs.
  out << "| Who | KPI | Actual | Target | Achievement | Status |"
      << (r.running ? " Projected | Period target |\n" : "\n")
      << "| --- | --- | ---: | ---: | ---: | --- |" << (r.running ? " ---: | ---: |\n" : "\n");
  for (const AtRisk& a : r.at_risk) {
    std::string status = render::status_word(a.status);
    if (a.behind_pace) {
      status += ", behind pace";
    }
    const KpiScore* k = render::current_kpi(r, a.entity, a.kpi);
    out << fmt::format("| {} | {} | {} | {} | {} | {} |", who(r, a.entity),
                       md_escape(render::kpi_name(r, a.kpi)),
                       human_value(k ? k->actual : std::nullopt),
                       md_escape(render::human_target(k ? k->target : std::nullopt)),
                       human_value(k ? k->achievement : std::nullopt), status);
    if (r.running) {
      out << fmt::format(" {} | {} |", human_value(a.projected),
                         md_escape(render::human_target(a.full_target)));
    }
    out << '\n';
  }
}

void write_scorecard(std::ostream& out, const Report& r, const EntityScore& e) {
  out << "\n### " << md_escape(e.name) << " (" << md_escape(e.id) << ")\n\n"
      << (e.is_unit ? "Unit" : "Person") << " \u00b7 total " << report_total(r, e.total);
  if (e.coverage) {
    out << " \u00b7 coverage " << render::human_coverage(e.coverage);
  }
  out << " \u00b7 change "
      << render::signed_change(render::change(e.total, render::compared_total(r, e.id)));
  if (e.is_unit) {
    out << " \u00b7 members' mean " << report_total(r, e.members_mean);
  } else {
    out << " \u00b7 reward " << tier_cell(e);
  }
  if (!e.active) {
    out << " \u00b7 not active in the period";
  }
  out << '\n';
  if (e.kpis.empty()) {
    out << "\nNo KPIs.\n";
    return;
  }
  out << "\n| KPI | Unit | Actual | Target | Achievement | Points | Score | Weight | Status | "
         "Change | Trend |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | "
         "--- |\n";
  for (const KpiScore& k : e.kpis) {
    const KpiScore* before = render::compared_kpi(r, e.id, k.id);
    out << fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", md_escape(render::kpi_label(k)),
        md_escape(k.unit), human_value(k.actual), md_escape(render::human_target(k.target)),
        human_value(k.achievement), human_value(k.points), human_value(k.score),
        render::human_value(k.weight), render::status_word(k.status),
        render::signed_change(render::change(k.score, before ? before->score : std::nullopt)),
        render::block_sparkline(render::achievement_trend(r, e.id, k.id)));
  }
}

void write_quality(std::ostream& out, const Report& r) {
  out << "\n## Data quality\n\n";
  if (r.quality.empty()) {
    out << "Every KPI has data; no partial rows; no cascade gaps.\n";
    return;
  }
  for (const QualityIssue& q : r.quality) {
    out << "- " << to_string(q.kind) << ": ";
    if (!q.entity.empty()) {
      out << who(r, q.entity) << (q.kpi.empty() ? "" : ", " + md_escape(render::kpi_name(r, q.kpi)))
          << ": ";
    }
    if (!q.where.file.empty()) {
      out << md_escape(q.where.file) << (q.where.line > 0 ? ":" + std::to_string(q.where.line) : "")
          << ": ";
    }
    out << md_escape(q.message) << '\n';
  }
}

}  // namespace

void render_report_markdown(std::ostream& out, const Report& r) {
  write_header(out, r);
  write_summary(out, r);
  write_at_risk(out, r);
  out << "\n## Scorecards\n";
  if (!r.trend.empty()) {
    out << "\nChange: score against the compared period. Trend: achievement over "
        << md_escape(r.trend.front().token) << " to " << md_escape(r.trend.back().token) << ".\n";
  }
  for (const EntityScore* e : render::scorecard_order(r.current)) {
    write_scorecard(out, r, *e);
  }
  write_quality(out, r);
}

}  // namespace kpi
