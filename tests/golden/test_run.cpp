// kpi test's runner: expectations compared with compute_scores' numbers, tolerance,
// null, ranges, errors at their positions.

#include <boost/test/unit_test.hpp>

#include "kpi/golden/golden.hpp"
#include "kpi/yaml/definitions.hpp"
#include "kpi/yaml/golden.hpp"

namespace {

// One person, two KPIs: r (sum, target 3) and band (range target [10, 20], mean).
const std::string k_workspace =
    "version: 1\n"
    "name: T\n"
    "units: [{id: u, name: U}]\n"
    "people: [{id: p, name: P, member_of: u}]\n"
    "frames:\n"
    "  - {id: f, method: linear, points: [[0, 0], [200, 200]]}\n"
    "kpis:\n"
    "  - {id: r, name: R, owner: p, unit: x, period: monthly, target: 3, weight: 1}\n"
    "  - {id: band, name: B, owner: p, unit: x, period: monthly, aggregate: mean,\n"
    "     direction: range, target: [10, 20], weight: 1}\n";

kpi::GoldenReport run(const std::string& tests) {
  const kpi::LoadResult ws = kpi::load_workspace_text(k_workspace, "/tmp/kpi.yaml");
  BOOST_TEST_REQUIRE(ws.diagnostics.empty());
  const kpi::GoldenLoad load = kpi::load_golden_text(tests, "/tmp/tests/t.yaml");
  for (const kpi::Diagnostic& d : load.diagnostics) {
    BOOST_TEST_MESSAGE(d.message);
  }
  BOOST_TEST_REQUIRE(load.diagnostics.empty());
  return kpi::run_golden_tests(ws.workspace, load.file);
}

std::string test_of(const std::string& expect) {
  return "tests:\n"
         "  - name: t\n"
         "    period: 2026-10\n"
         "    measurements: |\n"
         "      date,kpi,entity,value\n"
         "      2026-10-01,r,p,1\n"
         "      2026-10-02,band,p,12\n"
         "    expect:\n" +
         expect;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden_run)

BOOST_AUTO_TEST_CASE(numbers_as_score_gives_them) {
  // r: 1 of 3 = 33.33..., points 33.33...; band: 12 inside [10, 20] = 100; total
  // (33.333... + 100) / 2 = 66.67 (precision 2).
  const kpi::GoldenReport r = run(
      test_of("      - {entity: p, kpi: r, actual: 1, target: 3, achievement: 33.333333333333336}\n"
              "      - {entity: p, kpi: band, target: [10, 20], achievement: 100, status: green}\n"
              "      - {entity: p, total: 66.67, coverage: 100, reward: null, withheld: false}\n"));
  BOOST_TEST_REQUIRE(r.results.size() == 3u);
  for (const kpi::ExpectationResult& e : r.results) {
    BOOST_TEST(e.passed(), e.subject);
  }
}

BOOST_AUTO_TEST_CASE(a_relative_tolerance_of_1e_9_by_default) {
  // 33.33333333 is 1e-10 relative off 33.333...336: inside; 33.33 (1e-4 off) is not.
  kpi::GoldenReport r = run(test_of("      - {entity: p, kpi: r, achievement: 33.33333333}\n"));
  BOOST_TEST(r.results.at(0).passed());
  r = run(test_of("      - {entity: p, kpi: r, achievement: 33.33}\n"));
  BOOST_TEST_REQUIRE(r.results.at(0).failures.size() == 1u);
  const kpi::FieldFailure& f = r.results[0].failures[0];
  BOOST_TEST(f.field == "achievement");
  BOOST_TEST(f.expected == "33.33");
  BOOST_TEST(f.actual == "33.333333333333336");
  BOOST_TEST(f.where.file == "/tmp/tests/t.yaml");
  BOOST_TEST(f.where.line == 9);
  BOOST_TEST(f.where.column == 42);
}

BOOST_AUTO_TEST_CASE(null_and_types_must_match) {
  const kpi::GoldenReport r =
      run(test_of("      - {entity: p, kpi: r, baseline: null, label: null, target: [3, 4]}\n"
                  "      - {entity: p, kpi: band, target: 10, missing: false}\n"));
  BOOST_TEST(r.results.at(0).failures.size() == 1u);  // target is 3, not a range
  BOOST_TEST(r.results.at(0).failures.at(0).actual == "3");
  BOOST_TEST(r.results.at(1).failures.size() == 1u);  // target is [10, 20]
  BOOST_TEST(r.results.at(1).failures.at(0).actual == "[10, 20]");
}

BOOST_AUTO_TEST_CASE(a_bad_row_is_an_error_at_its_place_in_the_test_file) {
  const kpi::GoldenReport r =
      run("tests:\n"
          "  - name: t\n"
          "    period: 2026-10\n"
          "    measurements: |\n"
          "      date,kpi,entity,value\n"
          "      2026-10-01,r,p,x1\n"
          "    expect:\n"
          "      - {entity: p, kpi: r, rows: 0}\n");
  BOOST_TEST_REQUIRE(r.results.size() == 2u);
  BOOST_TEST(r.results[0].passed());  // the bad row does not count
  const kpi::ExpectationResult& setup = r.results[1];
  BOOST_TEST(setup.subject.empty());
  BOOST_TEST_REQUIRE(setup.errors.size() == 1u);
  BOOST_TEST(setup.errors[0].rule == "bad-number");
  BOOST_TEST(setup.errors[0].where.line == 6);
  BOOST_TEST(setup.errors[0].where.column == 22);
}

BOOST_AUTO_TEST_CASE(a_relative_period_needs_an_as_of_day) {
  const kpi::GoldenReport r =
      run("tests:\n"
          "  - name: t\n"
          "    period: last-month\n"
          "    expect:\n"
          "      - {entity: p, total: null}\n");
  BOOST_TEST_REQUIRE(r.results.size() == 1u);
  BOOST_TEST(r.results[0].errors.at(0).where.line == 3);
}

BOOST_AUTO_TEST_SUITE_END()
