#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "kpi/render/findings.hpp"
#include "kpi/validate/validate.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(render_findings)

namespace {

FindingsReport sample(bool strict = false) {
  FindingsReport report;
  report.files = {"kpi.yaml", "kpis/sales.yaml"};
  report.strict = strict;
  report.findings = {
      {"unknown-entity",
       Severity::error,
       "unknown entity 'salse' in owner of s.r",
       {"kpis/sales.yaml", 5, 12},
       "did you mean 'sales'?"},
      {"smart-source",
       Severity::warning,
       "s.r does not say where, 100% <sure>",
       {"kpi.yaml", 3, 5},
       ""},
  };
  return report;
}

}  // namespace

BOOST_AUTO_TEST_CASE(summary_counts_errors_warnings_and_files) {
  BOOST_TEST(findings_summary(sample()) == "1 error, 1 warning in 2 files");
  FindingsReport empty;
  empty.files = {"kpi.yaml"};
  BOOST_TEST(findings_summary(empty) == "0 errors, 0 warnings in 1 file");
  BOOST_TEST(report_ok(empty));
}

BOOST_AUTO_TEST_CASE(ok_fails_on_warnings_only_under_strict) {
  FindingsReport report = sample();
  report.findings.erase(report.findings.begin());
  BOOST_TEST(report_ok(report));
  report.strict = true;
  BOOST_TEST(!report_ok(report));
}

BOOST_AUTO_TEST_CASE(json_reads_back_with_every_field) {
  nlohmann::json j = nlohmann::json::parse(render_findings_json(sample()));
  BOOST_TEST(j["schema"] == "kpi.validate/1");
  BOOST_TEST(j["ok"] == false);
  BOOST_TEST(j["errors"] == 1);
  BOOST_TEST(j["warnings"] == 1);
  BOOST_REQUIRE_EQUAL(j["findings"].size(), 2u);
  const nlohmann::json& f = j["findings"][0];
  BOOST_TEST(f["rule"] == "unknown-entity");
  BOOST_TEST(f["severity"] == "error");
  BOOST_TEST(f["file"] == "kpis/sales.yaml");
  BOOST_TEST(f["line"] == 5);
  BOOST_TEST(f["column"] == 12);
  BOOST_TEST(f["message"] == "unknown entity 'salse' in owner of s.r");
  BOOST_TEST(f["hint"] == "did you mean 'sales'?");
  BOOST_TEST(j["findings"][1]["hint"].is_null());
  BOOST_TEST(j["findings"][1]["severity"] == "warning");
}

BOOST_AUTO_TEST_CASE(json_survives_invalid_utf8) {
  FindingsReport report;
  report.findings = {{"bad-id", Severity::error, "id '\xff' is bad", {"kpi.yaml", 1, 1}, ""}};
  nlohmann::json j = nlohmann::json::parse(render_findings_json(report));
  BOOST_TEST(j["findings"][0]["message"] == "id '\xEF\xBF\xBD' is bad");
}

