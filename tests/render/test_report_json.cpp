#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "report_sample.hpp"

namespace {

nlohmann::json report_json() {
  std::ostringstream out;
  kpi::render_report_json(out, kpi::test::sample_report());
  return nlohmann::json::parse(out.str());
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

BOOST_AUTO_TEST_SUITE_END()
