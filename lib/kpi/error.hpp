#pragma once
// Findings are data (Diagnostic); what stops the work throws kpi::Error.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kpi {

/// A place in a user's file. Lines and columns are 1-based; 0 means unknown. A cell of
/// an Excel workbook is named by `cell` ("Visits!C17") instead, with line and column 0.
struct SourceLocation {
  SourceLocation() = default;
  SourceLocation(std::string file, int64_t line = 0, int64_t column = 0)
      : file(std::move(file)), line(line), column(column) {}
  /// The cell `cell` ("Sheet!C17") of the workbook `file`.
  static SourceLocation in_sheet(std::string file, std::string cell) {
    SourceLocation at(std::move(file));
    at.cell = std::move(cell);
    return at;
  }

  std::string file;
  int64_t line = 0;
  int64_t column = 0;
  std::string cell;
};

enum class Severity { error, warning };

/// One finding: a rule id that never changes, a severity, where, and what to change.
struct Diagnostic {
  std::string rule;
  Severity severity = Severity::error;
  std::string message;
  SourceLocation where;
  std::string hint;  ///< optional, e.g. "did you mean 'target'?"
};

/// Exit statuses of cli.md.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_input = 1;  ///< the inputs have problems
inline constexpr int k_exit_usage = 2;  ///< the call is wrong or cannot run

/// The one exception type: carries a Diagnostic and the exit status it maps to.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d, int exit_status = k_exit_input)
      : std::runtime_error(d.message), diagnostic(std::move(d)), exit_status(exit_status) {}

  Diagnostic diagnostic;
  int exit_status;
};

/// Shorthand for a call-level failure (missing file, unreadable path): exit 2.
inline Error usage_error(std::string rule, std::string message, std::string file = {}) {
  return Error(
      Diagnostic{std::move(rule), Severity::error, std::move(message), {std::move(file)}, {}},
      k_exit_usage);
}

}  // namespace kpi
