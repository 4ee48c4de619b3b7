#pragma once
// Findings of `kpi validate` in the machine formats: JSON (kpi.validate/1), GitHub
// Actions workflow commands, JUnit XML and SARIF 2.1.0. Each returns the whole text.

#include <string>
#include <vector>

#include "kpi/error.hpp"

namespace kpi {

/// What one validation run found.
struct FindingsReport {
  std::vector<Diagnostic> findings;
  std::vector<std::string> files;  ///< every file checked, in order (JUnit: one testcase each)
  bool strict = false;             ///< warnings fail too
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
/// finding, escaped as GitHub documents (% \r \n everywhere, also : and , in properties).
std::string render_findings_github(const FindingsReport& report);

/// One testsuite, a testcase per file, a <failure> per error (and per warning under
/// strict); other warnings go to the testcase's <system-out>.
std::string render_findings_junit(const FindingsReport& report);

/// SARIF 2.1.0: tool.driver "kpi" with every rule of the catalogue, one result each.
std::string render_findings_sarif(const FindingsReport& report);

/// The escaping of GitHub workflow commands: message data, and property values.
std::string github_escape_data(const std::string& text);
std::string github_escape_property(const std::string& text);

}  // namespace kpi
