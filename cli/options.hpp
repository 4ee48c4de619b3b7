#pragma once
// Reading option values shared by score and report: periods, dates, filters.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/score/score.hpp"

namespace kpi::cli {

/// --as-of (default today) and --period resolved; a bad value is a wrong call (exit 2).
ScoreRequest resolve_period_request(const std::string& period, const std::string& as_of);

/// "3 invalid rows" / "50 of 1234 invalid rows shown" / "1 file not read and 2 invalid
/// rows", and what to do about them. `shown` are the problems listed (the first of them).
void print_problem_count(std::ostream& out, const std::vector<Diagnostic>& shown, int64_t total,
                         const std::string& advice);

/// True when a measurement file is wrong as a whole (its header lacks a column): no row
/// of it can be read, so --skip-invalid, which skips rows, does not skip it.
bool has_file_problem(const std::vector<Diagnostic>& problems);

/// The advice after the problems: how to go on with the valid rows (`skip_advice`), or,
/// when a file is wrong as a whole, that --skip-invalid cannot help.
std::string problem_advice(const std::vector<Diagnostic>& problems, const std::string& skip_advice);

/// Whether the rows' problems stop the run: with none, or with --skip-invalid and no file
/// wrong as a whole, it goes on (false). Otherwise they are printed on stderr with their
/// count and "use --skip-invalid to <verb> the valid rows anyway" (or why that cannot
/// help), and the command exits 1 (true).
bool problems_stop_the_run(const AggregateResult& aggregates, bool skip_invalid,
                           const GlobalOptions& global, const std::string& verb);

/// The rows --skip-invalid skipped, as the warnings ("skipped: ...") said with the result.
std::vector<Diagnostic> skipped_row_warnings(const std::vector<Diagnostic>& problems);

/// -p/--period P and --as-of D, the same for score and report: "Period to <verb>: ...",
/// "<Verb> as on this day ...".
void add_period_options(CLI::App& app, std::string& period, std::string& as_of,
                        const std::string& verb, const std::string& capitalised_verb);
/// -j/--jobs N: threads that read the measurement files; 0 (the default) is one per core.
void add_jobs_option(CLI::App& app, int& jobs);
/// --lang LANG: the labels' language of score, report and payout (language.hpp).
void add_lang_option(CLI::App& app, std::string& lang);
/// What --jobs asks for, as a number of threads (0: the number of cores, at least 1).
int resolve_jobs(int jobs);

}  // namespace kpi::cli
