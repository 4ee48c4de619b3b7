// kpi test: golden-data tests kept beside the definitions (kpi-test(1)).

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/golden/golden.hpp"
#include "kpi/render/render.hpp"
#include "kpi/yaml/definitions.hpp"
#include "kpi/yaml/golden.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct TestOptions {
  std::vector<std::string> files;
  std::string format = "text";
};

int run_test(const TestOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before testing (kpi validate)\n";
    return k_exit_input;
  }
  std::vector<std::string> files = opts.files;
  if (files.empty()) {
    files = test_files(ws, load_options(global));
  }
  for (const std::string& file : files) {
    check_typed_path(file, ws.file, global);
  }
  std::vector<Diagnostic> errors;
  std::vector<GoldenReport> reports;
  for (const std::string& file : files) {
    GoldenLoad load = load_golden_file(file);
    errors.insert(errors.end(), load.diagnostics.begin(), load.diagnostics.end());
    reports.push_back(run_golden_tests(ws, load.file, GoldenOptions{global.allow_outside}));
    for (const ExpectationResult& r : reports.back().results) {
      errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    }
  }
  print_diagnostics(std::cerr, errors, global);
  if (opts.format == "junit") {
    render_golden_junit(std::cout, reports);
  } else {
    render_golden_text(std::cout, reports);
  }
  if (files.empty() && !global.quiet) {
    std::cerr << "kpi: no test files: the workspace's tests globs match nothing (kpi-test(1))\n";
  }
  bool failed = !errors.empty();
  for (const GoldenReport& report : reports) {
    for (const ExpectationResult& r : report.results) {
      failed = failed || !r.passed();
    }
  }
  return failed ? k_exit_input : k_exit_ok;
}

}  // namespace

Runner setup_test(CLI::App& app) {
  auto opts = std::make_shared<TestOptions>();
  app.add_option("FILE", opts->files,
                 "Test files (default: those the workspace's tests globs match, tests/*.yaml)");
  app.add_option("-f,--format", opts->format, "Output: text (default) or junit")
      ->check(CLI::IsMember({"text", "junit"}));
  return [opts](const GlobalOptions& global) { return run_test(*opts, global); };
}

}  // namespace kpi::cli
