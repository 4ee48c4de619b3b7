#pragma once
// The warehouse a workspace's table sources are read from (kpi-sources(7)).

#include <memory>

#include "command.hpp"
#include "kpi/warehouse/answer.hpp"

namespace kpi::cli {

/// A reader for the workspace's warehouse when some source names a table, else null.
/// Throws Error (exit 2) when the DSN's variable is unset; connects on the first query.
std::unique_ptr<warehouse::TableReader> open_tables(const Workspace& ws,
                                                    const GlobalOptions& global);

}  // namespace kpi::cli
