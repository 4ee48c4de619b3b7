// kpi validate [FILE...] [--format F] [--strict] [--disable RULE,...] [--list-rules]
//              [--data FILE...]

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "diagnostics.hpp"
#include "kpi/csv/measurements.hpp"
#include "kpi/render/findings.hpp"
#include "kpi/score/score.hpp"
#include "kpi/source/headers.hpp"
#include "kpi/util/file.hpp"
#include "kpi/util/suggest.hpp"
#include "kpi/validate/order.hpp"
#include "kpi/validate/validate.hpp"
#include "kpi/yaml/definitions.hpp"
#include "progress.hpp"
#include "run_context.hpp"
#include "tables.hpp"
#include "workspace.hpp"

namespace kpi::cli {

namespace {

namespace fs = std::filesystem;

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool strict = false;
  std::vector<std::string> disable;
  bool list_rules = false;
  std::vector<std::string> data;
  bool check_data = false;  ///< --data was given, with or without files
};

/// One workspace and the named files checked against it.
struct Group {
  std::string workspace;  ///< empty: the files are checked alone
  std::vector<std::string> files;
};

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

/// `path` relative to the current folder when it lies below it, else as it is.
std::string short_path(const fs::path& path) {
  std::error_code ec;
  fs::path relative = fs::relative(path, fs::current_path(ec), ec);
  if (!ec && !relative.empty() && *relative.begin() != "..") {
    return relative.string();
  }
  return path.string();
}

int list_rules() {
  size_t width = 0;
  for (const RuleInfo& r : rule_catalogue()) {
    width = std::max(width, r.id.size());
  }
  for (const RuleInfo& r : rule_catalogue()) {
    std::cout << r.id << std::string(width + 2 - r.id.size(), ' ')
              << (r.severity == Severity::error ? "error  " : "warning") << "  " << r.summary
              << "\n";
  }
  return k_exit_ok;
}

void check_disabled(const std::vector<std::string>& disable) {
  std::vector<std::string> ids;
  for (const RuleInfo& r : rule_catalogue()) {
    ids.emplace_back(r.id);
  }
  for (const std::string& id : disable) {
    const RuleInfo* rule = find_rule(id);
    if (rule != nullptr && rule->severity == Severity::error) {
      // An error turned off would let CI pass on files that score and report refuse.
      throw usage_error("disable-error",
                        "rule '" + id +
                            "' is an error and cannot be disabled; only warnings can "
                            "(kpi validate --list-rules shows which are which)");
    }
    if (rule == nullptr) {
      throw Error(Diagnostic{"unknown-rule",
                             Severity::error,
                             "unknown rule '" + id +
                                 "' in --disable (kpi validate --list-rules "
                                 "shows them all)",
                             {},
                             did_you_mean(id, ids)},
                  k_exit_usage);
    }
  }
}

/// Files without a top-level `version` are definition files to be included.
bool is_workspace_file(const std::string& path) {
  FileError error;
  std::istringstream in(read_regular_file(path, error).value_or(""));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("version:", 0) == 0) {
      return true;
    }
  }
  return false;
}

/// Groups the named files by the workspace each belongs to, in the order named.
std::vector<Group> group_files(const std::vector<std::string>& files, const GlobalOptions& global) {
  std::vector<Group> groups;
  for (const std::string& file : files) {
    FileError error;
    if (!InputFile::open(file, error)) {
      throw usage_error("missing-file", "cannot read '" + file + "': " + error.message, file);
    }
    std::string workspace;
    if (!global.workspace_file.empty()) {
      workspace = workspace_path(global);
    } else if (std::optional<fs::path> found =
                   find_workspace_file(fs::absolute(file).parent_path())) {
      workspace = short_path(*found);
    }
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
      return !g.workspace.empty() && canonical(g.workspace) == canonical(workspace);
    });
    if (workspace.empty() || it == groups.end()) {
      groups.push_back(Group{workspace, {file}});
    } else {
      it->files.push_back(file);
    }
  }
  return groups;
}

