// kpi init [DIR] [--example NAME] [--force]: write a starter workspace.

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "kpi/author/author.hpp"
#include "kpi/render/render.hpp"
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

/// The schema's file name; each YAML file of the starter names it in a modeline, so that
/// editors with the YAML language server complete and check keys as the user types.
constexpr std::string_view k_schema_file = "kpi.schema.json";

/// The starter's files as written: its templates with the modeline on top of each YAML
/// file, and the schema itself.
std::vector<std::pair<std::string, std::string>> starter_files(const InitTemplate& chosen) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const TemplateFile& file : chosen.files) {
    std::string content(file.content);
    const fs::path path(file.path);
    // Test files (tests/) are not definitions: the schema would flag their keys.
    const bool is_test = !path.empty() && *path.begin() == "tests";
    if (path.extension() == ".yaml" && !is_test) {
      const fs::path schema =
          fs::path(k_schema_file)
              .lexically_relative(path.parent_path().empty() ? "." : path.parent_path());
      content = "# yaml-language-server: $schema=" + schema.generic_string() + "\n" + content;
    }
    files.emplace_back(std::string(file.path), std::move(content));
  }
  std::ostringstream schema;
  render_schema(schema);
  files.emplace_back(std::string(k_schema_file), schema.str());
  return files;
}

int run_init(const InitOptions& options, const GlobalOptions& global) {
  const InitTemplate& chosen = pick(options.example);
  const auto files = starter_files(chosen);
  const fs::path dir(options.dir);
  if (fs::exists(dir) && !fs::is_directory(dir)) {
    throw usage_error("missing-file", "'" + options.dir + "' exists and is not a folder",
                      options.dir);
  }
  if (!options.force) {
    // Name kpi.yaml when it is there: the folder is a workspace already.
    std::string existing;
    for (const auto& [relative, content] : files) {
      fs::path path = (dir / relative).lexically_normal();
      if (fs::exists(path) && (existing.empty() || relative == "kpi.yaml")) {
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
  for (const auto& [relative, content] : files) {
    fs::path path = dir / relative;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      throw usage_error("write-error",
                        "cannot create '" + path.parent_path().string() + "': " + ec.message());
    }
    writes.push_back({path.string(), content});
  }
  write_files_atomic(writes);
  if (!global.quiet) {
    const std::string where = options.dir == "." ? "" : "-C " + options.dir + " ";
    std::cout << "Wrote the " << chosen.name << " starter workspace to " << options.dir << ":\n";
    for (const auto& [relative, content] : files) {
      std::cout << "  " << relative << "\n";
    }
    std::cout << "Next:\n"
              << "  kpi " << where << "validate --strict\n"
              << "  kpi " << where << "score --period 2026-10 --as-of 2026-11-05\n"
              << "  kpi " << where << "test           (the golden-data tests in tests/)\n"
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
