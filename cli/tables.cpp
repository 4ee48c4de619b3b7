#include "tables.hpp"

#include <algorithm>

#include "kpi/warehouse/connect.hpp"

namespace kpi::cli {

std::unique_ptr<warehouse::TableReader> open_tables(const Workspace& ws,
                                                    const GlobalOptions& global) {
  const bool any = std::any_of(ws.sources.begin(), ws.sources.end(),
                               [](const Source& s) { return !s.table.empty(); });
  if (!any) {
    return nullptr;
  }
  warehouse::ConnectOptions options;
  options.timeout = std::chrono::seconds(global.timeout);
  return warehouse::open_warehouse(ws.warehouse, options);
}

}  // namespace kpi::cli