/// Loads and validates one group; keeps the findings located in its named files (all of
/// them when the workspace file itself is named).
FindingsReport check_group(const Group& group, const LoadOptions& options,
                           std::unique_ptr<LoadResult>& model) {
  model = std::make_unique<LoadResult>();
  if (!group.workspace.empty()) {
    *model = load_workspace(group.workspace, options);
  } else if (is_workspace_file(group.files.front())) {
    *model = load_workspace(group.files.front(), options);
  }
  std::vector<std::string> loaded;
  for (const std::string& f : model->workspace.files) {
    loaded.push_back(canonical(f));
  }
  std::vector<std::string> named;
  bool whole = group.workspace.empty() && !model->workspace.files.empty();
  for (const std::string& file : group.files) {
    named.push_back(canonical(file));
    const bool is_workspace =
        !group.workspace.empty() && named.back() == canonical(group.workspace);
    whole = whole || is_workspace;
    if (!is_workspace && std::find(loaded.begin(), loaded.end(), named.back()) == loaded.end()) {
      load_definitions_file(file, *model);
    }
  }
  std::vector<Diagnostic> all = model->diagnostics;
  std::vector<Diagnostic> more = validate_workspace(model->workspace, today());
  all.insert(all.end(), more.begin(), more.end());
  // A source's columns against its files' headers, where the files exist.
  std::vector<Diagnostic> files = source::check_source_files(model->workspace);
  all.insert(all.end(), files.begin(), files.end());
  FindingsReport report;
  // Each file's answer once: canonical() asks the file system, and findings are many.
  std::map<std::string, bool> is_named;
  auto in_named = [&](const std::string& file) {
    auto [it, inserted] = is_named.emplace(file, false);
    if (inserted) {
      it->second = std::find(named.begin(), named.end(), canonical(file)) != named.end();
    }
    return it->second;
  };
  for (Diagnostic& d : all) {
    if (whole || in_named(d.where.file)) {
      report.findings.push_back(std::move(d));
    }
  }
  report.files = whole ? model->workspace.files : group.files;
  return report;
}

FindingsReport check_definitions(const ValidateOptions& options, const GlobalOptions& global,
                                 std::unique_ptr<LoadResult>& model) {
  if (options.files.empty()) {
    Group whole{workspace_path(global), {}};
    whole.files.push_back(whole.workspace);
    return check_group(whole, load_options(global), model);
  }
  FindingsReport report;
  std::unique_ptr<LoadResult> first;
  for (const Group& group : group_files(options.files, global)) {
    FindingsReport part = check_group(group, load_options(global), model);
    if (!first) {
      first = std::move(model);
    }
    report.findings.insert(report.findings.end(), part.findings.begin(), part.findings.end());
    report.files.insert(report.files.end(), part.files.begin(), part.files.end());
  }
  model = std::move(first);
  return report;
}

/// Measurement files are checked against the (first) model loaded.
void check_data(const std::vector<std::string>& files, const Workspace& workspace,
                const GlobalOptions& global, FindingsReport& report, ReadProgress* progress) {
  if (files.empty()) {
    return;
  }
  if (progress != nullptr) {
    progress->begin(total_size(files));
  }
  MeasurementIndex index(workspace);
  for (const std::string& file : files) {
    check_typed_path(file, workspace.file, global);
    FileError error;
    std::optional<InputFile> in = InputFile::open(file, error);
    if (!in) {
      throw usage_error("missing-file", "cannot read '" + file + "': " + error.message, file);
    }
    in->report_to(progress);
    // Every bad row is a finding, so that the counts are of all of them (the text output
    // lists the first k_listed_rows of each file).
    ReadOptions all;
    all.max_errors = std::numeric_limits<size_t>::max();
    ReadReport read = read_measurements(
        in->stream(), file, index, [](const Observation&) {}, all);
    if (in->stream().bad()) {
      throw usage_error("unreadable-file", "error while reading '" + file + "'", file);
    }
    report.findings.insert(report.findings.end(), read.problems.begin(), read.problems.end());
    report.files.push_back(file);
  }
}

/// Every cell of every source (sources.md, "Positions"): the findings score would report,
/// less those the header check has already made. Returns the files read.
std::vector<std::string> check_source_cells(const Workspace& workspace, const GlobalOptions& global,
                                            FindingsReport& report, ReadProgress* progress) {
  std::vector<std::string> files;
  if (workspace.sources.empty()) {
    return files;
  }
  std::vector<Diagnostic> ignored;
  for (const Source& s : workspace.sources) {
    for (std::string& file :
         source::source_files(s, ignored, workspace.file, global.allow_outside)) {
      files.push_back(std::move(file));
    }
  }
  const MeasurementIndex index(workspace);
  ReadOptions all;
  all.max_errors = std::numeric_limits<size_t>::max();
  all.progress = progress;
  // Tables too: a query without periods asks only for rows without a day, so it checks
  // that the table and its columns are there and readable.
  const std::unique_ptr<warehouse::TableReader> tables = open_tables(workspace, global);
  MeasurementInputs inputs{&workspace, global.allow_outside, {}};
  inputs.tables = tables.get();
  const AggregateResult read = aggregate_measurements(index, inputs, {}, all);
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.rule == b.rule && a.where.file == b.where.file && a.where.line == b.where.line &&
           a.where.column == b.where.column && a.message == b.message;
  };
  for (const Diagnostic& d : read.problems) {
    const bool known = std::any_of(report.findings.begin(), report.findings.end(),
                                   [&](const Diagnostic& f) { return same(f, d); });
    if (!known) {
      report.findings.push_back(d);
    }
  }
  for (const std::string& file : files) {
    if (std::find(report.files.begin(), report.files.end(), file) == report.files.end()) {
      report.files.push_back(file);
    }
  }
  return files;
}

