// kpi report: the period's report in Markdown, HTML or JSON (kpi-report(1)).

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "diagnostics.hpp"
#include "gaps.hpp"
#include "kpi/period/shift.hpp"
#include "kpi/render/render.hpp"
#include "kpi/report/report.hpp"
#include "kpi/validate/validate.hpp"
#include "language.hpp"
#include "options.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "scoring.hpp"
#include "sealing.hpp"
#include "tables.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

struct ReportOptions {
  std::string period = "last-month";
  std::string as_of;
  std::string format = "md";
  std::string output;
  std::string lang;  ///< --lang; empty: settings.language
  std::string compare = "previous";
  int trend = 6;
  std::vector<std::string> data;
  bool skip_invalid = false;
  bool strict = false;
  int jobs = 0;
};

/// The periods to read at once: the period, the compared one, then the trend's earlier
/// periods (the trend ends with the period itself). `trend` indexes `periods`, oldest
/// first; the compared period, when it is also one of the trend's (the previous month
/// is), is read and scored once.
struct ReadPlan {
  std::vector<Period> periods;
  std::vector<size_t> trend;
};

ReadPlan periods_to_read(const ReportOptions& opts, const Period& period) {
  ReadPlan plan{{period}, {}};
  std::vector<Period>& periods = plan.periods;
  if (opts.compare == "previous") {
    periods.push_back(previous_period(period));
  } else if (opts.compare == "year-ago") {
    periods.push_back(year_ago_period(period));
  }
  if (periods.size() > 1 && !within_calendar(periods.back())) {
    throw usage_error("bad-value", "--period: " + absolute_token(period) + " has no " +
                                       opts.compare +
                                       " period to compare with: it would fall outside "
                                       "0001-01-01..9999-12-31 (use --compare none)");
  }
  std::vector<Period> trend = trailing_periods(period, opts.trend);
  if (!trend.empty()) {
    trend.pop_back();
  }
  if (!trend.empty() && !within_calendar(trend.front())) {
    throw usage_error("bad-value", fmt::format("--period: a trend of {} periods ending with {} "
                                               "would start before 0001-01-01 (use a shorter "
                                               "--trend)",
                                               opts.trend, absolute_token(period)));
  }
  for (const Period& p : trend) {
    if (periods.size() > 1 && p == periods[1]) {
      plan.trend.push_back(1);
    } else {
      plan.trend.push_back(periods.size());
      periods.push_back(p);
    }
  }
  return plan;
}

/// The findings shown with the report. The cascade check looks at the parent's slot
/// holding a reference day: the period's start here, not today, so that the report
/// does not change with the day it is made.
std::vector<Diagnostic> report_findings(const OpenWorkspace& open, const Period& period,
                                        std::vector<Diagnostic>& cascade) {
  std::vector<Diagnostic> notes;
  for (const Diagnostic& d : open.findings) {
    if (d.rule != "cascade-gap") {
      notes.push_back(d);
    }
  }
  for (const Diagnostic& d : validate_workspace(open.load.workspace, period.start)) {
    if (d.rule == "cascade-gap") {
      notes.push_back(d);
      cascade.push_back(d);
    }
  }
  return notes;
}

/// What the common mail services take in one message (Gmail, Outlook.com: 25 MB).
constexpr uint64_t k_mail_size_limit = 25'000'000;

