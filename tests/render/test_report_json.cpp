#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "report_sample.hpp"

namespace {

nlohmann::ordered_json report_json(const kpi::Report& report = kpi::test::sample_report()) {
  std::ostringstream out;
  kpi::render_report_json(out, report);
  return nlohmann::ordered_json::parse(out.str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_report_json)

BOOST_AUTO_TEST_CASE(embeds_the_score_document_unchanged) {
  const kpi::Report r = kpi::test::sample_report();
  std::ostringstream report_out;
  kpi::render_report_json(report_out, r);
  std::ostringstream score_out;
  kpi::render_score_json(score_out, r.current);
  const nlohmann::json j = nlohmann::json::parse(report_out.str());
  BOOST_TEST(j["schema"] == "kpi.report/1");
  BOOST_TEST(j["score"] == nlohmann::json::parse(score_out.str()));
  BOOST_TEST(j["compared"]["period"]["token"] == "2026-09");
}

BOOST_AUTO_TEST_CASE(sections_hold_exact_numbers) {
  const nlohmann::json j = report_json();
  BOOST_TEST(j["period"]["start"] == "2026-10-01");
  BOOST_TEST(j["running"] == false);
  BOOST_TEST(j["elapsed_days"] == 31);
  BOOST_TEST(j["compare"] == "previous");
  BOOST_TEST(j["summary"]["company_total"].get<double>() == 100.0 / 3);
  BOOST_TEST(j["summary"]["status_counts"]["amber"] == 1);
  BOOST_TEST(j["summary"]["movers"][0]["change"].get<double>() == 20.0);
  BOOST_TEST(j["trend"]["periods"].size() == 2u);
  BOOST_TEST(j["trend"]["series"][0]["total"][0].get<double>() == 70.0);
  BOOST_TEST(j["trend"]["series"][0]["kpis"][0]["score"][1].get<double>() == 80.0);
  BOOST_TEST(j["at_risk"][0]["kpi"] == "sales.margin");
  BOOST_TEST(j["at_risk"][0]["status"] == "amber");
  BOOST_TEST(j["data_quality"][0]["kind"] == "no-data");
  BOOST_TEST(j["data_quality"][0]["kpi"] == "sales.calls");
}

BOOST_AUTO_TEST_CASE(summary_holds_coverage_and_the_withheld_reason) {
  const nlohmann::ordered_json j = report_json(kpi::test::payroll_report());
  BOOST_TEST(j["no_data"] == false);
  const nlohmann::ordered_json& people = j["summary"]["people"];
  BOOST_REQUIRE(people.size() == 3u);
  BOOST_TEST(people[0]["coverage"].get<double>() == 80.0);
  BOOST_TEST(people[0]["reward"].is_null());
  BOOST_TEST(people[0]["withheld"] == "1 of 2 KPIs unscored: sales.visits (no data)");
  BOOST_TEST(people[1]["total"].get<double>() == 94.996);
  BOOST_TEST(people[1]["coverage"].get<double>() == 100.0);
  BOOST_TEST(people[1]["withheld"].is_null());
  BOOST_TEST(people[2]["coverage"].is_null());
  BOOST_TEST(j["summary"]["units"][0]["coverage"].is_null());
  const nlohmann::ordered_json& quality = j["data_quality"];
  BOOST_REQUIRE(quality.size() == 5u);
  BOOST_TEST(quality[0]["kind"] == "data-empty");
  BOOST_TEST(quality[0]["file"] == "kpi.yaml");
  BOOST_TEST(quality[0]["line"] == 4);
  BOOST_TEST(quality[1]["kind"] == "data-repeated");
  BOOST_TEST(quality[1]["line"].is_null());
  BOOST_TEST(quality[3]["kind"] == "withheld");
  BOOST_TEST(quality[3]["entity"] == "ana");
  BOOST_TEST(quality[3]["kpi"].is_null());
  BOOST_TEST(quality[4]["kind"] == "inactive-row");
  BOOST_TEST(quality[4]["line"] == 7);
}

BOOST_AUTO_TEST_CASE(an_empty_period_is_flagged_next_to_the_as_of_date) {
  const nlohmann::ordered_json j = report_json(kpi::test::empty_period_report(false));
  std::vector<std::string> keys;
  for (const auto& item : j.items()) {
    keys.push_back(item.key());
  }
  BOOST_REQUIRE(keys.size() > 5u);
  BOOST_TEST(keys[3] == "as_of");
  BOOST_TEST(keys[4] == "no_data");
  BOOST_TEST(j["no_data"] == true);
  BOOST_TEST(j["data_quality"][0]["kind"] == "empty-period");
  BOOST_TEST(report_json()["no_data"] == false);
}

BOOST_AUTO_TEST_SUITE_END()
