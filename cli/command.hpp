#pragma once
// The shape every subcommand has (CLI11's subcom_in_files): setup_<cmd> binds options
// to a struct it owns and returns the function that runs the command.

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kpi::cli {

/// Options every subcommand accepts (cli.md, "Global options").
struct GlobalOptions {
  std::string directory;        ///< -C DIR
  std::string start_directory;  ///< absolute: the folder kpi was started in, before -C
  std::string workspace_file;   ///< --workspace FILE
  std::string color = "auto";   ///< auto | always | never
  bool quiet = false;
  bool verbose = false;
  bool allow_outside = false;  ///< --allow-outside: workspace files may name files outside it
  int timeout = 300;           ///< --timeout SECONDS: a warehouse query's limit
};

/// Runs a parsed subcommand and returns its exit status.
using Runner = std::function<int(const GlobalOptions&)>;

struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App& subcommand);
};

Runner setup_init(CLI::App& app);
Runner setup_define(CLI::App& app);
Runner setup_record(CLI::App& app);
Runner setup_validate(CLI::App& app);
Runner setup_score(CLI::App& app);
Runner setup_report(CLI::App& app);
Runner setup_payout(CLI::App& app);
Runner setup_explain(CLI::App& app);
Runner setup_sql(CLI::App& app);
Runner setup_test(CLI::App& app);
Runner setup_close(CLI::App& app);
Runner setup_list(CLI::App& app);
Runner setup_show(CLI::App& app);
Runner setup_schema(CLI::App& app);
Runner setup_fmt(CLI::App& app);

}  // namespace kpi::cli
