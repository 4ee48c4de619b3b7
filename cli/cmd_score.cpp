// kpi score: score one period and render it.

#include <unistd.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/render/render.hpp"
#include "options.hpp"
#include "scoring.hpp"

namespace kpi::cli {

namespace {

void render_scores(const ScoreOptions& opts, const Workspace& ws, const ScoreResult& result,
                   const GlobalOptions& global) {
  std::ostringstream out;
  if (opts.format == "xlsx") {
    out << render_score_xlsx(result);
  } else if (opts.format == "json") {
    render_score_json(out, result);
  } else if (opts.format == "csv" || opts.format == "tsv") {
    render_score_csv(out, result, opts.format == "csv" ? ',' : '\t');
  } else if (opts.format == "md") {
    render_score_markdown(out, result);
  } else {
    // Colour and the terminal's width only when the table goes to the terminal.
    const bool to_terminal = opts.output.empty();
    render_score_table(out, result,
                       RenderOptions{to_terminal && use_color(global, STDOUT_FILENO),
                                     to_terminal ? terminal_columns(STDOUT_FILENO) : 0});
  }
  write_scored_output(opts.output, ws, result, global, out.str());
}

}  // namespace

Runner setup_score(CLI::App& app) {
  auto opts = std::make_shared<ScoreOptions>();
  add_period_options(app, opts->period, opts->as_of, "score", "Score");
  app.add_option("-e,--entity", opts->entities, "Only this person or unit (repeatable)")
      ->option_text("E");
  app.add_option("-u,--unit", opts->unit, "Only this unit, the units under it and their people")
      ->option_text("U");
  app.add_option("-k,--kpi", opts->kpis, "Only this KPI's rows (repeatable)")->option_text("K");
  app.add_option("-f,--format", opts->format,
                 "Output: table (default), csv, tsv, json, md, xlsx (with --output)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "xlsx"}));
  add_scoring_options(app, *opts);
  return scoring_runner(opts, render_scores);
}

}  // namespace kpi::cli
