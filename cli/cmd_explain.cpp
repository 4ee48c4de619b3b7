// kpi explain: the path of one number (or of an entity's total), from score's own steps.

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/explain/explain.hpp"
#include "kpi/render/render.hpp"
#include "kpi/score/score.hpp"
#include "kpi/score/trace.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "tables.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct ExplainOptions {
  std::string kpi;
  std::string entity;
  std::string period = "last-month";
  std::string as_of;
  std::vector<std::string> data;
  std::string format = "text";
  bool skip_invalid = false;
};

int run_explain(const ExplainOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before explaining (kpi validate)\n";
    return k_exit_input;
  }
  ScoreRequest request = resolve_period_request(opts.period, opts.as_of);
  request.entities = {opts.entity};

  MeasurementIndex index(ws);
  RowTrace trace(explain_slots(ws, index, opts.entity, opts.kpi));
  for (const std::string& file : opts.data) {
    check_typed_path(file, ws.file, global);
  }
  const DataFiles files =
      opts.data.empty() ? data_files(ws, load_options(global)) : DataFiles{opts.data, {}};
  ReadOptions reading;
  reading.jobs = resolve_jobs(0);
  ProgressLine progress(global, false);
  reading.progress = progress.when_shown();
  const std::unique_ptr<warehouse::TableReader> tables = open_tables(ws, global);
  MeasurementInputs inputs{&ws, global.allow_outside, files.files};
  inputs.trace = &trace;
  inputs.tables = tables.get();
  AggregateResult aggregates =
      aggregate_measurements(index, inputs, {{request.period, request.as_of}}, reading);
  if (problems_stop_the_run(aggregates, opts.skip_invalid, global, "explain")) {
    return k_exit_input;
  }
  const ScoreResult scored = compute_scores(ws, index, aggregates.periods.front(), request);
  const Explanation explanation =
      explain_score(ws, index, scored, trace.rows(), opts.entity, opts.kpi);
  if (!global.quiet) {
    print_diagnostics(std::cerr, files.warnings, global);
  }
  if (opts.format == "json") {
    render_explain_json(std::cout, explanation);
  } else if (opts.format == "md") {
    render_explain_markdown(std::cout, explanation);
  } else {
    render_explain_text(std::cout, explanation);
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_explain(CLI::App& app) {
  auto opts = std::make_shared<ExplainOptions>();
  app.add_option("kpi", opts->kpi, "The KPI to explain (none: the entity's whole scorecard)")
      ->option_text("KPI");
  app.add_option("-e,--entity", opts->entity, "The person or unit")->option_text("E")->required();
  add_period_options(app, opts->period, opts->as_of, "explain", "Explain");
  app.add_option("-d,--data", opts->data,
                 "Read these measurement files instead of the workspace's ('-' reads stdin)")
      ->option_text("FILE");
  app.add_option("-f,--format", opts->format, "Output: text (default), json, md")
      ->check(CLI::IsMember({"text", "json", "md"}));
  app.add_flag("--skip-invalid", opts->skip_invalid,
               "Explain from the valid rows and report invalid ones as warnings");
  return [opts](const GlobalOptions& global) { return run_explain(*opts, global); };
}

}  // namespace kpi::cli
