// validate_workspace: runs every group of model checks and puts the findings in the
// order of the files (definition order), then by position inside each file.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "kpi/validate/checks.hpp"
#include "kpi/validate/order.hpp"
#include "kpi/validate/validate.hpp"

namespace kpi {

namespace checks {

void Context::add(std::string_view rule, const SourceLocation& where, std::string message,
                  std::string hint) {
  const RuleInfo* info = find_rule(rule);
  Severity severity = info != nullptr ? info->severity : Severity::error;
  m_findings.push_back(
      Diagnostic{std::string(rule), severity, std::move(message), where, std::move(hint)});
}

std::string format_number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{:.0f}", value);
  }
  return fmt::format("{}", value);
}

SourceLocation shifted(const SourceLocation& where, int offset) {
  SourceLocation moved = where;
  if (moved.column > 0) {
    moved.column += offset;
  }
  return moved;
}

std::string line_of(const SourceLocation& where) {
  if (where.line <= 0) {
    return where.file.empty() ? std::string("elsewhere") : where.file;
  }
  return where.file + ":" + std::to_string(where.line);
}

}  // namespace checks

std::vector<Diagnostic> validate_workspace(const Workspace& workspace, Date reference) {
  checks::Context context(workspace, reference);
  checks::check_duplicates(context);
  checks::check_references(context);
  checks::check_cycles(context);
  checks::check_frames(context);
  checks::check_targets(context);
  checks::check_smart(context);
  checks::check_system(context);
  checks::check_cascade(context);
  checks::check_sources(context);
  checks::check_payroll(context);
  std::vector<Diagnostic> findings = context.take();
  sort_findings(findings, workspace.files);
  return findings;
}

}  // namespace kpi
