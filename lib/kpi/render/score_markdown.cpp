// GitHub-flavoured Markdown: a heading and a table per entity, warnings at the end.
#include <fmt/format.h>

#include "kpi/render/escape.hpp"
#include "kpi/render/labels.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/total_text.hpp"

namespace kpi {

namespace {

using render::human_value;

std::string md(std::string_view text) { return render::md_escape(text); }

std::string summary_line(const ScoreResult& result, const EntityScore& e) {
  std::string line = e.is_unit ? render::tr("Unit") : render::tr("Person");
  if (!e.is_unit && e.member_of) {
    line += " · " + render::trf("member of {} ({})", md(render::entity_name(result, *e.member_of)),
                                md(*e.member_of));
  }
  line += std::string(" · ") + render::tr("total") + " " + md(render::total_text(result, e));
  if (e.is_unit) {
    line += " · " + std::string(render::tr("members mean")) + " " +
            render::human_total(e.members_mean, result.precision);
  } else {
    line += " · " + std::string(render::tr("reward")) + " " + md(render::reward_text(e));
  }
  return line;
}

std::string status_cell(const KpiScore& k) {
  std::string cell = render::status_label(k.status);
  if (k.label) {
    cell += " (" + md(*k.label) + ")";
  }
  return cell;
}

/// Each part starts with the blank line that separates it from what came before, so the
/// document ends with exactly one newline.
void write_entity(std::ostream& out, const ScoreResult& result, const EntityScore& e) {
  out << "\n### " << md(e.name) << " (" << md(e.id) << ")\n\n" << summary_line(result, e) << '\n';
  if (e.kpis.empty()) {
    out << "\n" << render::tr("No KPIs.") << "\n";
    return;
  }
  out << "\n"
      << render::md_table_head({"KPI", "Unit", ">Actual", ">Target", ">Achievement", ">Points",
                                ">Score", ">Weight", "Status"});
  for (const KpiScore& k : e.kpis) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", md(render::kpi_label(k)),
                       md(k.unit), human_value(k.actual), md(render::human_target(k.target)),
                       human_value(k.achievement), human_value(k.points), human_value(k.score),
                       render::human_value(k.weight), status_cell(k));
  }
  const char* separator = "\n";
  for (const KpiScore& k : e.kpis) {
    if (k.reason) {
      out << separator << "- " << md(render::kpi_label(k)) << ": " << md(*k.reason) << '\n';
      separator = "";
    }
  }
}

}  // namespace

void render_score_markdown(std::ostream& out, const ScoreResult& result) {
  out << "# " << md(result.workspace) << ": " << md(result.token) << " ("
      << md(render::trf("{} to {}", render::date_in_words(result.period.start),
                        render::date_in_words(result.period.end)))
      << ")\n\n"
      << md(render::trf("As of {}.", render::date_in_words(result.as_of))) << "\n";
  for (const EntityScore& e : result.entities) {
    write_entity(out, result, e);
  }
  if (!result.warnings.empty()) {
    out << "\n## " << render::tr("Warnings") << "\n\n";
    for (const Diagnostic& d : result.warnings) {
      out << "- " << render::severity_name(d.severity) << "[" << md(d.rule)
          << "]: " << md(render::where_and_message(d)) << '\n';
    }
  }
}

}  // namespace kpi
