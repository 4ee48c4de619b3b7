#pragma once
// Opening the workspace's warehouse (kpi.yaml's `warehouse`): the DSN read from the
// environment variable it names, a client for its engine. The client libraries (libpq,
// libcurl) are used behind this header only.

#include <chrono>
#include <memory>

#include "kpi/model/model.hpp"
#include "kpi/warehouse/answer.hpp"

namespace kpi::warehouse {

struct ConnectOptions {
  std::chrono::seconds timeout{300};  ///< a query's limit (kpi score --timeout)
};

/// A reader for `warehouse`. Throws usage_error (warehouse-dsn) when the variable is
/// unset or empty. Connects on the first query, so that no table source, no connection.
std::unique_ptr<TableReader> open_warehouse(const Warehouse& warehouse,
                                            const ConnectOptions& options);

/// What stops a table source's read (exit 2), at the source's `table`.
Error table_error(const TableQuery& query, std::string rule, std::string message,
                  std::string hint = {});

std::unique_ptr<TableReader> postgres_reader(std::string dsn, const ConnectOptions& options);
std::unique_ptr<TableReader> clickhouse_reader(std::string dsn, const ConnectOptions& options);

}  // namespace kpi::warehouse
