// kpi close: seal a scored period (kpi-close(1)).

#include <filesystem>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "gaps.hpp"
#include "kpi/close/seal.hpp"
#include "kpi/score/score.hpp"
#include "options.hpp"
#include "output.hpp"
#include "sealing.hpp"
#include "tables.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

namespace fs = std::filesystem;

struct CloseOptions {
  std::string period;
  std::string as_of;
};

int run_close(const CloseOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before closing (kpi validate)\n";
    return k_exit_input;
  }
  const ScoreRequest request = resolve_period_request(opts.period, opts.as_of);
  const std::string relative = seal_path(request.token);
  const fs::path seal_file = fs::path(ws.root) / relative;
  std::error_code ec;
  if (fs::exists(seal_file, ec)) {
    print_diagnostics(std::cerr,
                      {Diagnostic{"period-closed", Severity::error,
                                  request.token + " is closed already (" + relative + ")",
                                  SourceLocation{relative, 0, 0},
                                  "remove the seal (a reviewed commit) to close it again"}},
                      global);
    return k_exit_input;
  }
  MeasurementIndex index(ws);
  const DataFiles files = data_files(ws, load_options(global));
  const std::unique_ptr<warehouse::TableReader> tables = open_tables(ws, global);
  MeasurementInputs inputs{&ws, global.allow_outside, files.files};
  inputs.tables = tables.get();
  const AggregateResult aggregates =
      aggregate_measurements(index, inputs, {{request.period, request.as_of}});
  if (!aggregates.problems.empty()) {
    print_diagnostics(std::cerr, aggregates.problems, global);
    print_problem_count(std::cerr, aggregates.problems, aggregates.problems_total,
                        "a period is sealed only from rows that all read; nothing was written");
    return k_exit_input;
  }
  ScoreResult result = compute_scores(ws, index, aggregates.periods.front(), request);
  // A gap under missing: error fails payroll: it is not sealed either.
  if (report_gaps(std::cerr, result, global, false) != k_exit_ok) {
    std::cerr << "kpi: " << request.token << " has gaps under missing: error; nothing was sealed\n";
    return k_exit_input;
  }
  const std::vector<SealedFile> sealed =
      hash_files(ws.root, counted_files(ws, files.files, global));
  fs::create_directories(seal_file.parent_path(), ec);
  write_output(seal_file.string(), seal_document(result, sealed));
  if (!global.quiet) {
    std::cout << "closed " << request.token << " as of " << format_date(request.as_of) << ": "
              << relative << " seals " << sealed.size() << " file"
              << (sealed.size() == 1 ? "" : "s") << "; commit it with the payout\n";
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_close(CLI::App& app) {
  auto opts = std::make_shared<CloseOptions>();
  app.add_option("PERIOD", opts->period, "The period to seal: 2026-10, last-month, ...")
      ->required();
  app.add_option("--as-of", opts->as_of,
                 "Score as on this day (YYYY-MM-DD, default today), as kpi score does")
      ->option_text("D");
  return [opts](const GlobalOptions& global) { return run_close(*opts, global); };
}

}  // namespace kpi::cli