int run_report(const ReportOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const Workspace& ws = open.load.workspace;
  if (open.blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before reporting (kpi validate)\n";
    return k_exit_input;
  }
  const ScoreRequest request = resolve_period_request(opts.period, opts.as_of);
  require_output_for_xlsx(opts.format, opts.output);
  const std::string lang = use_language(opts.lang, ws);
  const std::string output = expand_output_path(opts.output, request.period, request.as_of, lang);
  check_typed_path(output, ws.file, global);
  for (const std::string& file : opts.data) {
    check_typed_path(file, ws.file, global);
  }
  const std::string generated = generated_stamp();
  const ReadPlan plan = periods_to_read(opts, request.period);
  const std::vector<Period>& periods = plan.periods;

  MeasurementIndex index(ws);
  std::vector<std::pair<Period, Date>> wanted;
  for (const Period& p : periods) {
    wanted.emplace_back(p, request.as_of);
  }
  ReadOptions reading;
  reading.jobs = resolve_jobs(opts.jobs);
  ProgressLine progress(global, false);  // on a terminal, after about two seconds
  reading.progress = progress.when_shown();
  const DataFiles files =
      opts.data.empty() ? data_files(ws, load_options(global)) : DataFiles{opts.data, {}};
  const std::unique_ptr<warehouse::TableReader> tables = open_tables(ws, global);
  MeasurementInputs reads{&ws, global.allow_outside, files.files};
  reads.tables = tables.get();
  AggregateResult aggregates = aggregate_measurements(index, reads, wanted, reading);
  if (problems_stop_the_run(aggregates, opts.skip_invalid, global, "report on")) {
    return k_exit_input;
  }

  std::vector<Diagnostic> cascade;
  std::vector<Diagnostic> notes = report_findings(open, request.period, cascade);
  notes.insert(notes.end(), files.warnings.begin(), files.warnings.end());
  for (Diagnostic& skipped : skipped_row_warnings(aggregates.problems)) {
    notes.push_back(std::move(skipped));
  }
  const auto score_period = [&](size_t i) {
    ScoreRequest r = request;
    r.period = periods[i];
    r.token = i == 0 ? request.token : absolute_token(periods[i]);
    ScoreResult result = compute_scores(ws, index, aggregates.periods[i], r);
    result.warnings.insert(result.warnings.begin(), notes.begin(), notes.end());
    return result;
  };
  ReportInputs inputs;
  inputs.current = score_period(0);
  for (Diagnostic& stale : stale_data_warnings(ws, index, aggregates.periods.front())) {
    inputs.current.warnings.push_back(std::move(stale));
  }
  // A closed period reported again: what changed since it was sealed (kpi-close(1)).
  const std::optional<Diagnostic> closed =
      check_closed(ws, files.files, inputs.current, global, opts.strict);
  if (closed) {
    inputs.current.warnings.insert(inputs.current.warnings.begin(), *closed);
    if (!global.quiet || closed->severity == Severity::error) {
      print_diagnostics(std::cerr, {*closed}, global);
    }
  }
  if (!global.quiet) {
    print_diagnostics(std::cerr, notes, global);
  }

  ScoreResult gaps;  // the current period's findings, for the exit status
  gaps.warnings = inputs.current.warnings;
  inputs.compare = opts.compare == "previous"   ? CompareMode::previous
                   : opts.compare == "year-ago" ? CompareMode::year_ago
                                                : CompareMode::none;
  if (inputs.compare != CompareMode::none) {
    inputs.compared = score_period(1);
  }
  if (opts.trend > 0) {
    // Each trend period is scored, kept as the few numbers the report shows, and let go.
    inputs.trend = start_trend(inputs.current);
    for (const size_t i : plan.trend) {
      if (i == 1 && inputs.compared) {
        add_trend_period(inputs.trend, *inputs.compared, inputs.current);
      } else {
        add_trend_period(inputs.trend, score_period(i), inputs.current);
      }
    }
    add_trend_period(inputs.trend, inputs.current, inputs.current);
  }
  inputs.findings = cascade;
  const Report report = build_report(ws, std::move(inputs));

  if (opts.format == "xlsx") {
    // libxlsxwriter makes the workbook whole; its temporary file is opened only then.
    write_output(output, render_report_xlsx(report));
  } else {
    // Written as it is rendered: a report of 1,000 people is not held whole.
    OutputFile out(output);
    if (opts.format == "eml") {
      const uint64_t size = render_report_eml(out.stream(), report, generated);
      if (size > k_mail_size_limit && !global.quiet) {
        std::cerr << fmt::format(
            "kpi: warning: the message is {:.0f} MB; mail servers commonly refuse more than "
            "25 MB (Gmail, Outlook): mail the HTML report (--format html) as an attachment "
            "instead\n",
            static_cast<double>(size) / 1e6);
      }
    } else if (opts.format == "json") {
      render_report_json(out.stream(), report);
    } else if (opts.format == "html") {
      render_report_html(out.stream(), report, generated);
    } else {
      render_report_markdown(out.stream(), report);
    }
    out.commit();
  }
  // missing: error: the report is written, then the gaps fail the run (scoring.md).
  const int status = report_gaps(std::cerr, gaps, global, false);
  return closed && closed->severity == Severity::error ? k_exit_input : status;
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto opts = std::make_shared<ReportOptions>();
  add_period_options(app, opts->period, opts->as_of, "report on", "Report");
  app.add_option("-f,--format", opts->format,
                 "Output: md (default), html, json, xlsx (with --output), eml (a mail)")
      ->check(CLI::IsMember({"md", "html", "json", "xlsx", "eml"}));
  app.add_option("-o,--output", opts->output,
                 "Write to FILE (atomically) instead of stdout; {period}, {as_of} and {lang} "
                 "are filled in")
      ->option_text("FILE");
  add_lang_option(app, opts->lang);
  app.add_option("--compare", opts->compare,
                 "Compare with the previous period (default), the same period a year ago, or none")
      ->check(CLI::IsMember({"previous", "year-ago", "none"}));
  app.add_option("--trend", opts->trend, "Trend over the last N periods (default 6; 0: none)")
      ->option_text("N")
      ->check(CLI::Range(0, 120));
  app.add_option("-d,--data", opts->data,
                 "Read these measurement files instead of the workspace's ('-' reads stdin)")
      ->option_text("FILE");
  app.add_flag("--skip-invalid", opts->skip_invalid,
               "Report on the valid rows and list invalid ones as warnings");
  app.add_flag("--strict", opts->strict,
               "A closed period whose files or numbers changed since it was sealed fails (exit 1)");
  add_jobs_option(app, opts->jobs);
  return [opts](const GlobalOptions& global) { return run_report(*opts, global); };
}

}  // namespace kpi::cli
