#include "options.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

#include "diagnostics.hpp"
#include "kpi/period/shift.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

bool is_relative(const std::string& token) {
  for (const std::string& word : relative_period_words()) {
    if (token.find(word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

ScoreRequest resolve_period_request(const std::string& period, const std::string& as_of) {
  ScoreRequest request;
  request.as_of = today();
  if (!as_of.empty()) {
    std::optional<Date> day = parse_date(as_of);
    if (!day) {
      throw usage_error("bad-value", "--as-of: '" + as_of + "' is not a real day (YYYY-MM-DD)");
    }
    request.as_of = *day;
  }
  PeriodParse parsed = parse_period(period, request.as_of);
  if (!parsed.period) {
    throw usage_error("bad-value", "--period: " + parsed.error);
  }
  request.token = is_relative(period) ? absolute_token(*parsed.period) : period;
  request.period = *parsed.period;
  return request;
}

namespace {

/// A header without a column the reading needs, or a file that cannot be read as its
/// kind: no row of that file is read.
bool is_file_problem(const Diagnostic& d) {
  return d.rule == "missing-column" || d.rule == "source-column" || d.rule == "source-file";
}

}  // namespace

bool has_file_problem(const std::vector<Diagnostic>& problems) {
  return std::any_of(problems.begin(), problems.end(), is_file_problem);
}

std::string problem_advice(const std::vector<Diagnostic>& problems,
                           const std::string& skip_advice) {
  return has_file_problem(problems)
             ? "a measurement or source file's header or sheet is wrong; --skip-invalid "
               "skips rows, not files"
             : skip_advice;
}

bool problems_stop_the_run(const AggregateResult& aggregates, bool skip_invalid,
                           const GlobalOptions& global, const std::string& verb) {
  if (aggregates.problems.empty() || (skip_invalid && !has_file_problem(aggregates.problems))) {
    return false;
  }
  print_diagnostics(std::cerr, aggregates.problems, global);
  print_problem_count(std::cerr, aggregates.problems, aggregates.problems_total,
                      problem_advice(aggregates.problems,
                                     "use --skip-invalid to " + verb + " the valid rows anyway"));
  return true;
}

std::vector<Diagnostic> skipped_row_warnings(const std::vector<Diagnostic>& problems) {
  std::vector<Diagnostic> out;
  for (Diagnostic problem : problems) {
    problem.severity = Severity::warning;
    problem.message = "skipped: " + problem.message;
    out.push_back(std::move(problem));
  }
  return out;
}

void print_problem_count(std::ostream& out, const std::vector<Diagnostic>& shown, int64_t total,
                         const std::string& advice) {
  // A file gives one problem, found before its rows: those listed hold them all unless
  // thousands of bad rows of earlier files came first.
  const auto files = std::count_if(shown.begin(), shown.end(), is_file_problem);
  const int64_t rows = total - files;
  const int64_t rows_shown = static_cast<int64_t>(shown.size()) - files;
  out << "kpi: ";
  if (files > 0) {
    out << files << (files == 1 ? " file not read" : " files not read");
    out << (rows > 0 ? " and " : "");
  }
  if (rows_shown < rows) {
    out << rows_shown << " of " << rows << " invalid rows shown";
  } else if (rows > 0) {
    out << rows << (rows == 1 ? " invalid row" : " invalid rows");
  }
  out << "; " << advice << "\n";
}

void add_period_options(CLI::App& app, std::string& period, std::string& as_of,
                        const std::string& verb, const std::string& capitalised_verb) {
  app.add_option("-p,--period", period,
                 "Period to " + verb +
                     ": 2026, 2026-Q4, 2026-10, 2026-W43, 2026-10-14, A..B, or a word such as "
                     "last-month (default)")
      ->option_text("P");
  app.add_option("--as-of", as_of,
                 capitalised_verb +
                     " as on this day (YYYY-MM-DD, default today): resolves relative periods; "
                     "inside the period, later rows are ignored and targets are paced")
      ->option_text("D");
}

void add_jobs_option(CLI::App& app, int& jobs) {
  app.add_option("-j,--jobs", jobs,
                 "Threads that read the measurement files (default 0: one per core); the "
                 "result is the same for any number")
      ->option_text("N")
      ->check(CLI::Range(0, 1024));
}

void add_lang_option(CLI::App& app, std::string& lang) {
  app.add_option("--lang", lang,
                 "Language of the labels and numbers: en or vi (default: settings.language)")
      ->option_text("LANG");
}

int resolve_jobs(int jobs) {
  if (jobs > 0) {
    return jobs;
  }
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace kpi::cli
