// kpi fmt [FILE...] [--check]: definition files in the canonical layout of kpi-fmt(1).
// Without FILE, the workspace file and every file it includes.

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/util/file.hpp"
#include "kpi/yaml/format.hpp"
#include "output.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
};

std::vector<std::string> workspace_files(const GlobalOptions& global) {
  const std::string path = workspace_path(global);
  return load_workspace(path, load_options(global)).workspace.files;
}

int run_fmt(const FmtOptions& options, const GlobalOptions& global) {
  const std::vector<std::string> files =
      options.files.empty() ? workspace_files(global) : options.files;
  std::vector<Diagnostic> problems;
  std::size_t changed = 0;
  for (const std::string& file : files) {
    FileError error;
    std::optional<std::string> text = read_regular_file(file, error);
    if (!text) {
      throw usage_error(error.missing ? "missing-file" : "read-error",
                        "cannot read '" + file + "': " + error.message, file);
    }
    FormatResult result = format_definition_text(*text, file);
    if (!result.problems.empty()) {
      problems.insert(problems.end(), result.problems.begin(), result.problems.end());
      continue;
    }
    if (result.text == *text) {
      continue;
    }
    ++changed;
    if (!options.check) {
      write_output(file, result.text);
    }
    std::cout << file << "\n";  // the files changed, or that --check would change
  }
  print_diagnostics(std::cerr, problems, global);
  if (!global.quiet) {
    const std::string of = std::to_string(changed) + " of " + std::to_string(files.size()) +
                           (files.size() == 1 ? " file" : " files");
    std::cerr << (options.check
                      ? (changed == 0
                             ? "all " + std::to_string(files.size()) +
                                   (files.size() == 1 ? " file is" : " files are") + " formatted"
                             : of + " would be reformatted; run kpi fmt")
                      : "reformatted " + of)
              << (problems.empty() ? ""
                                   : "; " + std::to_string(problems.size()) + " left as written")
              << "\n";
  }
  return !problems.empty() || (options.check && changed > 0) ? k_exit_input : k_exit_ok;
}

}  // namespace

Runner setup_fmt(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  app.add_option("FILE", options->files,
                 "Definition files to format (default: kpi.yaml and every file it includes)");
  app.add_flag("--check", options->check,
               "Change nothing; name the files that are not formatted and exit 1 if any");
  return [options](const GlobalOptions& global) { return run_fmt(*options, global); };
}

}  // namespace kpi::cli