/// stale-data, as score and report warn it, for all days up to today: a KPI's last slot
/// closed settings.freshness_days ago without a row for someone. The rows are read once
/// more, through score's own aggregation, with their findings left to the checks above.
void check_freshness(const Workspace& workspace, const std::vector<std::string>& data_files,
                     const GlobalOptions& global, FindingsReport& report) {
  if (workspace.settings.freshness_days <= 0) {
    return;
  }
  const MeasurementIndex index(workspace);
  ReadOptions quiet;
  quiet.max_errors = 0;
  const Date day = today();
  const std::unique_ptr<warehouse::TableReader> tables = open_tables(workspace, global);
  MeasurementInputs inputs{&workspace, global.allow_outside, data_files};
  inputs.tables = tables.get();
  const AggregateResult read =
      aggregate_measurements(index, inputs, {{Period{make_date(1, 1, 1), day}, day}}, quiet);
  for (Diagnostic& d : stale_data_warnings(workspace, index, read.periods.front())) {
    report.findings.push_back(std::move(d));
  }
}

/// The text output lists every definition finding, and of each measurement file the first
/// k_listed_rows findings, then says how many more there are; the summary counts them all.
constexpr size_t k_listed_rows = 50;

void print_listed(const std::vector<Diagnostic>& findings, const std::vector<std::string>& data,
                  const GlobalOptions& global) {
  std::vector<Diagnostic> listed;
  std::map<std::string, size_t> per_file;
  for (const Diagnostic& d : findings) {
    const bool is_data = std::find(data.begin(), data.end(), d.where.file) != data.end();
    if (is_data && ++per_file[d.where.file] > k_listed_rows) {
      continue;
    }
    listed.push_back(d);
  }
  print_diagnostics(std::cerr, listed, global);
  for (const auto& [file, count] : per_file) {
    if (count > k_listed_rows) {
      std::cerr << "kpi: " << count - k_listed_rows << " more findings in '" << file
                << "' not listed (" << count << " in all; --format json lists every one)\n";
    }
  }
}

int run_validate(const ValidateOptions& options, const GlobalOptions& global) {
  if (options.list_rules) {
    return list_rules();
  }
  const auto started = std::chrono::steady_clock::now();
  check_disabled(options.disable);
  std::unique_ptr<LoadResult> model;
  FindingsReport report = check_definitions(options, global, model);
  std::vector<std::string> data_files_read = options.data;
  if (options.check_data) {
    if (options.data.empty()) {
      data_files_read = measurement_files(model->workspace, load_options(global));
    }
    // A progress line for a person at a terminal; never in the formats CI reads.
    ProgressLine progress(global, options.format != "text");
    check_data(data_files_read, model->workspace, global, report, progress.when_shown());
    check_freshness(model->workspace, data_files_read, global, report);
    for (std::string& file :
         check_source_cells(model->workspace, global, report, progress.when_shown())) {
      data_files_read.push_back(std::move(file));
    }
  }
  report.strict = options.strict;
  std::erase_if(report.findings, [&](const Diagnostic& d) {
    return std::find(options.disable.begin(), options.disable.end(), d.rule) !=
           options.disable.end();
  });
  // Loading, validating and --data each find in their own order: one order for all.
  sort_findings(report.findings, report.files);
  describe_run(report, global, started);

  if (options.format == "text") {
    print_listed(report.findings, data_files_read, global);
    if (!global.quiet) {
      std::cerr << findings_summary(report) << "\n";
    }
  } else if (options.format == "json") {
    std::cout << render_findings_json(report);
  } else if (options.format == "github") {
    std::cout << render_findings_github(report);
  } else if (options.format == "junit") {
    std::cout << render_findings_junit(report);
  } else {
    std::cout << render_findings_sarif(report);
  }
  return report_ok(report) ? k_exit_ok : k_exit_input;
}

}  // namespace

Runner setup_validate(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  app.add_option("FILE", options->files,
                 "Definition files to check (default: the whole workspace)");
  app.add_option("--format", options->format, "Output: text, json, github, junit or sarif")
      ->check(CLI::IsMember({"text", "json", "github", "junit", "sarif"}));
  app.add_flag("--strict", options->strict, "Warnings fail too (exit 1)");
  app.add_option("--disable", options->disable, "Rules not to report, comma-separated")
      ->delimiter(',')
      ->option_text("RULE,...");
  app.add_flag("--list-rules", options->list_rules, "Print every rule and exit");
  CLI::Option* data =
      app.add_option("--data", options->data,
                     "Also check every cell: of these measurement files (none given: the "
                     "workspace's data files) and of every source's files")
          ->expected(0, -1)
          ->option_text("[FILE...]");
  return [options, data](const GlobalOptions& global) {
    options->check_data = data->count() > 0;
    // A bare --data leaves CLI11's one empty value: it means "no files named".
    std::erase(options->data, std::string());
    return run_validate(*options, global);
  };
}

}  // namespace kpi::cli
