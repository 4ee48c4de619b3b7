#pragma once
// What `kpi close` seals and what later runs check against the seal (kpi-close(1)).

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "kpi/close/seal.hpp"
#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"

namespace kpi::cli {

/// Every file a run reads, relative to the workspace folder: the definition files, the
/// data files `data` (and the journal among them), and every source's files.
std::vector<std::string> counted_files(const Workspace& ws, const std::vector<std::string>& data,
                                       const GlobalOptions& global);

/// closed-changed when the period scored has a seal and a file or a number differs from
/// it (an error under `strict`); nothing when it has none or nothing differs.
std::optional<Diagnostic> check_closed(const Workspace& ws, const std::vector<std::string>& data,
                                       const ScoreResult& scored, const GlobalOptions& global,
                                       bool strict);

}  // namespace kpi::cli
