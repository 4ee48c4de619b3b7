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

BOOST_AUTO_TEST_CASE(junit_has_a_testcase_per_file_and_a_failure_per_error) {
  std::string xml = render_findings_junit(sample());
  BOOST_TEST(xml ==
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
             "  <testsuite name=\"kpi validate\" tests=\"2\" failures=\"1\" errors=\"0\" "
             "skipped=\"0\">\n"
             "    <testcase classname=\"kpi.validate\" name=\"kpi.yaml\">\n"
             "      <system-out>kpi.yaml:3:5: warning[smart-source]: s.r does not say where, "
             "100% &lt;sure&gt;\n</system-out>\n"
             "    </testcase>\n"
             "    <testcase classname=\"kpi.validate\" name=\"kpis/sales.yaml\">\n"
             "      <failure type=\"unknown-entity\" message=\"unknown entity &#39;salse&#39; in "
             "owner of s.r\">kpis/sales.yaml:5:12: error[unknown-entity]: unknown entity "
             "&#39;salse&#39; in owner of s.r (did you mean &#39;sales&#39;?)</failure>\n"
             "    </testcase>\n"
             "  </testsuite>\n</testsuites>\n");
}

BOOST_AUTO_TEST_CASE(junit_under_strict_fails_warnings_too) {
  std::string xml = render_findings_junit(sample(true));
  BOOST_TEST(xml.find("failures=\"2\"") != std::string::npos);
  BOOST_TEST(xml.find("<failure type=\"smart-source\"") != std::string::npos);
  BOOST_TEST(xml.find("<system-out>") == std::string::npos);
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

BOOST_AUTO_TEST_SUITE_END()