BOOST_AUTO_TEST_CASE(github_commands_are_escaped_as_documented) {
  FindingsReport report;
  report.findings = {
      {"unknown-key", Severity::error, "50% done\r\nnext: a,b", {"dir,x/a:b.yaml", 7, 3}, ""},
      {"smart-source", Severity::warning, "no source", {"kpi.yaml", 2, 0}, "add one"},
      {"no-workspace", Severity::error, "no kpi.yaml", {}, ""},
  };
  BOOST_TEST(
      render_findings_github(report) ==
      "::error file=dir%2Cx/a%3Ab.yaml,line=7,col=3,title=unknown-key::50%25 done%0D%0Anext: "
      "a,b\n"
      "::warning file=kpi.yaml,line=2,title=smart-source::no source (add one)\n"
      "::error title=no-workspace::no kpi.yaml\n");
  BOOST_TEST(github_escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
  BOOST_TEST(github_escape_data("a:b,c%\r") == "a:b,c%25%0D");
}

BOOST_AUTO_TEST_CASE(junit_has_a_testcase_per_failing_finding_and_per_passing_file) {
  FindingsReport report = sample();
  report.seconds = 0.0125;
  report.timestamp = "2026-11-23T06:00:00";
  report.hostname = "ci-runner-1";
  std::string xml = render_findings_junit(report);
  BOOST_TEST(xml ==
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
             "  <testsuite name=\"kpi validate\" tests=\"2\" failures=\"1\" errors=\"0\" "
             "skipped=\"0\" time=\"0.013\" timestamp=\"2026-11-23T06:00:00\" "
             "hostname=\"ci-runner-1\">\n"
             "    <testcase classname=\"kpi.validate\" name=\"kpi.yaml\"/>\n"
             "    <testcase classname=\"kpi.validate\" name=\"kpis/sales.yaml:5:12 "
             "unknown-entity\">\n"
             "      <failure type=\"unknown-entity\" message=\"unknown entity &#39;salse&#39; in "
             "owner of s.r (did you mean &#39;sales&#39;?)\">kpis/sales.yaml:5:12: "
             "error[unknown-entity]: unknown entity &#39;salse&#39; in owner of s.r (did you mean "
             "&#39;sales&#39;?)</failure>\n"
             "    </testcase>\n"
             "    <system-out>kpi.yaml:3:5: warning[smart-source]: s.r does not say where, "
             "100% &lt;sure&gt;\n</system-out>\n"
             "  </testsuite>\n</testsuites>\n");
}

BOOST_AUTO_TEST_CASE(junit_gives_each_failure_its_own_testcase) {
  FindingsReport report;
  report.files = {"kpi.yaml"};
  report.findings = {{"bad-id", Severity::error, "one", {"kpi.yaml", 2, 3}, ""},
                     {"bad-id", Severity::error, "two", {"kpi.yaml", 4, 3}, ""}};
  std::string xml = render_findings_junit(report);
  BOOST_TEST(xml.find("tests=\"2\" failures=\"2\"") != std::string::npos);
  BOOST_TEST(xml.find("name=\"kpi.yaml:2:3 bad-id\">\n      <failure type=\"bad-id\" "
                      "message=\"one\">") != std::string::npos);
  BOOST_TEST(xml.find("name=\"kpi.yaml:4:3 bad-id\">\n      <failure type=\"bad-id\" "
                      "message=\"two\">") != std::string::npos);
  BOOST_TEST(xml.find("name=\"kpi.yaml\"/>") == std::string::npos);  // it failed
}

BOOST_AUTO_TEST_CASE(junit_stays_well_formed_with_odd_code_points_and_newlines) {
  FindingsReport report;
  report.files = {"a\nb.yaml"};
  report.findings = {{"bad-id",
                      Severity::error,
                      "id '\xEF\xBF\xBE\xEF\xBF\xBF\x1b[2J\x01\xff' is bad",
                      {"a\nb.yaml", 1, 5},
                      ""}};
  std::string xml = render_findings_junit(report);
  BOOST_TEST(xml.find("name=\"a&#10;b.yaml:1:5 bad-id\"") != std::string::npos);
  BOOST_TEST(xml.find("message=\"id &#39;\\uFFFE\\uFFFF\\x1b[2J\\x01\\xff&#39; is bad\"") !=
             std::string::npos);
  // No byte XML 1.0 forbids: C0 controls other than tab, LF and CR; U+FFFE and U+FFFF.
  for (char c : xml) {
    const auto u = static_cast<unsigned char>(c);
    BOOST_TEST((u >= 0x20 || c == '\n' || c == '\t' || c == '\r'), "byte " << int(u));
  }
  BOOST_TEST(xml.find("\xEF\xBF\xBE") == std::string::npos);
  BOOST_TEST(xml.find("\xEF\xBF\xBF") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(junit_under_strict_fails_warnings_too) {
  std::string xml = render_findings_junit(sample(true));
  BOOST_TEST(xml.find("failures=\"2\"") != std::string::npos);
  BOOST_TEST(xml.find("<failure type=\"smart-source\"") != std::string::npos);
  BOOST_TEST(xml.find("<system-out>") == std::string::npos);
  BOOST_TEST(xml.find("name=\"kpi.yaml:3:5 smart-source\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sarif_reads_back_as_2_1_0) {
  nlohmann::json j = nlohmann::json::parse(render_findings_sarif(sample()));
  BOOST_TEST(j["version"] == "2.1.0");
  BOOST_REQUIRE_EQUAL(j["runs"].size(), 1u);
  const nlohmann::json& driver = j["runs"][0]["tool"]["driver"];
  BOOST_TEST(driver["name"] == "kpi");
  BOOST_REQUIRE_EQUAL(driver["rules"].size(), rule_catalogue().size());
  BOOST_TEST(driver["rules"][0]["id"] == "yaml-syntax");
  BOOST_TEST(driver["rules"][0]["shortDescription"]["text"] == "The file is not valid YAML.");
  const nlohmann::json& result = j["runs"][0]["results"][0];
  BOOST_TEST(result["ruleId"] == "unknown-entity");
  BOOST_TEST(result["level"] == "error");
  BOOST_TEST(result["message"]["text"] ==
             "unknown entity 'salse' in owner of s.r (did you mean 'sales'?)");
  const nlohmann::json& location = result["locations"][0]["physicalLocation"];
  BOOST_TEST(location["artifactLocation"]["uri"] == "kpis/sales.yaml");
  BOOST_TEST(location["region"]["startLine"] == 5);
  BOOST_TEST(location["region"]["startColumn"] == 12);
  const int index = result["ruleIndex"];
  BOOST_TEST(driver["rules"][index]["id"] == "unknown-entity");
  BOOST_TEST(j["runs"][0]["results"][1]["level"] == "warning");
}

BOOST_AUTO_TEST_CASE(sarif_uris_are_percent_encoded) {
  FindingsReport report;
  report.findings = {{"bad-id", Severity::error, "m", {"my kpis/a#1.yaml", 1, 1}, ""},
                     {"bad-id", Severity::error, "m", {"/abs/k.yaml", 1, 1}, ""}};
  nlohmann::json j = nlohmann::json::parse(render_findings_sarif(report));
  const nlohmann::json& results = j["runs"][0]["results"];
  BOOST_TEST(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
             "my%20kpis/a%231.yaml");
  BOOST_TEST(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
             "file:///abs/k.yaml");
}

BOOST_AUTO_TEST_CASE(ci_paths_are_relative_to_the_start_folder) {
  FindingsReport report;
  report.start_directory = "/repo";
  report.working_directory = "/repo/examples";  // kpi -C examples
  report.files = {"kpi.yaml"};
  report.findings = {{"bad-id", Severity::error, "m", {"kpis/a.yaml", 3, 7}, ""},
                     {"bad-id", Severity::error, "m", {"../other/../top.yaml", 1, 1}, ""},
                     {"bad-id", Severity::error, "m", {"/elsewhere/k.yaml", 1, 1}, ""}};
  BOOST_TEST(report_path(report, "kpis/a.yaml") == "examples/kpis/a.yaml");
  BOOST_TEST(report_path(report, "../other/../top.yaml") == "top.yaml");
  BOOST_TEST(report_path(report, "/elsewhere/k.yaml") == "/elsewhere/k.yaml");
  BOOST_TEST(report_path(report, "/repo/examples/kpi.yaml") == "examples/kpi.yaml");
  const std::string github = render_findings_github(report);
  BOOST_TEST(github.find("::error file=examples/kpis/a.yaml,line=3,col=7,") == 0u);

  nlohmann::json run = nlohmann::json::parse(render_findings_sarif(report))["runs"][0];
  BOOST_TEST(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///repo/");
  BOOST_TEST(run["invocations"][0]["workingDirectory"]["uri"] == "file:///repo/examples/");
  BOOST_TEST(run["invocations"][0]["executionSuccessful"] == true);
  const nlohmann::json& a = run["results"][0]["locations"][0]["physicalLocation"];
  BOOST_TEST(a["artifactLocation"]["uri"] == "examples/kpis/a.yaml");
  BOOST_TEST(a["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  const nlohmann::json& c = run["results"][2]["locations"][0]["physicalLocation"];
  BOOST_TEST(c["artifactLocation"]["uri"] == "file:///elsewhere/k.yaml");
  BOOST_TEST(!c["artifactLocation"].contains("uriBaseId"));
}

BOOST_AUTO_TEST_CASE(github_messages_carry_no_control_characters) {
  FindingsReport report;
  report.findings = {{"bad-id", Severity::error, "id '\x1b]0;x\x07' \xff", {"k.yaml", 1, 1}, ""}};
  BOOST_TEST(render_findings_github(report) ==
             "::error file=k.yaml,line=1,col=1,title=bad-id::id '\\x1b]0;x\\x07' \\xff\n");
}

BOOST_AUTO_TEST_CASE(sarif_rules_carry_descriptions_help_and_a_help_uri) {
  nlohmann::json driver =
      nlohmann::json::parse(render_findings_sarif(sample()))["runs"][0]["tool"]["driver"];
  const nlohmann::json& rule = driver["rules"][0];
  BOOST_TEST(rule["fullDescription"]["text"] ==
             "The file is not YAML. Fix the syntax at the position given: indentation, an "
             "unclosed bracket or quote.");
  BOOST_TEST(rule["help"]["text"].get<std::string>().find("Fix the syntax") != std::string::npos);
  BOOST_TEST(rule["help"]["markdown"].get<std::string>().rfind("**yaml-syntax** (error): ", 0) ==
             0u);
  BOOST_TEST(rule["helpUri"] == "man:kpi-validate(1)#RULES");
  for (const nlohmann::json& r : driver["rules"]) {
    BOOST_TEST(!r["fullDescription"]["text"].get<std::string>().empty());
    BOOST_TEST(r["help"].contains("markdown"));
  }
}

BOOST_AUTO_TEST_CASE(fingerprints_follow_the_line_text_not_its_number) {
  std::vector<std::string> lines = {"", "  owner: salse", "  owner: salse"};
  FindingsReport report;
  report.source_line = [&](const std::string&, int line) {
    return line >= 1 && line <= static_cast<int>(lines.size()) ? lines[line - 1] : std::string();
  };
  report.findings = {{"unknown-entity", Severity::error, "m", {"k.yaml", 2, 10}, ""},
                     {"unknown-entity", Severity::error, "m", {"k.yaml", 3, 10}, ""}};
  const std::vector<std::string> before = finding_fingerprints(report);
  BOOST_REQUIRE_EQUAL(before.size(), 2u);
  BOOST_TEST(before[0].size() == 16u);
  BOOST_TEST(before[0] != before[1]);  // the same text twice: told apart by occurrence
  // Two lines inserted above: same fingerprints; other text: another one.
  lines = {"", "# new", "", "  owner: salse  ", "  owner: salse"};
  report.findings[0].where.line = 4;
  report.findings[1].where.line = 5;
  BOOST_TEST(finding_fingerprints(report) == before);
  lines[3] = "  owner: sales";
  BOOST_TEST(finding_fingerprints(report)[0] != before[0]);
  nlohmann::json result =
      nlohmann::json::parse(render_findings_sarif(report))["runs"][0]["results"][1];
  BOOST_TEST(result["partialFingerprints"]["kpiFindingHash/v1"] == finding_fingerprints(report)[1]);
}

BOOST_AUTO_TEST_SUITE_END()
