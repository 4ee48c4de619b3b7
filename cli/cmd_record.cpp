// kpi record: add measurements to the journal, checked first, under a lock.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/close/seal.hpp"
#include "kpi/record/record.hpp"
#include "kpi/util/file.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/validate/validate.hpp"
#include "options.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

constexpr size_t k_conflicts_shown = 5;

struct RecordOptions {
  std::string kpi;
  std::string value;
  std::string entity;
  std::string date;
  std::string note;
  std::string file;
  bool replace = false;
  bool append = false;
  std::string replace_period;
  std::vector<std::string> kpis;  ///< --kpi: the KPIs whose rows --replace-period replaces
  bool dry_run = false;
};

std::string journal_path(const Workspace& ws) {
  const std::filesystem::path journal(ws.journal);
  const std::filesystem::path folder = std::filesystem::path(ws.file).parent_path();
  if (journal.is_absolute() || folder.empty()) {
    return journal.lexically_normal().string();
  }
  return (folder / journal).lexically_normal().string();
}

/// The one row of `kpi record KPI VALUE`, as measurement CSV, so that it is checked
/// exactly as a file's rows are; findings carry no position (there is no file).
RowsRead read_single_row(const RecordOptions& opts, const MeasurementIndex& index) {
  if (opts.kpi.empty()) {
    throw usage_error("missing-argument", "kpi record needs KPI and VALUE, or --file FILE");
  }
  if (std::optional<int> k = index.kpi(opts.kpi); k && !index.is_formula(*k)) {
    if (index.is_count(*k) && !opts.value.empty()) {
      throw usage_error("bad-value",
                        "KPI '" + opts.kpi + "' counts rows (aggregate count) and takes no VALUE");
    }
    if (!index.is_count(*k) && opts.value.empty()) {
      throw usage_error("missing-argument", "KPI '" + opts.kpi + "' needs a VALUE");
    }
  }
  const std::string date = opts.date.empty() ? format_date(today()) : opts.date;
  std::string text = "kpi,entity,date,value,note\n";
  for (const std::string* field : {&opts.kpi, &opts.entity, &date, &opts.value, &opts.note}) {
    text += quote_field(*field, ',') + (field == &opts.note ? "\n" : ",");
  }
  std::istringstream in(text);
  RowsRead read = read_record_rows(in, "", index);
  for (Diagnostic& d : read.report.problems) {
    d.where = {};
  }
  return read;
}

RowsRead read_input(const RecordOptions& opts, const MeasurementIndex& index) {
  if (opts.file.empty()) {
    return read_single_row(opts, index);
  }
  if (!opts.kpi.empty() || !opts.entity.empty() || !opts.date.empty() || !opts.note.empty()) {
    throw usage_error("bad-option",
                      "--file takes the rows from the file; give no KPI, VALUE, --entity, "
                      "--date or --note with it");
  }
  if (opts.file == "-") {
    RowsRead read = read_record_rows(std::cin, "<stdin>", index);
    if (std::cin.bad()) {
      throw usage_error("unreadable-file", "error while reading standard input", "<stdin>");
    }
    return read;
  }
  FileError why;
  std::optional<InputFile> file = InputFile::open(opts.file, why);
  if (!file) {
    throw usage_error("unreadable-file",
                      "cannot read the measurement file '" + opts.file + "': " + why.message,
                      opts.file);
  }
  RowsRead read = read_record_rows(file->stream(), opts.file, index);
  if (file->stream().bad()) {
    throw usage_error("unreadable-file", "error while reading '" + opts.file + "'", opts.file);
  }
  return read;
}

std::string key_text(const RecordRow& row) {
  return "(" + row.kpi + ", " + row.entity + ", " + row.date + ")";
}

void print_conflicts(const RecordPlan& plan, const Journal& journal,
                     const std::vector<RecordRow>& input, const std::string& source,
                     const GlobalOptions& global) {
  for (size_t i = 0; i < plan.conflicts.size() && i < k_conflicts_shown; ++i) {
    const KeyConflict& c = plan.conflicts[i];
    const RecordRow& row = input[c.input_row];
    const std::string from =
        source.empty() ? "the new row" : source + ":" + std::to_string(row.line);
    Diagnostic d{"duplicate-key", Severity::error, "", {}, {}};
    if (c.in_journal) {
      d.message = "the key " + key_text(row) + " of " + from + " is already recorded here";
      d.where = SourceLocation{journal.path, journal.rows[c.other_row].line, 1};
    } else {
      d.message = "the key " + key_text(row) + " appears twice in the input, first at line " +
                  std::to_string(input[c.other_row].line);
      d.where = SourceLocation{source, row.line, 1};
    }
    print_diagnostic(std::cerr, d, global);
  }
  size_t recorded = 0;
  for (const KeyConflict& c : plan.conflicts) {
    recorded += c.in_journal ? 1 : 0;
  }
  const size_t repeated = plan.conflicts.size() - recorded;
  std::cerr << "kpi: ";
  if (recorded > 0) {
    std::cerr << recorded << (recorded == 1 ? " row has" : " rows have")
              << " a key (kpi, entity, date) already recorded" << (repeated > 0 ? "; " : "");
  }
  if (repeated > 0) {
    std::cerr << repeated << (repeated == 1 ? " row repeats" : " rows repeat")
              << " a key (kpi, entity, date) of the input";
  }
  if (plan.conflicts.size() > k_conflicts_shown) {
    std::cerr << " (" << k_conflicts_shown << " of " << plan.conflicts.size() << " shown)";
  }
  std::cerr << "; nothing was recorded; "
            << (repeated > 0 ? "use --append to keep rows with one key side by side\n"
                             : "use --replace to replace those rows or --append to keep both\n");
}

