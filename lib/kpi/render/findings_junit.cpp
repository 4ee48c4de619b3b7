// JUnit XML for Jenkins and GitLab: one failing testcase per failing finding, since
// Jenkins shows only the first <failure> of a testcase; written by hand, escaped so that
// any text (control characters, noncharacters, bytes that are not UTF-8) stays
// well-formed XML 1.0.

#include <algorithm>
#include <cstdio>

#include "kpi/render/escape.hpp"
#include "kpi/render/findings.hpp"
#include "kpi/render/findings_common.hpp"

namespace kpi {

namespace {

using render::xml_escape;

std::string attr(const std::string& text) { return xml_escape(text, true); }

std::string case_file(const FindingsReport& report, const std::string& file) {
  return file.empty() ? "kpi" : report_path(report, file);
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", std::max(0.0, seconds));
  return text;
}

}  // namespace

std::string render_findings_junit(const FindingsReport& report) {
  std::string body;
  std::string notes;
  int tests = 0;
  int failing = 0;
  std::vector<std::string> failed_files;
  for (const Diagnostic& d : report.findings) {
    const std::string file = case_file(report, d.where.file);
    const std::string line = render::one_line(d, file);
    if (!render::fails(d, report.strict)) {
      notes += xml_escape(line, false) + "\n";
      continue;
    }
    ++tests;
    ++failing;
    failed_files.push_back(file);
    std::string name = file + render::place_suffix(d.where) + " " + d.rule;
    body += "    <testcase classname=\"kpi.validate\" name=\"" + attr(name) + "\">\n" +
            "      <failure type=\"" + attr(d.rule) + "\" message=\"" +
            attr(render::message_and_hint(d)) + "\">" + xml_escape(line, false) +
            "</failure>\n    </testcase>\n";
  }
  // Every file checked without a failing finding passes, so the count of files shows.
  std::string passing;
  std::vector<std::string> listed;
  for (const std::string& checked : report.files) {
    const std::string file = case_file(report, checked);
    if (std::find(failed_files.begin(), failed_files.end(), file) != failed_files.end() ||
        std::find(listed.begin(), listed.end(), file) != listed.end()) {
      continue;
    }
    listed.push_back(file);
    ++tests;
    passing += "    <testcase classname=\"kpi.validate\" name=\"" + attr(file) + "\"/>\n";
  }
  std::string suite = "  <testsuite name=\"kpi validate\" tests=\"" + std::to_string(tests) +
                      "\" failures=\"" + std::to_string(failing) +
                      "\" errors=\"0\" skipped=\"0\" time=\"" + seconds_text(report.seconds) + "\"";
  if (!report.timestamp.empty()) {
    suite += " timestamp=\"" + attr(report.timestamp) + "\"";
  }
  if (!report.hostname.empty()) {
    suite += " hostname=\"" + attr(report.hostname) + "\"";
  }
  suite += ">\n" + passing + body;
  if (!notes.empty()) {
    suite += "    <system-out>" + notes + "</system-out>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n" + suite +
         "  </testsuite>\n</testsuites>\n";
}

}  // namespace kpi
