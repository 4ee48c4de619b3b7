#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kpi/render/render.hpp"
#include "sample.hpp"

namespace {

using Json = nlohmann::ordered_json;

std::string render(const kpi::ScoreResult& result) {
  std::ostringstream out;
  kpi::render_score_json(out, result);
  return out.str();
}

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) {
    keys.push_back(item.key());
  }
  return keys;
}

using Keys = std::vector<std::string>;

// Worked out by hand from sample.hpp: integral doubles print as 80.0, int64 rows as 23,
// and 0.1 + 0.2 and 100/3 keep all 17 significant digits.
const char* const k_expected = R"json({
  "schema": "kpi.score/1",
  "workspace": "ACME Corp",
  "period": {
    "token": "2026-10",
    "start": "2026-10-01",
    "end": "2026-10-31"
  },
  "as_of": "2026-11-01",
  "entities": [
    {
      "id": "alice",
      "kind": "person",
      "name": "Alice Nguyen",
      "member_of": "sales",
      "total": 80.0,
      "members_mean": null,
      "coverage": null,
      "reward": {
        "label": "B",
        "multiplier": 1.25,
        "amount": 15000000.0
      },
      "withheld": null,
      "kpis": [
        {
          "id": "sales.revenue",
          "name": "Net revenue",
          "unit": "VND",
          "actual": 2100000000.0,
          "target": 2000000000.0,
          "achievement": 105.0,
          "points": 4.0,
          "score": 80.0,
          "weight": 40.0,
          "status": "green",
          "label": "Achieved",
          "rows": 23,
          "missing": false,
          "reason": null
        },
        {
          "id": "sales.calls",
          "name": "Calls made",
          "unit": "calls",
          "actual": null,
          "target": 300.0,
          "achievement": null,
          "points": null,
          "score": null,
          "weight": 60.0,
          "status": "none",
          "label": null,
          "rows": 0,
          "missing": true,
          "reason": "no measurements"
        }
      ]
    },
    {
      "id": "carol",
      "kind": "person",
      "name": "Carol",
      "member_of": "sales",
      "total": null,
      "members_mean": null,
      "coverage": null,
      "reward": null,
      "withheld": null,
      "kpis": []
    },
    {
      "id": "sales",
      "kind": "unit",
      "name": "Sales Department",
      "member_of": null,
      "total": 33.333333333333336,
      "members_mean": 80.0,
      "coverage": null,
      "reward": null,
      "withheld": null,
      "kpis": [
        {
          "id": "sales.margin",
          "name": "Gross margin",
          "unit": "ratio",
          "actual": 0.30000000000000004,
          "target": [
            0.25,
            0.35
          ],
          "achievement": 100.0,
          "points": 3.0,
          "score": 33.333333333333336,
          "weight": 1.0,
          "status": "amber",
          "label": null,
          "rows": 3,
          "missing": false,
          "reason": null
        }
      ]
    }
  ],
  "warnings": [
    {
      "rule": "smart-specific",
      "severity": "warning",
      "file": "kpis/sales.yaml",
      "line": 12,
      "column": 5,
      "message": "describe the outcome in a few words"
    },
    {
      "rule": "missing-data",
      "severity": "warning",
      "file": null,
      "line": null,
      "column": null,
      "message": "no rows for sales.calls"
    }
  ]
}
)json";

}  // namespace

BOOST_AUTO_TEST_SUITE(render_score_json)

BOOST_AUTO_TEST_CASE(prints_the_sample_exactly) {
  BOOST_TEST(render(kpi::test::sample_result()) == k_expected);
}

