// kpi score: score one period and render it.

#include <unistd.h>

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "gaps.hpp"
#include "kpi/render/render.hpp"
#include "kpi/score/score.hpp"
#include "options.hpp"
#include "progress.hpp"
#include "sealing.hpp"
#include "tables.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct ScoreOptions {
  std::string period = "last-month";
  std::string as_of;
  std::vector<std::string> entities;
  std::string unit;
  std::vector<std::string> kpis;
  std::vector<std::string> data;
  std::string format = "table";
  bool skip_invalid = false;
  bool strict = false;
  int jobs = 0;
};

void render(const ScoreOptions& opts, const ScoreResult& result, const GlobalOptions& global) {
  if (opts.format == "json") {
    render_score_json(std::cout, result);
  } else if (opts.format == "csv" || opts.format == "tsv") {
    render_score_csv(std::cout, result, opts.format == "csv" ? ',' : '\t');
  } else if (opts.format == "md") {
    render_score_markdown(std::cout, result);
  } else {
    render_score_table(std::cout, result, RenderOptions{use_color(global, STDOUT_FILENO)});
  }
}

int run_score(const ScoreOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before scoring (kpi validate)\n";
    return k_exit_input;
  }

  ScoreRequest request = resolve_period_request(opts.period, opts.as_of);
  request.entities = opts.entities;
  if (!opts.unit.empty()) {
    request.unit = opts.unit;
  }
  request.kpis = opts.kpis;

  MeasurementIndex index(ws);
  for (const std::string& file : opts.data) {
    check_typed_path(file, ws.file, global);
  }
  const DataFiles files =
      opts.data.empty() ? data_files(ws, load_options(global)) : DataFiles{opts.data, {}};
  ReadOptions reading;
  reading.jobs = resolve_jobs(opts.jobs);
  ProgressLine progress(global, false);  // on a terminal, after about two seconds
  reading.progress = progress.when_shown();
  const std::unique_ptr<warehouse::TableReader> tables = open_tables(ws, global);
  MeasurementInputs inputs{&ws, global.allow_outside, files.files};
  inputs.tables = tables.get();
  AggregateResult aggregates =
      aggregate_measurements(index, inputs, {{request.period, request.as_of}}, reading);

  if (!aggregates.problems.empty() &&
      (!opts.skip_invalid || has_file_problem(aggregates.problems))) {
    print_diagnostics(std::cerr, aggregates.problems, global);
    print_problem_count(
        std::cerr, aggregates.problems, aggregates.problems_total,
        problem_advice(aggregates.problems, "use --skip-invalid to score the valid rows anyway"));
    return k_exit_input;
  }

  ScoreResult result = compute_scores(ws, index, aggregates.periods.front(), request);
  for (Diagnostic& stale : stale_data_warnings(ws, index, aggregates.periods.front())) {
    result.warnings.push_back(std::move(stale));
  }
  // A closed period scored again: what changed since it was sealed (kpi-close(1)).
  std::optional<Diagnostic> closed = check_closed(ws, files.files, result, global, opts.strict);
  // Non-blocking findings go to stderr and into the result (cli.md).
  std::vector<Diagnostic> notes = open.findings;
  notes.insert(notes.end(), files.warnings.begin(), files.warnings.end());
  if (closed) {
    notes.push_back(*closed);
  }
  for (Diagnostic problem : aggregates.problems) {
    problem.severity = Severity::warning;
    problem.message = "skipped: " + problem.message;
    notes.push_back(std::move(problem));
  }
  if (!global.quiet) {
    print_diagnostics(std::cerr, notes, global);
    // csv and tsv have no place for warnings of their own; the other formats carry them.
    if (opts.format == "csv" || opts.format == "tsv") {
      print_diagnostics(std::cerr, result.warnings, global);
    }
  }
  result.warnings.insert(result.warnings.begin(), notes.begin(), notes.end());
  render(opts, result, global);
  // missing: error: the result is printed, then the gaps fail the run (scoring.md).
  const int status =
      report_gaps(std::cerr, result, global, opts.format == "csv" || opts.format == "tsv");
  if (closed && closed->severity == Severity::error) {
    if (global.quiet) {
      print_diagnostics(std::cerr, {*closed}, global);  // it decides the exit status
    }
    return k_exit_input;
  }
  return status;
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
  app.add_option("-d,--data", opts->data,
                 "Read these measurement files instead of the workspace's ('-' reads stdin)")
      ->option_text("FILE");
  app.add_option("-f,--format", opts->format, "Output: table (default), csv, tsv, json, md")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md"}));
  app.add_flag("--skip-invalid", opts->skip_invalid,
               "Score the valid rows and report invalid ones as warnings");
  app.add_flag("--strict", opts->strict,
               "A closed period whose files or numbers changed since it was sealed fails (exit 1)");
  add_jobs_option(app, opts->jobs);
  return [opts](const GlobalOptions& global) { return run_score(*opts, global); };
}

}  // namespace kpi::cli