/// --replace-period P with its --kpi K...: a wrong call (exit 2) when either is missing,
/// P is not a period, or a K is not a KPI that rows are recorded for.
std::optional<ReplaceScope> replace_scope(const RecordOptions& opts,
                                          const MeasurementIndex& index) {
  if (opts.replace_period.empty()) {
    if (!opts.kpis.empty()) {
      throw usage_error("bad-option",
                        "--kpi names the KPIs that --replace-period replaces; "
                        "give --replace-period P with it");
    }
    return std::nullopt;
  }
  if (opts.kpis.empty()) {
    throw usage_error("missing-argument",
                      "--replace-period needs --kpi K (repeatable): the KPIs whose rows in "
                      "the period the input replaces");
  }
  const PeriodParse parsed = parse_period(opts.replace_period, today());
  if (!parsed.period) {
    throw usage_error("bad-value", "--replace-period: " + parsed.error);
  }
  for (const std::string& k : opts.kpis) {
    const std::optional<int> found = index.kpi(k);
    if (!found) {
      Error error = usage_error("unknown-kpi", "--kpi: no KPI '" + k + "' is defined");
      error.diagnostic.hint = did_you_mean(k, index.kpi_ids());
      throw error;
    }
    if (index.is_formula(*found)) {
      throw usage_error("bad-value",
                        "--kpi: '" + k + "' is a formula KPI: no rows are recorded for it");
    }
  }
  return ReplaceScope{*parsed.period, opts.kpis};
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : separator) + item;
  }
  return out;
}

void print_outside(const RecordPlan& plan, const std::vector<RecordRow>& input,
                   const RecordOptions& opts, const std::string& source,
                   const GlobalOptions& global) {
  for (size_t i = 0; i < plan.outside.size() && i < k_conflicts_shown; ++i) {
    const RecordRow& row = input[plan.outside[i]];
    Diagnostic d{"replace-scope",
                 Severity::error,
                 "the row " + key_text(row) + " is outside --replace-period " +
                     opts.replace_period + " --kpi " + joined(opts.kpis, ","),
                 source.empty() ? SourceLocation{} : SourceLocation{source, row.line, 1},
                 {}};
    print_diagnostic(std::cerr, d, global);
  }
  std::cerr << "kpi: " << plan.outside.size()
            << (plan.outside.size() == 1 ? " row lies" : " rows lie")
            << " outside the period or KPIs replaced";
  if (plan.outside.size() > k_conflicts_shown) {
    std::cerr << " (" << k_conflicts_shown << " of " << plan.outside.size() << " shown)";
  }
  std::cerr << "; nothing was recorded; widen --replace-period or add --kpi\n";
}

/// period-closed: rows stamped inside a closed period, or a --replace-period that reaches
/// into one, are refused, each named with the seal (kpi-close(1)).
bool refuses_closed(const Workspace& ws, const std::vector<RecordRow>& rows,
                    const std::optional<ReplaceScope>& scope, const RecordOptions& opts,
                    const GlobalOptions& global) {
  const std::vector<ClosedPeriod> seals = read_seals(ws.root);
  if (seals.empty()) {
    return false;
  }
  const std::string source = opts.file.empty() ? "" : opts.file == "-" ? "<stdin>" : opts.file;
  std::vector<Diagnostic> refused;
  for (const ClosedPeriod& seal : seals) {
    const std::string hint = "a paid period is not changed; remove " + seal.file +
                             " (a reviewed commit) to reopen " + seal.token;
    if (scope && scope->period.overlaps(seal.period)) {
      refused.push_back(
          Diagnostic{"period-closed", Severity::error,
                     "--replace-period reaches into " + seal.token + ", closed by " + seal.file,
                     SourceLocation{}, hint});
    }
    for (const RecordRow& row : rows) {
      if (seal.period.contains(row.stamp) && refused.size() < 20) {
        refused.push_back(Diagnostic{
            "period-closed", Severity::error,
            "the row's stamp " + row.date + " lies in " + seal.token + ", closed by " + seal.file,
            SourceLocation{source, row.line, 0}, hint});
      }
    }
  }
  if (refused.empty()) {
    return false;
  }
  print_diagnostics(std::cerr, refused, global);
  std::cerr << "kpi: nothing was recorded\n";
  return true;
}

