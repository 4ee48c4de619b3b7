// kpi define ID [--name .. --owner .. ...] [--file FILE] [--dry-run] [--no-input]

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "define_fields.hpp"
#include "diagnostics.hpp"
#include "kpi/author/author.hpp"
#include "kpi/util/file.hpp"
#include "prompt.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

namespace fs = std::filesystem;

struct DefineOptions {
  std::string id;
  DefineFields fields;
  std::string file;
  bool dry_run = false;
  bool no_input = false;
};

std::string read_text(const std::string& file) {
  FileError error;
  std::optional<std::string> text = read_regular_file(file, error);
  if (!text) {
    throw usage_error("missing-file", "cannot read '" + file + "': " + error.message, file);
  }
  return *text;
}

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

void check_id(const std::string& id, const Workspace& ws) {
  if (!is_valid_id(id)) {
    throw Error(Diagnostic{"bad-id",
                           Severity::error,
                           "'" + id +
                               "' is not a valid KPI id: write [a-z0-9][a-z0-9_.-]*, "
                               "at most 64 characters (e.g. sales.revenue)",
                           {},
                           {}});
  }
  if (const Kpi* existing = ws.find_kpi(id)) {
    throw Error(Diagnostic{"duplicate-id",
                           Severity::error,
                           "KPI '" + id + "' is already defined here; choose another id",
                           existing->pos.mapping,
                           {}});
  }
}

/// The file the new KPI goes to: --file, else the file of the KPI it serves, else the
/// workspace file.
std::string target_file(const DefineOptions& options, const Workspace& ws, const Kpi& kpi,
                        const std::string& workspace_file) {
  if (!options.file.empty()) {
    return options.file;
  }
  if (const Kpi* parent = ws.find_kpi(kpi.aligned_to)) {
    return parent->pos.mapping.file;
  }
  return workspace_file;
}

/// The changes: the target file with the KPI, and kpi.yaml's include when no glob
/// covers a file that is not included yet.
std::pair<std::vector<FileChange>, ChangeCheck> stage(const std::string& workspace_file,
                                                      const std::string& file, const Kpi& kpi) {
  if (fs::is_directory(file)) {
    throw usage_error("missing-file", "'" + file + "' is a folder, not a file", file);
  }
  std::string old_text = fs::exists(file) ? read_text(file) : std::string();
  std::vector<FileChange> changes = {{file, insert_kpi(old_text, kpi, file)}};
  ChangeCheck check = check_changes(workspace_file, changes, today());
  bool covered = false;
  for (const std::string& loaded : check.files) {
    covered = covered || canonical_path(loaded) == canonical_path(file);
  }
  if (!covered) {
    std::error_code ec;
    fs::path root = fs::weakly_canonical(fs::absolute(workspace_file).parent_path(), ec);
    std::string pattern =
        fs::weakly_canonical(fs::absolute(file), ec).lexically_relative(root).generic_string();
    changes.push_back(
        {workspace_file, add_include(read_text(workspace_file), pattern, workspace_file)});
    check = check_changes(workspace_file, changes, today());
  }
  return {changes, check};
}

