#pragma once
// Loading kpi.yaml and its included files into a Workspace, keeping every position.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"

namespace kpi {

/// The workspace and every structural finding made while reading it (YAML syntax,
/// unknown or duplicate keys, wrong types, bad ids, missing required fields, values
/// that cannot be read). Loading never stops at the first finding.
struct LoadResult {
  Workspace workspace;
  std::vector<Diagnostic> diagnostics;
};

/// How far loading may reach.
struct LoadOptions {
  /// --allow-outside: `include`, `data` and `journal` may name files outside the workspace
  /// folder (by an absolute path, "..", or a symbolic link); else each is a `path-outside`
  /// finding and the file is not read.
  bool allow_outside = false;
};

/// Loads a workspace file (normally kpi.yaml) and the files its `include` globs match.
/// File names in positions are the workspace file's folder joined with the relative
/// path, as given. Throws Error (exit 2) when the workspace file cannot be read.
LoadResult load_workspace(const std::filesystem::path& workspace_file,
                          const LoadOptions& options = {});

/// Loads a workspace from text, as if it were the file `file_name`; `include` globs are
/// resolved against the folder of `file_name`. For tests and `kpi define --dry-run`.
LoadResult load_workspace_text(std::string_view text, const std::string& file_name,
                               const LoadOptions& options = {});

/// Loads one included file (units, people, frames, rewards, kpis only) into `into`,
/// appending to its lists. Used by load_workspace and to check a file that is not
/// included by any glob.
void load_definitions_file(const std::filesystem::path& file, LoadResult& into);

/// kpi.yaml in `start` or the nearest folder above it, like git finds a repository.
std::optional<std::filesystem::path> find_workspace_file(const std::filesystem::path& start);

/// The measurement files in read order: each `data` glob as written, its matches sorted
/// by path, then the journal unless a glob matched it already. Paths as for positions.
/// Without options.allow_outside, files outside the workspace folder are left out (the
/// loader has reported them as `path-outside`).
std::vector<std::string> measurement_files(const Workspace& workspace,
                                           const LoadOptions& options = {});

/// The test files of `kpi test`: each `tests` glob's matches sorted by path, once each;
/// without options.allow_outside only those inside the workspace folder.
std::vector<std::string> test_files(const Workspace& workspace, const LoadOptions& options = {});

/// measurement_files, and a data-empty warning for each `data` glob that matches no file.
/// A file matched by two globs is listed twice (the reader reads it once and warns).
struct DataFiles {
  std::vector<std::string> files;
  std::vector<Diagnostic> warnings;
};
DataFiles data_files(const Workspace& workspace, const LoadOptions& options = {});

}  // namespace kpi
