#pragma once
// Findings of `kpi validate` in the machine formats: JSON (kpi.validate/1), GitHub
// Actions workflow commands, JUnit XML and SARIF 2.1.0. Each returns the whole text.

#include <functional>
#include <string>
#include <vector>

#include "kpi/error.hpp"

namespace kpi {

/// What one validation run found.
struct FindingsReport {
  std::vector<Diagnostic> findings;
  std::vector<std::string> files;  ///< every file checked, in order (JUnit: one testcase each)
  bool strict = false;             ///< warnings fail too

  // Where the run happened, for the CI formats (all optional: empty leaves paths as
  // they are in the findings).
  /// Absolute: the folder `kpi` was started in, before any -C. GitHub annotations and
  /// SARIF URIs are relative to it, since CI starts tools at the repository's root.
  std::string start_directory;
  /// Absolute: the folder the findings' relative paths are relative to (after -C).
  std::string working_directory;
  /// A finding's source line, for SARIF's partialFingerprints; empty when unknown.
  std::function<std::string(const std::string& file, int line)> source_line;
  /// For the JUnit testsuite: when the run started (ISO 8601), on which host, how long
  /// it took in seconds.
  std::string timestamp;
  std::string hostname;
  double seconds = 0;
};

int count_errors(const FindingsReport& report);
int count_warnings(const FindingsReport& report);
/// False when an error was found, or a warning under strict.
bool report_ok(const FindingsReport& report);

/// "2 errors, 1 warning in 3 files".
std::string findings_summary(const FindingsReport& report);

/// {"schema":"kpi.validate/1","ok","errors","warnings","findings":[{rule, severity, file,
/// line, column, message, hint}]}; hint is null when there is none. Ends with a newline.
std::string render_findings_json(const FindingsReport& report);

/// One `::error file=F,line=L,col=C,title=RULE::message` (or ::warning) line per
/// finding, escaped as GitHub documents (% \r \n everywhere, also : and , in properties);
/// file relative to start_directory; control characters in the message made visible.
std::string render_findings_github(const FindingsReport& report);

/// One testsuite with time, timestamp and hostname; a testcase per failing finding
/// (every error, every warning under strict) with its one <failure>, so that Jenkins
/// shows each; a passing testcase per file checked with no failing finding, other warnings
/// in its <system-out>. Well-formed XML 1.0 whatever the text holds.
std::string render_findings_junit(const FindingsReport& report);

/// SARIF 2.1.0: tool.driver "kpi" with every rule of the catalogue (descriptions, help,
/// helpUri), one result per finding with a location relative to %SRCROOT% (the start
/// folder) and partialFingerprints that survive line moves; invocations[] with the
/// working directory.
std::string render_findings_sarif(const FindingsReport& report);

/// The escaping of GitHub workflow commands: message data, and property values.
std::string github_escape_data(const std::string& text);
std::string github_escape_property(const std::string& text);

/// A finding's file as the CI formats name it: relative to start_directory when it lies
/// below it, else absolute (and as written when the report has no directories).
std::string report_path(const FindingsReport& report, const std::string& file);

/// "kpiFindingHash/v1" of each finding, in order: a hash of rule, report_path, the trimmed
/// source line (the message when there is none) and how many findings before it share
/// all three, so that it stays the same when lines above it are added or removed.
std::vector<std::string> finding_fingerprints(const FindingsReport& report);

}  // namespace kpi
