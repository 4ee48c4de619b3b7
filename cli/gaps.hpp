#pragma once
// missing: error (scoring.md, "Totals"): a payroll run must not go out on a gap.

#include <ostream>

#include "command.hpp"
#include "kpi/score/score.hpp"

namespace kpi::cli {

/// The exit status of a printed result: 1 when it holds an error finding (a missing-data
/// gap under `missing: error`), else 0. Prints those findings to `err` first unless
/// `printed` says the caller has printed the result's warnings there already.
int report_gaps(std::ostream& err, const ScoreResult& result, const GlobalOptions& global,
                bool printed);

}  // namespace kpi::cli