std::string rows_text(size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

int run_record(const RecordOptions& opts, const GlobalOptions& global) {
  OpenWorkspace open = open_workspace(global);
  const bool blocked = std::any_of(open.findings.begin(), open.findings.end(), blocks_scoring);
  if (blocked) {
    print_diagnostics(std::cerr, open.findings, global);
    std::cerr << "kpi: the definitions have errors; fix them before recording (kpi validate)\n";
    return k_exit_input;
  }
  const MeasurementIndex index(open.load.workspace);
  const std::optional<ReplaceScope> scope = replace_scope(opts, index);
  check_typed_path(opts.file, open.load.workspace.file, global);
  const RowsRead input = read_input(opts, index);
  if (!input.report.problems.empty()) {
    print_diagnostics(std::cerr, input.report.problems, global);
    print_problem_count(std::cerr, input.report.problems, input.report.problems_total,
                        "nothing was recorded");
    return k_exit_input;
  }
  if (refuses_closed(open.load.workspace, input.rows, scope, opts, global)) {
    return k_exit_input;
  }
  const std::string path = journal_path(open.load.workspace);
  std::optional<JournalLock> lock;
  if (!opts.dry_run) {
    lock.emplace(path);
  }
  const Journal journal = read_journal(path, index);
  if (!journal.problems.empty()) {
    print_diagnostics(std::cerr, journal.problems, global);
    std::cerr << "kpi: the journal has problems; fix them before recording (nothing was "
                 "recorded)\n";
    return k_exit_input;
  }
  const RecordMode mode = opts.replace  ? RecordMode::replace
                          : opts.append ? RecordMode::append
                                        : RecordMode::refuse;
  const RecordPlan plan = scope ? plan_replace_period(journal, input.rows, *scope)
                                : plan_record(journal, input.rows, mode);
  const std::string source = opts.file.empty() ? "" : opts.file == "-" ? "<stdin>" : opts.file;
  if (!plan.outside.empty()) {
    print_outside(plan, input.rows, opts, source, global);
    return k_exit_input;
  }
  if (plan.refused()) {
    print_conflicts(plan, journal, input.rows, source, global);
    return k_exit_input;
  }
  const std::string replaced =
      mode == RecordMode::replace || scope ? ", replacing " + rows_text(plan.replaced.size()) : "";
  if (opts.dry_run) {
    if (!global.quiet) {
      std::cout << "would record " << rows_text(input.rows.size()) << " in " << path << replaced
                << " (dry run: nothing written)\n";
    }
    return k_exit_ok;
  }
  if (!plan.replaced.empty()) {
    replace_journal(journal, replaced_journal_content(journal, plan, input.rows));
  } else if (!input.rows.empty()) {
    append_to_journal(journal, format_journal_rows(journal, input.rows));
  }
  if (!global.quiet) {
    std::cout << "recorded " << rows_text(input.rows.size()) << " in " << path << replaced << "\n";
  }
  return k_exit_ok;
}

}  // namespace

Runner setup_record(CLI::App& app) {
  auto opts = std::make_shared<RecordOptions>();
  app.add_option("KPI", opts->kpi, "The KPI measured");
  app.add_option("VALUE", opts->value, "The value measured (none for count KPIs)");
  app.add_option("-e,--entity", opts->entity,
                 "Who or which unit it is for (default: the KPI's single assignee)")
      ->option_text("E");
  app.add_option("-d,--date", opts->date,
                 "The day (YYYY-MM-DD, default today) or a period token (2026-11, 2026-Q4, ...)")
      ->option_text("D");
  app.add_option("-n,--note", opts->note, "Free text kept with the row")->option_text("TEXT");
  app.add_option("-f,--file", opts->file,
                 "Record the rows of this measurement CSV ('-' reads stdin)")
      ->option_text("FILE");
  CLI::Option* replace = app.add_flag("--replace", opts->replace,
                                      "Replace the journal's rows that have a key of the input");
  CLI::Option* append =
      app.add_flag("--append", opts->append, "Keep rows with a key already recorded beside them");
  CLI::Option* period = app.add_option("--replace-period", opts->replace_period,
                                       "Replace every journal row of the --kpi KPIs stamped "
                                       "inside this period (2026-10, last-month, ...) by the "
                                       "input's rows")
                            ->option_text("P");
  app.add_option("-k,--kpi", opts->kpis, "A KPI whose rows --replace-period replaces (repeatable)")
      ->option_text("K");
  replace->excludes(append);
  period->excludes(replace);
  period->excludes(append);
  app.add_flag("--dry-run", opts->dry_run, "Say what would be recorded; write nothing");
  return [opts](const GlobalOptions& global) { return run_record(*opts, global); };
}

}  // namespace kpi::cli
