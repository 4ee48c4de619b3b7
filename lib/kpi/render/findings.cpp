// Findings renderers shared parts, JSON and GitHub (JUnit and SARIF have files of their
// own). JSON goes through nlohmann::json (invalid UTF-8 in a user's text is replaced,
// never thrown on); GitHub is written by hand with the escaping its runner documents.

#include "kpi/render/findings.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "kpi/render/findings_common.hpp"
#include "kpi/render/visible.hpp"

namespace kpi {

namespace render {

std::string one_line(const Diagnostic& d, const std::string& file) {
  std::string place = file.empty() ? "kpi" : file + place_suffix(d.where);
  return place + ": " + severity_word(d.severity) + "[" + d.rule + "]: " + message_and_hint(d);
}

}  // namespace render

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using render::message_and_hint;
using render::severity_word;

std::string plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

/// FNV-1a, 64 bits: stable across runs, machines and compilers (std::hash is not).
uint64_t fnv1a(std::string_view text, uint64_t hash = 14695981039346656037ULL) {
  for (unsigned char c : text) {
    hash = (hash ^ c) * 1099511628211ULL;
  }
  return hash;
}

/// Control characters made visible (an escape sequence in the log would reach whoever
/// reads it), except line breaks: the runner takes them, escaped, as breaks in the
/// annotation.
std::string visible_but_breaks(const std::string& text) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\r' || text[i] == '\n') {
      out += render::visible(std::string_view(text).substr(start, i - start));
      if (i < text.size()) {
        out += text[i];
      }
      start = i + 1;
    }
  }
  return out;
}

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
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
                        {"severity", severity_word(d.severity)},
                        {"file", d.where.file},
                        {"line", d.where.line},
                        {"column", d.where.column},
                        {"message", d.message},
                        {"hint", d.hint.empty() ? json(nullptr) : json(d.hint)}});
    if (!d.where.cell.empty()) {
      findings.back()["cell"] = d.where.cell;  // a workbook's cell: "Sheet!C17"
    }
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
      props += "file=" + github_escape_property(report_path(report, d.where.file)) + ",";
      if (d.where.line > 0) {
        props += "line=" + std::to_string(d.where.line) + ",";
        if (d.where.column > 0) {
          props += "col=" + std::to_string(d.where.column) + ",";
        }
      }
    }
    props += "title=" + github_escape_property(d.rule);
    out += std::string("::") + severity_word(d.severity) + " " + props + "::" +
           github_escape_data(visible_but_breaks(render::cell_prefix(d) + message_and_hint(d))) +
           "\n";
  }
  return out;
}

std::string report_path(const FindingsReport& report, const std::string& file) {
  if (report.working_directory.empty() || file.empty()) {
    return file;
  }
  fs::path path(file);
  if (path.is_relative()) {
    path = fs::path(report.working_directory) / path;
  }
  path = path.lexically_normal();
  if (!report.start_directory.empty()) {
    fs::path relative =
        path.lexically_relative(fs::path(report.start_directory).lexically_normal());
    if (!relative.empty() && *relative.begin() != ".." && relative != ".") {
      return relative.generic_string();
    }
  }
  return path.generic_string();
}

std::vector<std::string> finding_fingerprints(const FindingsReport& report) {
  std::map<std::tuple<std::string, std::string, std::string>, int> seen;
  std::vector<std::string> out;
  for (const Diagnostic& d : report.findings) {
    std::string text;
    if (report.source_line && !d.where.file.empty() && d.where.line > 0) {
      text = trimmed(report.source_line(d.where.file, d.where.line));
    }
    if (text.empty()) {
      text = d.message;
    }
    auto key = std::make_tuple(d.rule, report_path(report, d.where.file), std::move(text));
    const int occurrence = seen[key]++;
    // The parts separated by NUL, so that ("a", "bc") and ("ab", "c") differ.
    uint64_t hash = fnv1a(std::get<0>(key));
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(std::get<1>(key), hash);
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(std::get<2>(key), hash);
    hash = fnv1a(std::string_view("\0", 1), hash);
    hash = fnv1a(std::to_string(occurrence), hash);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    out.emplace_back(hex);
  }
  return out;
}

}  // namespace kpi