int run_define(DefineOptions options, const GlobalOptions& global) {
  const std::string workspace_file = workspace_path(global);
  const LoadResult load = load_workspace(workspace_file);
  check_id(options.id, load.workspace);
  to_kpi(options.id, options.fields);  // a flag that cannot be read stops here (exit 2)

  if (!options.no_input && isatty(STDIN_FILENO) != 0) {
    Prompter prompter(std::cin, std::cerr);
    if (!interview(options.id, options.fields, load.workspace, prompter)) {
      std::cerr << "kpi define: stopped; nothing written\n";
      return k_exit_input;
    }
  }
  std::vector<std::string> missing = missing_required(options.fields);
  if (!missing.empty()) {
    std::string list;
    for (const std::string& flag : missing) {
      list += (list.empty() ? "" : ", ") + flag;
    }
    throw usage_error("missing-field", "KPI " + options.id + " needs " + list +
                                           " (nothing is asked when stdin is not a terminal "
                                           "or with --no-input)");
  }
  const Kpi kpi = to_kpi(options.id, options.fields);
  const std::string file = target_file(options, load.workspace, kpi, workspace_file);
  auto [changes, check] = stage(workspace_file, file, kpi);

  for (size_t i = 0; i < changes.size(); ++i) {
    use_source_text(check.names[i], changes[i].text);
  }
  print_diagnostics(std::cerr, check.added, global);
  for (const Diagnostic& d : check.added) {
    if (d.severity == Severity::error) {
      std::cerr << "kpi define: " << kpi.id << " has errors; nothing written\n";
      return k_exit_input;
    }
  }
  if (options.dry_run) {
    std::cout << render_kpi_yaml(kpi, detect_style(changes.front().text));
    if (!global.quiet) {
      std::cerr << "kpi define: would add " << kpi.id << " to " << file
                << (changes.size() > 1 ? " and include it in " + workspace_file : "")
                << " (--dry-run: nothing written)\n";
    }
    return k_exit_ok;
  }
  for (const FileChange& change : changes) {
    fs::path parent = fs::path(change.path).parent_path();
    std::error_code ec;
    if (!parent.empty()) {
      fs::create_directories(parent, ec);
    }
  }
  write_files_atomic(changes);  // the new file and the include, both or neither
  if (!global.quiet) {
    std::cout << "added " << kpi.id << " to " << file
              << (changes.size() > 1 ? " (now included by " + workspace_file + ")" : "") << "\n";
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_define(CLI::App& app) {
  auto o = std::make_shared<DefineOptions>();
  DefineFields& f = o->fields;
  app.add_option("ID", o->id, "The new KPI's id, e.g. sales.revenue")->required();
  app.add_option("--name", f.name, "What outcome it measures, in a few words");
  app.add_option("--description", f.description, "What is counted, and how");
  app.add_option("--owner", f.owner, "The accountable unit or person")->option_text("ID");
  app.add_option("--assigned-to", f.assigned_to, "Who is scored on it (ids, or members)")
      ->delimiter(',')
      ->option_text("ID,...");
  app.add_option("--unit", f.unit, "Unit of measure");
  app.add_option("--source", f.source, "Where the number comes from");
  app.add_option("--direction", f.direction, "higher, lower or range")->option_text("DIR");
  app.add_option("--aggregate", f.aggregate, "sum, mean, min, max, last or count")
      ->option_text("AGG");
  app.add_option("--period", f.period, "daily, weekly, monthly, quarterly or yearly")
      ->option_text("PERIOD");
  app.add_option("--target", f.target, "Target per period (LOW,HIGH for direction range)")
      ->option_text("N");
  app.add_option("--baseline", f.baseline, "Where it stands now")->option_text("N");
  app.add_option("--frame", f.frame, "Score frame (default: settings.default_frame)")
      ->option_text("ID");
  app.add_option("--weight", f.weight, "Share in each assignee's total")->option_text("N");
  app.add_option("--aligned-to", f.aligned_to, "The KPI it serves")->option_text("ID");
  app.add_option("--type", f.type, "strategic, operational or functional")->option_text("TYPE");
  app.add_option("--indicator", f.indicator, "leading or lagging")->option_text("KIND");
  app.add_option("--group", f.group, "A, B or C")->option_text("GROUP");
  app.add_option("--formula", f.formula, "Derived from other KPIs, e.g. '100 * a / b'")
      ->option_text("EXPR");
  app.add_option("--deadline", f.deadline, "YYYY-MM-DD, for a one-off goal")->option_text("DATE");
  app.add_option("--tag", f.tags, "A tag (repeat for more)")->option_text("TAG");
  app.add_option("--file", o->file,
                 "Write to this file (created, and included when no glob covers it)")
      ->option_text("FILE");
  app.add_flag("--dry-run", o->dry_run, "Check and print the entry; write nothing");
  app.add_flag("--no-input", o->no_input, "Never ask; missing required fields are an error");
  return [o](const GlobalOptions& global) { return run_define(*o, global); };
}

}  // namespace kpi::cli
