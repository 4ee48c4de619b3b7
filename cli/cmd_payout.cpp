// kpi payout: the period's payout sheet, one row per person, for payroll. Scored exactly
// as kpi score scores (scoring.hpp); only the presentation differs.

#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "kpi/payout/payout.hpp"
#include "kpi/render/render.hpp"
#include "kpi/render/text.hpp"
#include "options.hpp"
#include "scoring.hpp"

namespace kpi::cli {

namespace {

void render_payout(const ScoreOptions& opts, const Workspace& ws, const ScoreResult& result,
                   const GlobalOptions& global) {
  const Payout payout = build_payout(ws, result);
  std::ostringstream out;
  if (opts.format == "xlsx") {
    out << render_payout_xlsx(payout);
  } else if (opts.format == "json") {
    render_payout_json(out, payout);
  } else if (opts.format == "csv" || opts.format == "tsv") {
    render_payout_csv(out, payout, opts.format == "csv" ? ',' : '\t');
  } else {
    render_payout_table(out, payout);
  }
  write_scored_output(opts.output, ws, result, global, out.str());
  // The sheet holds rows a payroll system imports; the sum goes where a person sees it.
  if ((opts.format == "csv" || opts.format == "tsv") && !global.quiet) {
    std::cerr << "kpi: " << payout.paid << " of " << payout.people.size()
              << " people paid, total amount " << render::human_value(payout.total_amount);
    if (payout.withheld > 0) {
      std::cerr << "; " << payout.withheld << " withheld";
    }
    std::cerr << '\n';
  }
}

}  // namespace

Runner setup_payout(CLI::App& app) {
  auto opts = std::make_shared<ScoreOptions>();
  add_period_options(app, opts->period, opts->as_of, "pay out", "Pay out");
  app.add_option("-u,--unit", opts->unit, "Only the people of this unit and the units under it")
      ->option_text("U");
  app.add_option("-f,--format", opts->format,
                 "Output: table (default), csv, tsv, json, xlsx (with --output)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "xlsx"}));
  add_scoring_options(app, *opts);
  return scoring_runner(opts, render_payout);
}

}  // namespace kpi::cli
