#include "gaps.hpp"

#include "diagnostics.hpp"

namespace kpi::cli {

int report_gaps(std::ostream& err, const ScoreResult& result, const GlobalOptions& global,
                bool printed) {
  std::vector<Diagnostic> gaps;
  for (const Diagnostic& d : result.warnings) {
    if (d.rule == "missing-data" && d.severity == Severity::error) {
      gaps.push_back(d);
    }
  }
  if (gaps.empty()) {
    return k_exit_ok;
  }
  // Errors go to stderr whatever --quiet says: they decide the exit status.
  if (!printed || global.quiet) {
    print_diagnostics(err, gaps, global);
  }
  err << "kpi: " << gaps.size() << " KPI" << (gaps.size() == 1 ? "" : "s")
      << " without data under 'missing: error'; record the data before this result is used\n";
  return k_exit_input;
}

}  // namespace kpi::cli
