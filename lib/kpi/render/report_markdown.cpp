// The period report in GitHub-flavoured Markdown: readable as plain text in a terminal
// or an e-mail, and as tables in a wiki or a pull request.
#include <fmt/format.h>

#include "kpi/render/escape.hpp"
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/report_common.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi {

namespace {

using render::human_value;
using render::md_escape;
using render::report_total;
using render::tr;
using render::trf;

/// The reward tier as the summary shows it, or why it is withheld.
std::string tier_cell(const EntityScore& e) {
  if (e.withheld) {
    return std::string(tr("withheld")) + ": " + md_escape(*e.withheld);
  }
  return e.reward ? md_escape(e.reward->label) + " \u00d7" +
                        render::human_number(e.reward->multiplier, 4)
                  : std::string(render::k_dash);
}

std::string who(const Report& r, std::string_view id) {
  return md_escape(render::entity_name(r.current, id));
}

void write_header(std::ostream& out, const Report& r) {
  out << "# " << md_escape(trf("{}: report for {}", r.current.workspace, r.current.token))
      << "\n\n";
  if (r.no_data) {
    out << "**" << md_escape(render::no_data_notice(r)) << "**\n\n";
  }
  out << "- " << tr("Period") << ": " << md_escape(r.current.token) << ", "
      << md_escape(render::period_dates(r.current.period)) << " ("
      << md_escape(render::period_state(r)) << ")\n"
      << "- " << tr("As of") << ": " << md_escape(render::date_in_words(r.current.as_of)) << '\n';
  if (r.compared) {
    out << "- " << tr("Compared with") << ": " << md_escape(render::compared_description(r)) << ", "
        << md_escape(render::period_dates(r.compared->period)) << '\n';
  }
}

void write_summary(std::ostream& out, const Report& r) {
  out << "\n## " << tr("Summary") << "\n\n"
      << "- " << tr("Company total") << ": **" << report_total(r, r.company_total) << "**\n"
      << "- "
      << md_escape(trf("KPIs: {} green, {} amber, {} red, {} unscored", r.counts.green,
                       r.counts.amber, r.counts.red, r.counts.none))
      << "\n";
  out << "\n"
      << render::md_table_head(
             {"Unit", ">Total", ">Coverage", ">Members' mean", ">Change", "Trend"});
  for (const EntityScore& e : r.current.entities) {
    if (e.is_unit) {
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} |\n", md_escape(e.name), report_total(r, e.total),
          render::human_coverage(e.coverage), report_total(r, e.members_mean),
          render::signed_change(render::change(e.total, render::compared_total(r, e))),
          render::block_sparkline(render::total_trend(r, e)));
    }
  }
  out << "\n"
      << render::md_table_head({"Person", ">Total", ">Coverage", ">Change", "Reward", ">Amount"});
  for (const EntityScore& e : r.current.entities) {
    if (!e.is_unit) {
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} |\n", md_escape(e.name), report_total(r, e.total),
          render::human_coverage(e.coverage),
          render::signed_change(render::change(e.total, render::compared_total(r, e))),
          tier_cell(e), human_value(e.reward ? e.reward->amount : std::nullopt));
    }
  }
  if (!r.movers.empty()) {
    out << "\n**" << tr("Largest movers") << "** ("
        << md_escape(trf("score against {}", r.compared->token)) << ")\n\n"
        << render::md_table_head({"Who", "KPI", ">Before", ">After", ">Change"});
    for (const Mover& m : r.movers) {
      out << fmt::format("| {} | {} | {} | {} | {} |\n", who(r, m.entity),
                         md_escape(render::kpi_name(r, m.kpi)), render::human_number(m.before, 2),
                         render::human_number(m.after, 2), render::signed_change(m.change));
    }
  }
}

void write_at_risk(std::ostream& out, const Report& r) {
  out << "\n## " << tr("At risk") << "\n\n";
  if (r.at_risk.empty()) {
    out << tr("Nothing is red, amber or behind pace.") << "\n";
    return;
  }
  // The projection exists only while the period runs.
  out << (r.running ? render::md_table_head({"Who", "KPI", ">Actual", ">Target", ">Achievement",
                                             "Status", ">Projected", ">Period target"})
                    : render::md_table_head(
                          {"Who", "KPI", ">Actual", ">Target", ">Achievement", "Status"}));
  for (const AtRisk& a : r.at_risk) {
    std::string status = render::status_word(a.status);
    if (a.behind_pace) {
      status += std::string(", ") + tr("behind pace");
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
      << (e.is_unit ? tr("Unit") : tr("Person")) << " \u00b7 " << tr("total") << " "
      << report_total(r, e.total);
  if (e.coverage) {
    out << " \u00b7 " << tr("coverage") << " " << render::human_coverage(e.coverage);
  }
  out << " \u00b7 " << tr("change") << " "
      << render::signed_change(render::change(e.total, render::compared_total(r, e)));
  if (e.is_unit) {
    out << " \u00b7 " << tr("members' mean") << " " << report_total(r, e.members_mean);
  } else {
    out << " \u00b7 " << tr("reward") << " " << tier_cell(e);
  }
  if (!e.active) {
    out << " \u00b7 " << tr("not active in the period");
  }
  out << '\n';
  if (e.kpis.empty()) {
    out << "\n" << tr("No KPIs.") << "\n";
    return;
  }
  out << "\n"
      << render::md_table_head({"KPI", "Unit", ">Actual", ">Target", ">Achievement", ">Points",
                                ">Score", ">Weight", "Status", ">Change", "Trend"});
  for (const KpiScore& k : e.kpis) {
    const KpiScore* before = render::compared_kpi(r, e, k.id);
    out << fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
        md_escape(render::kpi_label(k)), md_escape(k.unit), human_value(k.actual),
        md_escape(render::human_target(k.target)), human_value(k.achievement),
        human_value(k.points), human_value(k.score), render::human_value(k.weight),
        render::status_word(k.status),
        render::signed_change(render::change(k.score, before ? before->score : std::nullopt)),
        render::block_sparkline(render::achievement_trend(r, e, k)));
  }
}

void write_quality(std::ostream& out, const Report& r) {
  out << "\n## " << tr("Data quality") << "\n\n";
  if (r.quality.empty()) {
    out << tr("Every KPI has data; no partial rows; no cascade gaps.") << "\n";
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
  out << "\n## " << tr("Scorecards") << "\n";
  if (!r.trend.empty()) {
    out << "\n"
        << md_escape(trf("Change: score against the compared period. Trend: achievement over "
                         "{} to {}.",
                         r.trend.periods.front().token, r.trend.periods.back().token))
        << "\n";
  }
  for (const EntityScore* e : render::scorecard_order(r.current)) {
    write_scorecard(out, r, *e);
  }
  write_quality(out, r);
}

}  // namespace kpi
