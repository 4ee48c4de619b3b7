// The run kpi score and kpi payout share (scoring.hpp).
#include "scoring.hpp"

#include <iostream>
#include <memory>

#include "diagnostics.hpp"
#include "gaps.hpp"
#include "kpi/render/labels.hpp"
#include "language.hpp"
#include "options.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "sealing.hpp"
#include "tables.hpp"
#include "workspace.hpp"

namespace kpi::cli {

void require_output_for_xlsx(const std::string& format, const std::string& output) {
  if (format == "xlsx" && output.empty()) {
    throw usage_error("bad-output", "--format xlsx writes a workbook: name it with --output FILE");
  }
}

void add_scoring_options(CLI::App& app, ScoreOptions& opts) {
  add_lang_option(app, opts.lang);
  app.add_option("-d,--data", opts.data,
                 "Read these measurement files instead of the workspace's ('-' reads stdin)")
      ->option_text("FILE");
  app.add_option("-o,--output", opts.output,
                 "Write to FILE (atomically) instead of stdout; {period}, {as_of} and {lang} "
                 "are filled in")
      ->option_text("FILE");
  app.add_flag("--skip-invalid", opts.skip_invalid,
               "Score the valid rows and report invalid ones as warnings");
  app.add_flag("--strict", opts.strict,
               "A closed period whose files or numbers changed since it was sealed fails (exit 1)");
  add_jobs_option(app, opts.jobs);
}

Runner scoring_runner(std::shared_ptr<ScoreOptions> opts, ScoredRender render) {
  return [opts, render](const GlobalOptions& global) {
    require_output_for_xlsx(opts->format, opts->output);
    const bool no_warnings =
        opts->format == "csv" || opts->format == "tsv" || opts->format == "xlsx";
    return run_scoring(
        *opts, global,
        {[&](const Workspace& ws, const ScoreResult& result) { render(*opts, ws, result, global); },
         no_warnings});
  };
}

void write_scored_output(const std::string& pattern, const Workspace& ws, const ScoreResult& result,
                         const GlobalOptions& global, const std::string& text) {
  const std::string path =
      expand_output_path(pattern, result.period, result.as_of, render::language());
  check_typed_path(path, ws.file, global);
  write_output(path, text);
}

int run_scoring(const ScoreOptions& opts, const GlobalOptions& global, const ScoredOutput& output) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before scoring (kpi validate)\n";
    return k_exit_input;
  }
  use_language(opts.lang, ws);

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

  if (problems_stop_the_run(aggregates, opts.skip_invalid, global, "score")) {
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
  for (Diagnostic& skipped : skipped_row_warnings(aggregates.problems)) {
    notes.push_back(std::move(skipped));
  }
  if (!global.quiet) {
    print_diagnostics(std::cerr, notes, global);
    if (output.warnings_on_stderr) {
      print_diagnostics(std::cerr, result.warnings, global);
    }
  }
  result.warnings.insert(result.warnings.begin(), notes.begin(), notes.end());
  output.render(ws, result);
  // missing: error: the result is printed, then the gaps fail the run (scoring.md).
  const int status = report_gaps(std::cerr, result, global, output.warnings_on_stderr);
  if (closed && closed->severity == Severity::error) {
    if (global.quiet) {
      print_diagnostics(std::cerr, {*closed}, global);  // it decides the exit status
    }
    return k_exit_input;
  }
  return status;
}

}  // namespace kpi::cli
