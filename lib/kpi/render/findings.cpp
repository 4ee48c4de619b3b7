// Findings renderers. JSON and SARIF go through nlohmann::json (invalid UTF-8 in a
// user's text is replaced, never thrown on); GitHub and JUnit are written by hand with
// the escaping their consumers document.

#include "kpi/render/findings.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "kpi/render/escape.hpp"
#include "kpi/validate/validate.hpp"

namespace kpi {

namespace {

using json = nlohmann::ordered_json;

const char* severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

bool fails(const Diagnostic& d, bool strict) { return d.severity == Severity::error || strict; }

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

/// `file:line:col: error[rule]: message`, as the text format prints it.
std::string one_line(const Diagnostic& d) {
  std::string place = d.where.file.empty() ? "kpi" : d.where.file;
  if (d.where.line > 0) {
    place += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) {
      place += ":" + std::to_string(d.where.column);
    }
  }
  return place + ": " + severity_name(d.severity) + "[" + d.rule + "]: " + d.message +
         (d.hint.empty() ? "" : " (" + d.hint + ")");
}

/// A path as a URI reference: unreserved bytes and '/' kept, the rest percent-encoded;
/// absolute paths become file:// URIs.
std::string path_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

int count_errors(const FindingsReport& report) {
  return static_cast<int>(
      std::count_if(report.findings.begin(), report.findings.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int count_warnings(const FindingsReport& report) {
  return static_cast<int>(report.findings.size()) - count_errors(report);
}

bool report_ok(const FindingsReport& report) {
  return count_errors(report) == 0 && (!report.strict || count_warnings(report) == 0);
}

std::string findings_summary(const FindingsReport& report) {
  return plural(count_errors(report), "error") + ", " + plural(count_warnings(report), "warning") +
         " in " + plural(static_cast<int>(report.files.size()), "file");
}

std::string render_findings_json(const FindingsReport& report) {
  json findings = json::array();
  for (const Diagnostic& d : report.findings) {
    findings.push_back({{"rule", d.rule},
                        {"severity", severity_name(d.severity)},
                        {"file", d.where.file},
                        {"line", d.where.line},
                        {"column", d.where.column},
                        {"message", d.message},
                        {"hint", d.hint.empty() ? json(nullptr) : json(d.hint)}});
  }
  json root = {{"schema", "kpi.validate/1"},
               {"ok", report_ok(report)},
               {"errors", count_errors(report)},
               {"warnings", count_warnings(report)},
               {"findings", std::move(findings)}};
  return dump(root);
}

std::string github_escape_data(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string github_escape_property(const std::string& text) {
  std::string out;
  for (char c : github_escape_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_findings_github(const FindingsReport& report) {
  std::string out;
  for (const Diagnostic& d : report.findings) {
    std::string props;
    if (!d.where.file.empty()) {
      props += "file=" + github_escape_property(d.where.file) + ",";
      if (d.where.line > 0) {
        props += "line=" + std::to_string(d.where.line) + ",";
        if (d.where.column > 0) {
          props += "col=" + std::to_string(d.where.column) + ",";
        }
      }
    }
    props += "title=" + github_escape_property(d.rule);
    std::string message = d.message + (d.hint.empty() ? "" : " (" + d.hint + ")");
    out += std::string("::") + severity_name(d.severity) + " " + props +
           "::" + github_escape_data(message) + "\n";
  }
  return out;
}

std::string render_findings_junit(const FindingsReport& report) {
  // Testcases: every file checked, then any other file a finding names.
  std::vector<std::string> cases = report.files;
  for (const Diagnostic& d : report.findings) {
    std::string name = d.where.file.empty() ? "kpi" : d.where.file;
    if (std::find(cases.begin(), cases.end(), name) == cases.end()) {
      cases.push_back(name);
    }
  }
  std::string body;
  int failing = 0;
  for (const std::string& name : cases) {
    std::string failures;
    std::string notes;
    for (const Diagnostic& d : report.findings) {
      if ((d.where.file.empty() ? "kpi" : d.where.file) != name) {
        continue;
      }
      if (fails(d, report.strict)) {
        failures += "      <failure type=\"" + render::html_escape(d.rule) + "\" message=\"" +
                    render::html_escape(d.message) + "\">" + render::html_escape(one_line(d)) + "</failure>\n";
      } else {
        notes += render::html_escape(one_line(d)) + "\n";
      }
    }
    failing += failures.empty() ? 0 : 1;
    body += "    <testcase classname=\"kpi.validate\" name=\"" + render::html_escape(name) + "\"";
    if (failures.empty() && notes.empty()) {
      body += "/>\n";
      continue;
    }
    body += ">\n" + failures;
    if (!notes.empty()) {
      body += "      <system-out>" + notes + "</system-out>\n";
    }
    body += "    </testcase>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
         "  <testsuite name=\"kpi validate\" tests=\"" +
         std::to_string(cases.size()) + "\" failures=\"" + std::to_string(failing) +
         "\" errors=\"0\" skipped=\"0\">\n" + body + "  </testsuite>\n</testsuites>\n";
}

std::string render_findings_sarif(const FindingsReport& report) {
  const std::vector<RuleInfo>& catalogue = rule_catalogue();
  json rules = json::array();
  for (const RuleInfo& r : catalogue) {
    rules.push_back({{"id", r.id},
                     {"shortDescription", {{"text", r.summary}}},
                     {"defaultConfiguration", {{"level", severity_name(r.severity)}}}});
  }
  json results = json::array();
  for (const Diagnostic& d : report.findings) {
    json result = {
        {"ruleId", d.rule},
        {"level", severity_name(d.severity)},
        {"message", {{"text", d.message + (d.hint.empty() ? "" : " (" + d.hint + ")")}}}};
    auto it = std::find_if(catalogue.begin(), catalogue.end(),
                           [&](const RuleInfo& r) { return r.id == d.rule; });
    if (it != catalogue.end()) {
      result["ruleIndex"] = it - catalogue.begin();
    }
    if (!d.where.file.empty()) {
      json physical = {{"artifactLocation", {{"uri", path_uri(d.where.file)}}}};
      if (d.where.line > 0) {
        physical["region"] = {{"startLine", d.where.line}};
        if (d.where.column > 0) {
          physical["region"]["startColumn"] = d.where.column;
        }
      }
      result["locations"] = json::array({{{"physicalLocation", physical}}});
    }
    results.push_back(std::move(result));
  }
  json run = {
      {"tool",
       {{"driver", {{"name", "kpi"}, {"version", KPI_VERSION}, {"rules", std::move(rules)}}}}},
      {"results", std::move(results)}};
  json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({std::move(run)})}};
  return dump(root);
}

}  // namespace kpi
