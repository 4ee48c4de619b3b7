#pragma once
// The only place that prints findings and errors for people.

#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "kpi/error.hpp"

namespace kpi::cli {

/// Whether to colour output going to the terminal behind `fd` (1 or 2):
/// --color always|never, or auto: a terminal and no NO_COLOR in the environment.
bool use_color(const GlobalOptions& global, int fd);
/// The width to lay a table out in: $COLUMNS when set, else the terminal's columns when
/// `fd` is one, else 0 (no limit: a file or a pipe gets the full table).
int terminal_columns(int fd);

/// `file:line:col: error[rule]: message`, then the source line with a caret under the
/// column and the hint, when the file can be read.
void print_diagnostic(std::ostream& out, const Diagnostic& d, const GlobalOptions& global);
/// Findings in `file` show lines of `text` rather than of the file on disk: for a
/// change checked before it is written (`kpi define`).
void use_source_text(const std::string& file, const std::string& text);

/// Line `line` (1-based) of `file` as findings show it, read once per file; empty when
/// there is none.
const std::string& source_line(const std::string& file, int line);

void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& ds,
                       const GlobalOptions& global);

}  // namespace kpi::cli
