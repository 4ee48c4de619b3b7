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

/// Today's date: KPI_TODAY (YYYY-MM-DD) when set, for reproducible scripts; else the
/// local calendar day.
Date today();

}  // namespace kpi::cli
