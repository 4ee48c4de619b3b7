#pragma once
// Internal to the findings renderers: what JSON, GitHub, JUnit and SARIF share.

#include <string>

#include "kpi/error.hpp"

namespace kpi::render {

inline const char* severity_word(Severity s) { return s == Severity::error ? "error" : "warning"; }

/// Whether a finding fails the run: every error, and warnings under strict.
inline bool fails(const Diagnostic& d, bool strict) {
  return d.severity == Severity::error || strict;
}

/// What follows the file name in a position: ":line:col", ":line", ":Sheet!C17" for a
/// workbook's cell, or nothing.
inline std::string place_suffix(const SourceLocation& at) {
  if (at.line > 0) {
    return ":" + std::to_string(at.line) + (at.column > 0 ? ":" + std::to_string(at.column) : "");
  }
  return at.cell.empty() ? std::string() : ":" + at.cell;
}

/// The cell of a finding in a workbook, for formats whose positions are lines only.
inline std::string cell_prefix(const Diagnostic& d) {
  return d.where.cell.empty() ? std::string() : d.where.cell + ": ";
}

/// `file:line:col: error[rule]: message (hint)`, as the text format prints it.
std::string one_line(const Diagnostic& d, const std::string& file);

/// The message and, when there is one, the hint in parentheses.
inline std::string message_and_hint(const Diagnostic& d) {
  return d.message + (d.hint.empty() ? "" : " (" + d.hint + ")");
}

}  // namespace kpi::render
