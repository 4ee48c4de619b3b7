// kpi sql: the queries kpi score sends for its table sources, for people who want to read
// or run them (kpi-sql(1)). Nothing connects: the DSN is not needed.

#include <iostream>
#include <memory>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/warehouse/plan.hpp"
#include "options.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct SqlOptions {
  std::string period = "last-month";
  std::string as_of;
  std::string source;
};

std::string yaml_place(const SourceLocation& at) {
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

int run_sql(const SqlOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before asking for queries "
                 "(kpi validate)\n";
    return k_exit_input;
  }
  const ScoreRequest request = resolve_period_request(opts.period, opts.as_of);
  std::vector<const Source*> tables;
  std::vector<std::string> ids;
  for (const Source& s : ws.sources) {
    if (!s.table.empty()) {
      ids.push_back(s.id);
      if (opts.source.empty() || s.id == opts.source) {
        tables.push_back(&s);
      }
    }
  }
  if (!opts.source.empty() && tables.empty()) {
    throw Error(Diagnostic{"unknown-source",
                           Severity::error,
                           "no source '" + opts.source + "' reads a table" +
                               (ids.empty() ? "; no source of this workspace does" : ""),
                           {},
                           did_you_mean(opts.source, ids)},
                k_exit_usage);
  }
  if (tables.empty()) {
    if (!global.quiet) {
      std::cerr << "kpi: no source of this workspace reads a table; there is no query\n";
    }
    return k_exit_ok;
  }
  const MeasurementIndex index(ws);
  const std::vector<warehouse::Bucket> buckets =
      warehouse::buckets_for({{request.period, request.as_of}}, warehouse::active_days_of(index));
  const std::unique_ptr<warehouse::Dialect> dialect = warehouse::dialect_for(ws.warehouse.engine);
  const std::string token = period_token(request.period);
  std::cout << "-- kpi score --period "
            << (token.empty()
                    ? format_date(request.period.start) + ".." + format_date(request.period.end)
                    : token)
            << " --as-of " << format_date(request.as_of) << ", engine " << dialect->engine()
            << "\n";
  std::cout << "-- kpi_bucket: days that count alike (-1: rows without a day)\n";
  for (size_t b = 0; b < buckets.size(); ++b) {
    std::cout << "--   " << b << ": " << format_date(buckets[b].first) << ".."
              << format_date(buckets[b].last) << "\n";
  }
  for (const Source* s : tables) {
    std::cout << "\n-- source '" << s->id << "' (" << yaml_place(s->at_key("table")) << "), table "
              << s->table << "; kpi_measure counts its measures from 0\n"
              << warehouse::compile_query(*dialect, ws, *s, buckets).sql << ";\n";
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_sql(CLI::App& app) {
  auto opts = std::make_shared<SqlOptions>();
  add_period_options(app, opts->period, opts->as_of, "query", "Query");
  app.add_option("-s,--source", opts->source, "Only this table source's query")->option_text("ID");
  return [opts](const GlobalOptions& global) { return run_sql(*opts, global); };
}

}  // namespace kpi::cli
