// kpi init [DIR] [--example NAME] [--force]: write a starter workspace.

#include <filesystem>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "kpi/author/author.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::cli {

namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string dir = ".";
  std::string example = "sales";
  bool force = false;
};

const InitTemplate& pick(const std::string& name) {
  if (const InitTemplate* found = find_init_template(name)) {
    return *found;
  }
  std::vector<std::string> names;
  std::string list;
  for (const InitTemplate& t : init_templates()) {
    names.emplace_back(t.name);
    list += (list.empty() ? "" : ", ") + std::string(t.name);
  }
  throw Error(Diagnostic{"unknown-example",
                         Severity::error,
                         "no example '" + name + "'; the examples are " + list,
                         {},
                         did_you_mean(name, names)},
              k_exit_usage);
}

int run_init(const InitOptions& options, const GlobalOptions& global) {
  const InitTemplate& chosen = pick(options.example);
  const fs::path dir(options.dir);
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    throw usage_error("missing-file", "'" + options.dir + "' exists and is not a folder",
                      options.dir);
  }
  if (!options.force) {
    // Name kpi.yaml when it is there: the folder is a workspace already.
    std::string existing;
    for (const TemplateFile& file : chosen.files) {
      fs::path path = (dir / file.path).lexically_normal();
      if (fs::exists(path) && (existing.empty() || file.path == "kpi.yaml")) {
        existing = path.string();
      }
    }
    if (!existing.empty()) {
      throw Error(Diagnostic{"workspace-exists",
                             Severity::error,
                             "'" + existing +
                                 "' exists already; nothing written (--force overwrites "
                                 "the starter's files)",
                             {},
                             {}});
    }
  }
  // All the starter's files or none: a failure part way leaves the folder as it was.
  std::vector<FileChange> writes;
  for (const TemplateFile& file : chosen.files) {
    fs::path path = dir / file.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      throw usage_error("write-error",
                        "cannot create '" + path.parent_path().string() + "': " + ec.message());
    }
    writes.push_back({path.string(), std::string(file.content)});
  }
  write_files_atomic(writes);
  if (!global.quiet) {
    const std::string where = options.dir == "." ? "" : "-C " + options.dir + " ";
    std::cout << "Wrote the " << chosen.name << " starter workspace to " << options.dir << ":\n";
    for (const TemplateFile& file : chosen.files) {
      std::cout << "  " << file.path << "\n";
    }
    std::cout << "Next:\n"
              << "  kpi " << where << "validate --strict\n"
              << "  kpi " << where << "score --period 2026-10 --as-of 2026-11-05\n"
              << "  kpi " << where << "define ID      (add a KPI, question by question)\n";
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_init(CLI::App& app) {
  auto options = std::make_shared<InitOptions>();
  app.add_option("DIR", options->dir, "Folder to write the workspace in (default: here)");
  app.add_option("--example", options->example, "Starter: sales (default), marketing, personal")
      ->option_text("NAME");
  app.add_flag("--force", options->force, "Overwrite the starter's files where they exist");
  return [options](const GlobalOptions& global) { return run_init(*options, global); };
}

}  // namespace kpi::cli
