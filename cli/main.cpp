// kpi: the command table, global options, and the one place where kpi::Error becomes
// an exit status.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <vector>

#include "command.hpp"
#include "completion.hpp"
#include "diagnostics.hpp"
#include "kpi/error.hpp"
#include "kpi_commit.hpp"

namespace {

using kpi::cli::Command;

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"init", "Write a starter workspace that validates and scores", kpi::cli::setup_init},
      {"define", "Add a KPI definition, asking for what is missing on a terminal",
       kpi::cli::setup_define},
      {"validate", "Check the definitions (and measurement files) against the rules",
       kpi::cli::setup_validate},
      {"record", "Add measurements to the journal, checked and locked", kpi::cli::setup_record},
      {"score", "Score one period", kpi::cli::setup_score},
      {"report", "The period's report: summary, scorecards, trend, risks (md, html, json)",
       kpi::cli::setup_report},
      {"payout", "The payout sheet: a row per person with tier and amount, for payroll",
       kpi::cli::setup_payout},
      {"explain", "Show how one score came about: rows, targets, bands, weight, total",
       kpi::cli::setup_explain},
      {"close", "Seal a scored period: its score and the checksum of every file that counted",
       kpi::cli::setup_close},
      {"test", "Run the golden-data tests kept beside the definitions", kpi::cli::setup_test},
      {"sql", "Print the queries that score a period from warehouse tables", kpi::cli::setup_sql},
      {"list", "List what is defined: kpis, units, people, frames", kpi::cli::setup_list},
      {"show", "Show one KPI, unit, person or frame", kpi::cli::setup_show},
      {"fmt", "Rewrite definition files in the canonical layout, keeping comments",
       kpi::cli::setup_fmt},
      {"schema", "Print the JSON Schema of the definition files, for editors and CI",
       kpi::cli::setup_schema},
  };
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kpi: define, validate and score Key Performance Indicators kept as plain text",
               "kpi"};
  // "kpi 0.1.0 (8fd9ecc)": the commit, when built from a git checkout.
  const std::string commit = KPI_COMMIT;
  app.set_version_flag(
      "--version", std::string("kpi ") + KPI_VERSION + (commit.empty() ? "" : " (" + commit + ")"));
  app.require_subcommand(1);
  app.fallthrough();

  kpi::cli::GlobalOptions global;
  app.add_option("-C", global.directory, "Run as if kpi was started in DIR")->option_text("DIR");
  app.add_option("--workspace", global.workspace_file,
                 "Use this workspace file instead of kpi.yaml")
      ->option_text("FILE");
  app.add_option("--color", global.color, "Colour: auto (terminal, no NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", global.quiet, "Print only results and errors");
  app.add_flag("-v,--verbose", global.verbose, "Print more about what is done");
  app.add_flag("--allow-outside", global.allow_outside,
               "Let include, data and journal name files outside the workspace folder");
  app.add_option("--timeout", global.timeout,
                 "Cancel a warehouse query after this many seconds (default 300)")
      ->option_text("SECONDS")
      ->check(CLI::Range(1, 86400));

  std::vector<std::pair<CLI::App*, kpi::cli::Runner>> runners;
  for (const Command& command : commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners.emplace_back(sub, command.setup(*sub));
  }

  // Hidden: the build writes the completion scripts with it (cmake/install.cmake).
  std::string shell;
  CLI::App* completion = app.add_subcommand("completion", "Print a shell completion script");
  completion->group("");
  completion->add_option("shell", shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // cli.md: a wrong call (unknown option, bad option value) exits 2.
    app.exit(e);
    return kpi::k_exit_usage;
  }

  try {
    std::error_code cwd_error;
    global.start_directory = std::filesystem::current_path(cwd_error).string();
    if (!global.directory.empty()) {
      std::error_code ec;
      std::filesystem::current_path(global.directory, ec);
      if (ec) {
        throw kpi::usage_error("no-directory",
                               "cannot change to '" + global.directory + "': " + ec.message());
      }
    }
    if (completion->parsed()) {
      const kpi::cli::CompletionModel model = kpi::cli::completion_model(app);
      std::cout << (shell == "bash"  ? kpi::cli::bash_completion(model)
                    : shell == "zsh" ? kpi::cli::zsh_completion(model)
                                     : kpi::cli::fish_completion(model));
      return kpi::k_exit_ok;
    }
    for (auto& [sub, run] : runners) {
      if (sub->parsed()) {
        return run(global);
      }
    }
    return kpi::k_exit_usage;
  } catch (const kpi::Error& e) {
    kpi::cli::print_diagnostic(std::cerr, e.diagnostic, global);
    return e.exit_status;
  } catch (const std::exception& e) {
    std::cerr << "kpi: error: " << e.what() << "\n";
    return kpi::k_exit_usage;
  }
}
