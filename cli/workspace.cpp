#include "workspace.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "kpi/util/file.hpp"
#include "kpi/validate/validate.hpp"

namespace kpi::cli {

std::string workspace_path(const GlobalOptions& global) {
  if (!global.workspace_file.empty()) {
    if (!std::filesystem::is_regular_file(global.workspace_file)) {
      throw usage_error("no-workspace", "workspace file '" + global.workspace_file +
                                            "' does not exist or is not a file");
    }
    return global.workspace_file;
  }
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  std::optional<std::filesystem::path> found = find_workspace_file(cwd);
  if (!found) {
    throw usage_error("no-workspace",
                      "no kpi.yaml in this folder or any above it (use -C DIR or --workspace "
                      "FILE, or create one with 'kpi init')");
  }
  // Keep paths short in messages: relative to the current folder when below it.
  std::filesystem::path relative = std::filesystem::relative(*found, cwd, ec);
  if (!ec && !relative.empty() && *relative.begin() != "..") {
    return relative.string();
  }
  return found->string();
}

OpenWorkspace open_workspace(const GlobalOptions& global) {
  OpenWorkspace open;
  open.load = load_workspace(workspace_path(global), load_options(global));
  open.findings = open.load.diagnostics;
  std::vector<Diagnostic> more = validate_workspace(open.load.workspace, today());
  open.findings.insert(open.findings.end(), more.begin(), more.end());
  for (const Diagnostic& d : open.findings) {
    open.blocked = open.blocked || blocks_scoring(d);
  }
  return open;
}

LoadOptions load_options(const GlobalOptions& global) {
  LoadOptions options;
  options.allow_outside = global.allow_outside;
  return options;
}

void check_typed_path(const std::string& path, const std::string& workspace_file,
                      const GlobalOptions& global) {
  if (global.allow_outside || path.empty() || path == "-") {
    return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path folder = fs::absolute(fs::path(workspace_file), ec).parent_path().lexically_normal();
  fs::path typed = fs::absolute(fs::path(path), ec).lexically_normal();
  fs::path relative = typed.lexically_relative(folder);
  if (relative.empty() || leaves_lexically(relative)) {
    return;  // outside as typed: the user's choice
  }
  if (!is_inside(folder, relative)) {
    throw Error(Diagnostic{"path-outside",
                           Severity::error,
                           "'" + path +
                               "' lies in the workspace folder but leads outside it through a "
                               "symbolic link",
                           {path, 0, 0},
                           "remove the link, or run with --allow-outside if this is meant"},
                k_exit_input);
  }
}

Date today() {
  if (const char* fixed = std::getenv("KPI_TODAY"); fixed != nullptr && *fixed != '\0') {
    if (std::optional<Date> d = parse_date(fixed)) {
      return *d;
    }
    throw usage_error("bad-value",
                      std::string("KPI_TODAY='") + fixed + "' is not a YYYY-MM-DD date");
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

}  // namespace kpi::cli