BOOST_AUTO_TEST_CASE(keys_come_in_the_order_of_cli_md) {
  Json j = Json::parse(render(kpi::test::sample_result()));
  BOOST_TEST(keys_of(j) == (Keys{"schema", "workspace", "period", "as_of", "entities", "warnings"}),
             boost::test_tools::per_element());
  BOOST_TEST(keys_of(j["period"]) == (Keys{"token", "start", "end"}),
             boost::test_tools::per_element());
  Keys entity_keys{"id",           "kind",     "name",   "member_of", "total",
                   "members_mean", "coverage", "reward", "withheld",  "kpis"};
  for (const Json& e : j["entities"]) {
    BOOST_TEST(keys_of(e) == entity_keys, boost::test_tools::per_element());
  }
  BOOST_TEST(keys_of(j["entities"][0]["reward"]) == (Keys{"label", "multiplier", "amount"}),
             boost::test_tools::per_element());
  // name and unit after the id: additive to cli.md's keys, which keep their order.
  Keys kpi_keys{"id",    "name",   "unit",   "actual", "target", "achievement", "points",
                "score", "weight", "status", "label",  "rows",   "missing",     "reason"};
  BOOST_TEST(keys_of(j["entities"][0]["kpis"][0]) == kpi_keys, boost::test_tools::per_element());
  BOOST_TEST(
      keys_of(j["warnings"][0]) == (Keys{"rule", "severity", "file", "line", "column", "message"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(values_read_back_exactly_and_absent_ones_are_null) {
  Json j = Json::parse(render(kpi::test::sample_result()));
  BOOST_TEST(j["schema"] == "kpi.score/1");
  BOOST_TEST(j["period"]["start"] == "2026-10-01");
  BOOST_TEST(j["period"]["end"] == "2026-10-31");
  BOOST_TEST(j["as_of"] == "2026-11-01");
  const Json& alice = j["entities"][0];
  BOOST_TEST(alice["member_of"] == "sales");
  BOOST_TEST(alice["members_mean"].is_null());
  BOOST_TEST(alice["reward"]["amount"].get<double>() == 15000000.0);
  const Json& revenue = alice["kpis"][0];
  BOOST_TEST(revenue["actual"].get<double>() == 2100000000.0);
  BOOST_TEST(revenue["rows"].is_number_integer());
  BOOST_TEST(revenue["rows"].get<int>() == 23);
  BOOST_TEST(revenue["reason"].is_null());
  const Json& calls = alice["kpis"][1];
  for (const char* key : {"actual", "achievement", "points", "score", "label"}) {
    BOOST_TEST_CONTEXT(key) { BOOST_TEST(calls[key].is_null()); }
  }
  BOOST_TEST(calls["missing"] == true);
  BOOST_TEST(calls["status"] == "none");
  const Json& carol = j["entities"][1];
  BOOST_TEST(carol["total"].is_null());
  BOOST_TEST(carol["reward"].is_null());
  BOOST_TEST(carol["kpis"].is_array());
  BOOST_TEST(carol["kpis"].empty());
  const Json& sales = j["entities"][2];
  BOOST_TEST(sales["kind"] == "unit");
  BOOST_TEST(sales["member_of"].is_null());
  BOOST_TEST(sales["total"].get<double>() == 100.0 / 3);
  const Json& margin = sales["kpis"][0];
  BOOST_TEST(margin["actual"].get<double>() == 0.1 + 0.2);
  BOOST_TEST(margin["target"] == Json::array({0.25, 0.35}));
  const Json& unplaced = j["warnings"][1];
  BOOST_TEST(unplaced["file"].is_null());
  BOOST_TEST(unplaced["line"].is_null());
  BOOST_TEST(unplaced["column"].is_null());
  BOOST_TEST(j["warnings"][0]["column"] == 5);
}

BOOST_AUTO_TEST_CASE(a_unit_never_shows_member_of) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities[2].member_of = "holding";  // even if the engine set it
  Json j = Json::parse(render(r));
  BOOST_TEST(j["entities"][2]["member_of"].is_null());
}

BOOST_AUTO_TEST_CASE(empty_result_has_empty_arrays) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities.clear();
  r.warnings.clear();
  std::string text = render(r);
  BOOST_TEST(text.find("\"entities\": [],\n  \"warnings\": []\n}\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_names_does_not_throw) {
  kpi::ScoreResult r = kpi::test::sample_result();
  r.entities[0].name = "Bad \xFF name";
  std::string text;
  BOOST_CHECK_NO_THROW(text = render(r));
  BOOST_TEST(Json::parse(text)["entities"][0]["name"] == "Bad \uFFFD name");
}

BOOST_AUTO_TEST_SUITE_END()
