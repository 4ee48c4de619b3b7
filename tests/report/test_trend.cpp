#include <boost/test/unit_test.hpp>

#include "kpi/report/report.hpp"

namespace {

kpi::KpiScore kpi_score(const char* id, std::optional<double> actual,
                        std::optional<double> achievement, std::optional<double> score) {
  kpi::KpiScore k;
  k.id = id;
  k.actual = actual;
  k.achievement = achievement;
  k.score = score;
  return k;
}

kpi::EntityScore entity(const char* id, std::optional<double> total,
                        std::vector<kpi::KpiScore> kpis) {
  kpi::EntityScore e;
  e.id = id;
  e.total = total;
  e.kpis = std::move(kpis);
  return e;
}

kpi::ScoreResult result(const char* token, std::vector<kpi::EntityScore> entities) {
  kpi::ScoreResult r;
  r.token = token;
  r.entities = std::move(entities);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_trend)

// September lacks bao and has alice's KPIs in the other order and one fewer; October
// has bao before alice. The series follow November's entities and KPIs.
BOOST_AUTO_TEST_CASE(series_follow_the_period_whatever_each_trend_period_holds) {
  const kpi::ScoreResult nov = result(
      "2026-11",
      {entity("alice", 80, {kpi_score("rev", 30, 0.3, 75), kpi_score("nps", 45, 0.9, 90)}),
       entity("bao", std::nullopt, {kpi_score("rev", std::nullopt, std::nullopt, std::nullopt)})});
  const kpi::ScoreResult sep =
      result("2026-09", {entity("alice", 60, {kpi_score("nps", 20, 0.4, 40)})});
  const kpi::ScoreResult oct = result(
      "2026-10",
      {entity("bao", 55, {kpi_score("rev", 11, 0.11, 55)}),
       entity("alice", 70, {kpi_score("rev", 50, 0.5, 100), kpi_score("nps", 25, 0.5, 50)})});
  kpi::Trend trend = kpi::start_trend(nov);
  kpi::add_trend_period(trend, sep, nov);
  kpi::add_trend_period(trend, oct, nov);
  kpi::add_trend_period(trend, nov, nov);

  BOOST_REQUIRE_EQUAL(trend.periods.size(), 3u);
  BOOST_TEST(trend.periods[0].token == "2026-09");
  BOOST_TEST(trend.periods[2].token == "2026-11");
  BOOST_REQUIRE_EQUAL(trend.series.size(), 2u);

  const kpi::EntityTrend& alice = trend.series[0];
  BOOST_REQUIRE_EQUAL(alice.total.size(), 3u);
  BOOST_TEST(*alice.total[0] == 60);
  BOOST_TEST(*alice.total[1] == 70);
  BOOST_TEST(*alice.total[2] == 80);
  BOOST_REQUIRE_EQUAL(alice.kpis.size(), 2u);
  BOOST_TEST(!alice.kpis[0][0].score);  // rev: not in September
  BOOST_TEST(*alice.kpis[0][1].score == 100);
  BOOST_TEST(*alice.kpis[0][2].actual == 30);
  BOOST_TEST(*alice.kpis[1][0].achievement == 0.4);  // nps, found by id
  BOOST_TEST(*alice.kpis[1][1].actual == 25);
  BOOST_TEST(*alice.kpis[1][2].score == 90);

  const kpi::EntityTrend& bao = trend.series[1];
  BOOST_TEST(!bao.total[0]);  // not in September at all
  BOOST_TEST(*bao.total[1] == 55);
  BOOST_TEST(!bao.total[2]);
  BOOST_TEST(*bao.kpis[0][1].achievement == 0.11);
  BOOST_TEST(!bao.kpis[0][2].actual);
}

BOOST_AUTO_TEST_CASE(entity_indexes_name_each_entity_or_minus_one) {
  const kpi::ScoreResult a =
      result("a", {entity("x", 1, {}), entity("y", 2, {}), entity("z", 3, {})});
  const kpi::ScoreResult b = result("b", {entity("z", 1, {}), entity("x", 2, {})});
  const std::vector<int> at = kpi::entity_indexes(a, b);
  BOOST_TEST(at == (std::vector<int>{1, -1, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
