#pragma once
// The run `kpi score` and `kpi payout` share: load the workspace, read the period's rows
// (files and warehouse tables), score them with the one engine, say the findings, then
// hand the result to the command's own output.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"

namespace kpi::cli {

struct ScoreOptions {
  std::string period = "last-month";
  std::string as_of;
  std::vector<std::string> entities;
  std::string unit;
  std::vector<std::string> kpis;
  std::vector<std::string> data;
  std::string format = "table";
  std::string output;  ///< --output FILE, with placeholders; empty: stdout
  std::string lang;    ///< --lang: empty, settings.language
  bool skip_invalid = false;
  bool strict = false;
  int jobs = 0;
};

/// What a command makes of the scored period.
struct ScoredOutput {
  std::function<void(const Workspace&, const ScoreResult&)> render;
  /// The format has no place for warnings (csv, tsv): they go to stderr as well.
  bool warnings_on_stderr = false;
};

/// A workbook is no text for a terminal: --format xlsx without --output is exit 2.
void require_output_for_xlsx(const std::string& format, const std::string& output);

/// --lang, --data, --output, --skip-invalid, --strict and --jobs, as score and payout take
/// them.
void add_scoring_options(CLI::App& app, ScoreOptions& opts);

/// Writes the scored period in `opts.format` (through write_scored_output).
using ScoredRender = void (*)(const ScoreOptions& opts, const Workspace& ws,
                              const ScoreResult& result, const GlobalOptions& global);
/// The runner of a command that scores one period and renders it: run_scoring with
/// warnings also on stderr for the formats that have no place for them (csv, tsv, xlsx).
Runner scoring_runner(std::shared_ptr<ScoreOptions> opts, ScoredRender render);

/// `text` to stdout (`pattern` empty) or atomically to the --output path with its
/// placeholders filled in from `result`, once the path is known to stay in the workspace.
void write_scored_output(const std::string& pattern, const Workspace& ws, const ScoreResult& result,
                         const GlobalOptions& global, const std::string& text);

/// Exit 1 when the definitions or rows cannot be scored (the findings printed), else the
/// status of the printed result: 1 for a gap under `missing: error` or a changed closed
/// period under --strict, 0 otherwise.
int run_scoring(const ScoreOptions& opts, const GlobalOptions& global, const ScoredOutput& output);

}  // namespace kpi::cli
