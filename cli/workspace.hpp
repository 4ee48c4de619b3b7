#pragma once
// Finding and loading the workspace a command works on.

#include <string>
#include <vector>

#include "command.hpp"
#include "kpi/yaml/definitions.hpp"

namespace kpi::cli {

/// kpi.yaml found as cli.md says (--workspace FILE, else upwards from the current
/// folder, which -C has already changed). Throws Error (exit 2) when there is none.
std::string workspace_path(const GlobalOptions& global);

/// The workspace loaded, plus the validator's findings after the loader's.
struct OpenWorkspace {
  LoadResult load;
  std::vector<Diagnostic> findings;  ///< loader's and validator's, in that order
  bool blocked = false;              ///< some finding keeps score and report from running
};

OpenWorkspace open_workspace(const GlobalOptions& global);

/// What the global options allow the loader (--allow-outside).
LoadOptions load_options(const GlobalOptions& global);

/// A path typed on the command line (--data, --file, --output) is the user's own choice,
/// even outside the workspace; but one that lies inside the workspace folder as written
/// and leads out of it through a symbolic link is refused (`path-outside`, exit 1) unless
/// --allow-outside: such a link can come with the files being checked.
void check_typed_path(const std::string& path, const std::string& workspace_file,
                      const GlobalOptions& global);

/// Today's date: KPI_TODAY (YYYY-MM-DD) when set, for reproducible scripts; else the
/// local calendar day.
Date today();

}  // namespace kpi::cli
