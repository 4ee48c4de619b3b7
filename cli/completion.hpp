#pragma once
// Shell completion scripts, generated from the CLI's own definition (issue 18): the
// subcommands, their options and the values an option takes come from the CLI11 app,
// so that a new option completes without anyone editing a script. Ids of the workspace
// (KPIs, entities, frames, sources) are asked of `kpi list --ids` as the user types.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace kpi::cli {

/// What a word completes to, besides the literal values an option lists.
enum class CompletionKind { none, file, directory, kpi, entity, frame, id, values };

struct CompletionOption {
  std::vector<std::string> names;  ///< "-f", "--format"
  std::string help;                ///< one line
  bool takes_value = false;
  CompletionKind kind = CompletionKind::none;
  std::vector<std::string> values;  ///< for CompletionKind::values
};

struct CompletionCommand {
  std::string name;
  std::string help;
  std::vector<CompletionOption> options;
  /// What the first positional argument completes to, with its values.
  CompletionKind positional = CompletionKind::none;
  std::vector<std::string> positional_values;
};

struct CompletionModel {
  std::vector<CompletionOption> global;
  std::vector<CompletionCommand> commands;
};

/// The model of `app`, read after every subcommand has been set up.
CompletionModel completion_model(const CLI::App& app);

std::string bash_completion(const CompletionModel& model);
std::string zsh_completion(const CompletionModel& model);
std::string fish_completion(const CompletionModel& model);

}  // namespace kpi::cli
