#include "kpi/warehouse/connect.hpp"

#include <cstdlib>

namespace kpi::warehouse {

Error table_error(const TableQuery& query, std::string rule, std::string message,
                  std::string hint) {
  Error error = usage_error(std::move(rule), std::move(message));
  error.diagnostic.where = query.source->at_key("table");
  error.diagnostic.hint = std::move(hint);
  return error;
}

std::unique_ptr<TableReader> open_warehouse(const Warehouse& warehouse,
                                            const ConnectOptions& options) {
  const std::string variable = warehouse.dsn_variable();
  const char* dsn = variable.empty() ? nullptr : std::getenv(variable.c_str());
  if (dsn == nullptr || *dsn == '\0') {
    Error error = usage_error("warehouse-dsn",
                              "the table sources need the warehouse's DSN, and the environment "
                              "variable " +
                                  variable + " (kpi.yaml's 'dsn') is " +
                                  (dsn == nullptr ? "not set" : "empty"));
    error.diagnostic.where = warehouse.dsn_at;
    error.diagnostic.hint = warehouse.engine == "clickhouse"
                                ? "export " + variable + "=http://user:password@host:8123/db"
                                : "export " + variable + "='postgresql://user@host/db'";
    throw error;
  }
  if (warehouse.engine == "clickhouse") {
    return clickhouse_reader(dsn, options);
  }
  return postgres_reader(dsn, options);
}

}  // namespace kpi::warehouse
