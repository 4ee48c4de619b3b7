#pragma once
// What the CI formats of `kpi validate` say about the run itself: folders, host, time.

#include <chrono>

#include "command.hpp"
#include "kpi/render/findings.hpp"

namespace kpi::cli {

/// Fills the report's start and working folders (paths in github, junit and SARIF
/// output are relative to the start folder), the source lines for fingerprints, the
/// host name, the start time (SOURCE_DATE_EPOCH when set, for reproducible output) and
/// the seconds since `started`.
void describe_run(FindingsReport& report, const GlobalOptions& global,
                  std::chrono::steady_clock::time_point started);

}  // namespace kpi::cli
