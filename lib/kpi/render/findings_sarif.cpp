// SARIF 2.1.0 for code scanning (GitHub upload-sarif and others): the rules with their
// help from kpi-validate(1), locations relative to the start folder through %SRCROOT%,
// and fingerprints that let a scanner follow a finding when lines move.

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "kpi/render/escape.hpp"
#include "kpi/render/findings.hpp"
#include "kpi/render/findings_common.hpp"
#include "kpi/validate/rule_help.hpp"
#include "kpi/validate/validate.hpp"

namespace kpi {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* k_root = "%SRCROOT%";

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

/// A folder as a file:// URI ending in '/', as SARIF wants a base URI to.
std::string folder_uri(const std::string& folder) {
  std::string uri = path_uri(folder);
  return uri.empty() || uri.back() == '/' ? uri : uri + "/";
}

json rule_object(const RuleInfo& r) {
  const std::string summary(r.summary);
  std::string help(rule_help(r.id));
  if (help.empty()) {
    help = summary;
  }
  const std::string see = "See RULES in kpi-validate(1) (`man kpi-validate`).";
  return {{"id", r.id},
          {"name", r.id},
          {"shortDescription", {{"text", summary}}},
          {"fullDescription", {{"text", help}}},
          {"help",
           {{"text", help + " " + see},
            {"markdown", "**" + std::string(r.id) + "** (" + render::severity_word(r.severity) +
                             "): " + render::md_escape(help) + "\n\n" + see}}},
          {"helpUri", k_rule_help_uri},
          {"defaultConfiguration", {{"level", render::severity_word(r.severity)}}}};
}

json location_of(const FindingsReport& report, const Diagnostic& d) {
  const std::string path = report_path(report, d.where.file);
  json artifact = {{"uri", path_uri(path)}};
  if (!report.start_directory.empty() && !path.empty() && path.front() != '/') {
    artifact["uriBaseId"] = k_root;
  }
  json physical = {{"artifactLocation", std::move(artifact)}};
  if (d.where.line > 0) {
    physical["region"] = {{"startLine", d.where.line}};
    if (d.where.column > 0) {
      physical["region"]["startColumn"] = d.where.column;
    }
  }
  return json::array({{{"physicalLocation", std::move(physical)}}});
}

}  // namespace

std::string render_findings_sarif(const FindingsReport& report) {
  const std::vector<RuleInfo>& catalogue = rule_catalogue();
  json rules = json::array();
  for (const RuleInfo& r : catalogue) {
    rules.push_back(rule_object(r));
  }
  const std::vector<std::string> fingerprints = finding_fingerprints(report);
  json results = json::array();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Diagnostic& d = report.findings[i];
    json result = {{"ruleId", d.rule},
                   {"level", render::severity_word(d.severity)},
                   {"message", {{"text", render::cell_prefix(d) + render::message_and_hint(d)}}}};
    auto it = std::find_if(catalogue.begin(), catalogue.end(),
                           [&](const RuleInfo& r) { return r.id == d.rule; });
    if (it != catalogue.end()) {
      result["ruleIndex"] = it - catalogue.begin();
    }
    if (!d.where.file.empty()) {
      result["locations"] = location_of(report, d);
    }
    result["partialFingerprints"] = {{"kpiFindingHash/v1", fingerprints[i]}};
    results.push_back(std::move(result));
  }
  json run = {{"tool",
               {{"driver",
                 {{"name", "kpi"},
                  {"version", KPI_VERSION},
                  {"informationUri", "man:kpi-validate(1)"},
                  {"rules", std::move(rules)}}}}}};
  json invocation = {{"executionSuccessful", true}, {"exitCode", report_ok(report) ? 0 : 1}};
  if (!report.working_directory.empty()) {
    invocation["workingDirectory"] = {{"uri", folder_uri(report.working_directory)}};
  }
  run["invocations"] = json::array({std::move(invocation)});
  if (!report.start_directory.empty()) {
    run["originalUriBaseIds"] = {{k_root, {{"uri", folder_uri(report.start_directory)}}}};
  }
  run["results"] = std::move(results);
  json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", json::array({std::move(run)})}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kpi
