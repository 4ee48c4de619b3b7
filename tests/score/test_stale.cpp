// stale-data (kpi-score(1), "Stale data"): the last slot that ended freshness_days or more
// before the as-of date, inside the period, needs a row (or a later one) per assignee.

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "kpi/score/score.hpp"
#include "kpi/yaml/definitions.hpp"

namespace {

const std::string k_workspace =
    "version: 1\n"
    "name: Stale\n"
    "SETTINGS"
    "units:\n"
    "  - {id: u, name: U}\n"
    "people:\n"
    "  - {id: alice, name: Alice, member_of: u}\n"
    "  - {id: bob, name: Bob, member_of: u}\n"
    "  - {id: carol, name: Carol, member_of: u, left: 2026-09-30}\n"
    "frames:\n"
    "  - {id: f, method: linear, points: [[0, 0], [100, 100]]}\n"
    "kpis:\n"
    "  - {id: m, name: M, owner: alice, assigned_to: [alice, bob, carol], unit: x,\n"
    "     period: monthly, target: 1}\n"
    "  - {id: c, name: C, owner: alice, assigned_to: [alice, bob], unit: x,\n"
    "     aggregate: count, period: monthly, target: 1}\n";

const std::string k_rows =
    "date,kpi,entity,value\n"
    "2026-10-30,m,alice,1\n"
    "2026-09-15,m,bob,1\n"
    "2026-09-10,m,carol,1\n";

/// The stale-data warnings of scoring `period` as of `as_of`.
std::vector<kpi::Diagnostic> stale(const std::string& settings, kpi::Period period,
                                   const std::string& as_of) {
  std::string yaml = k_workspace;
  yaml.replace(yaml.find("SETTINGS"), 8, settings);
  const kpi::LoadResult load = kpi::load_workspace_text(yaml, "kpi.yaml");
  for (const kpi::Diagnostic& d : load.diagnostics) {
    BOOST_TEST_MESSAGE(d.message);
  }
  BOOST_TEST_REQUIRE(load.diagnostics.empty());
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("kpi_stale_" + std::to_string(getpid()) + ".csv");
  std::ofstream(file) << k_rows;
  const kpi::MeasurementIndex index(load.workspace);
  const kpi::Date day = *kpi::parse_date(as_of);
  const kpi::AggregateResult read =
      kpi::aggregate_measurements(index, {file.string()}, {{period, day}});
  std::filesystem::remove(file);
  return kpi::stale_data_warnings(load.workspace, index, read.periods.front());
}

kpi::Period month(int m) {
  return {kpi::make_date(2026, m, 1), kpi::make_date(2026, m, kpi::days_in_month(2026, m))};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(score_stale)

BOOST_AUTO_TEST_CASE(bob_stopped_in_september) {
  // October ended 5 days before 2026-11-05: alice has a row in it, bob's last is from
  // September, carol left in September; c is a count KPI, never stale.
  const auto w = stale("", month(10), "2026-11-05");
  BOOST_TEST_REQUIRE(w.size() == 1u);
  BOOST_TEST(w[0].rule == "stale-data");
  BOOST_TEST((w[0].severity == kpi::Severity::warning));
  BOOST_TEST(w[0].where.line == 12);  // the mapping of m
  BOOST_TEST(w[0].message ==
             "m has no row in or after 2026-10 (2026-10-01..2026-10-31), its last slot that "
             "ended at least 5 days before 2026-11-05, for bob; the data may have stopped "
             "coming");
}

BOOST_AUTO_TEST_CASE(a_slot_gets_its_days_and_must_lie_inside_the_period) {
  // As of 11-04 October has had 4 days: September is the slot, outside October.
  BOOST_TEST(stale("", month(10), "2026-11-04").empty());
  // Scoring 2026 as of 11-04: September is inside; carol was active then, and her row of
  // 09-10 is in it; bob's of 09-15 too; alice's is later. Nobody is stale.
  const kpi::Period year{kpi::make_date(2026, 1, 1), kpi::make_date(2026, 12, 31)};
  BOOST_TEST(stale("", year, "2026-11-04").empty());
  // With 3 days October is the slot again (from 11-03 on).
  const auto w = stale("settings: {freshness_days: 3}\n", year, "2026-11-03");
  BOOST_TEST_REQUIRE(w.size() == 1u);
  BOOST_TEST(w[0].message.find("at least 3 days before 2026-11-03, for bob;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(zero_days_turn_it_off) {
  BOOST_TEST(stale("settings: {freshness_days: 0}\n", month(10), "2026-11-05").empty());
}

BOOST_AUTO_TEST_SUITE_END()
