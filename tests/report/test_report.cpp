#include <boost/test/unit_test.hpp>

#include "kpi/report/report.hpp"

namespace {

using kpi::make_date;

// company > sales; alice in sales. November 2026 as of the 10th (day 10 of 30).
//   sales.revenue  monthly sum, target 100: actual 30, score 75 (amber); October: score 100
//   sales.nps      monthly mean, target 50: no data in November; October: score 40 (red)
kpi::Workspace workspace() {
  kpi::Workspace ws;
  ws.name = "ACME";
  kpi::Unit company;
  company.id = "company";
  company.name = "ACME";
  kpi::Unit sales;
  sales.id = "sales";
  sales.name = "Sales";
  sales.parent = "company";
  ws.units = {company, sales};
  kpi::Person alice;
  alice.id = "alice";
  alice.name = "Alice";
  alice.member_of = "sales";
  ws.people = {alice};
  kpi::Kpi revenue;
  revenue.id = "sales.revenue";
  revenue.period = kpi::SlotKind::monthly;
  revenue.aggregate = kpi::Aggregate::sum;
  revenue.target = kpi::Target{100, 0, false};
  revenue.owner = "alice";
  kpi::Kpi nps = revenue;
  nps.id = "sales.nps";
  nps.aggregate = kpi::Aggregate::mean;
  nps.target = kpi::Target{50, 0, false};
  ws.kpis = {revenue, nps};
  return ws;
}

kpi::KpiScore kpi_score(std::string id, std::optional<double> actual, std::optional<double> score,
                        kpi::Status status) {
  kpi::KpiScore k;
  k.id = std::move(id);
  k.actual = actual;
  k.score = score;
  k.status = status;
  k.missing = !actual;
  if (k.missing) {
    k.reason = "no data for " + k.id;
  }
  return k;
}

kpi::ScoreResult result(kpi::Period period, kpi::Date as_of, kpi::KpiScore revenue,
                        kpi::KpiScore nps, std::optional<double> company_total) {
  kpi::ScoreResult r;
  r.workspace = "ACME";
  r.period = period;
  r.as_of = as_of;
  kpi::EntityScore alice;
  alice.id = "alice";
  alice.name = "Alice";
  alice.member_of = "sales";
  alice.total = revenue.score;
  alice.kpis = {std::move(revenue), std::move(nps)};
  kpi::EntityScore company;
  company.id = "company";
  company.is_unit = true;
  company.total = company_total;
  kpi::EntityScore sales;
  sales.id = "sales";
  sales.is_unit = true;
  sales.total = alice.total;
  r.entities = {alice, company, sales};
  return r;
}

kpi::Report november() {
  const kpi::Period nov{make_date(2026, 11, 1), make_date(2026, 11, 30)};
  const kpi::Period oct{make_date(2026, 10, 1), make_date(2026, 10, 31)};
  const kpi::Date as_of = make_date(2026, 11, 10);
  kpi::ReportInputs in;
  in.current = result(nov, as_of, kpi_score("sales.revenue", 30, 75, kpi::Status::amber),
                      kpi_score("sales.nps", std::nullopt, std::nullopt, kpi::Status::none), 75);
  in.compared = result(oct, as_of, kpi_score("sales.revenue", 110, 100, kpi::Status::green),
                       kpi_score("sales.nps", 20, 40, kpi::Status::red), 70);
  in.trend = kpi::start_trend(in.current);
  kpi::add_trend_period(in.trend, *in.compared, in.current);
  kpi::add_trend_period(in.trend, in.current, in.current);
  in.findings = {kpi::Diagnostic{"cascade-gap", kpi::Severity::warning, "children short by 5",
                                 kpi::SourceLocation{"kpi.yaml", 3, 1}, ""},
                 kpi::Diagnostic{"smart-specific", kpi::Severity::warning, "vague", {}, ""}};
  in.current.warnings = {kpi::Diagnostic{"partial-overlap",
                                         kpi::Severity::warning,
                                         "the row's stamp overlaps",
                                         {"data/a.csv", 7, 0},
                                         ""}};
  return kpi::build_report(workspace(), std::move(in));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_report)

BOOST_AUTO_TEST_CASE(running_period_and_elapsed_days) {
  const kpi::Report r = november();
  BOOST_TEST(r.running);
  BOOST_TEST(r.elapsed_days == 10);
}

BOOST_AUTO_TEST_CASE(summary_takes_the_root_units_total_and_counts_statuses) {
  const kpi::Report r = november();
  BOOST_REQUIRE(r.company_total);
  BOOST_TEST(*r.company_total == 75.0);
  BOOST_TEST(r.counts.green == 0);
  BOOST_TEST(r.counts.amber == 1);
  BOOST_TEST(r.counts.red == 0);
  BOOST_TEST(r.counts.none == 1);
}

BOOST_AUTO_TEST_CASE(movers_are_score_changes_where_both_periods_have_a_score) {
  const kpi::Report r = november();
  // nps has no score in November: it cannot move.
  BOOST_REQUIRE(r.movers.size() == 1u);
  BOOST_TEST(r.movers[0].entity == "alice");
  BOOST_TEST(r.movers[0].kpi == "sales.revenue");
  BOOST_TEST(r.movers[0].before == 100.0);
  BOOST_TEST(r.movers[0].after == 75.0);
  BOOST_TEST(r.movers[0].change == -25.0);
}

BOOST_AUTO_TEST_CASE(at_risk_holds_amber_and_the_projection_behind_pace) {
  const kpi::Report r = november();
  BOOST_REQUIRE(r.at_risk.size() == 1u);
  const kpi::AtRisk& a = r.at_risk[0];
  BOOST_TEST(a.kpi == "sales.revenue");
  BOOST_TEST((a.status == kpi::Status::amber));
  // 30 in 10 of 30 days -> 90 at the end, short of the month's 100.
  BOOST_REQUIRE(a.projected);
  BOOST_TEST(*a.projected == 90.0);
  BOOST_REQUIRE(a.full_target);
  BOOST_TEST(a.full_target->value() == 100.0);
  BOOST_TEST(a.behind_pace);
}

BOOST_AUTO_TEST_CASE(data_quality_lists_no_data_partial_rows_and_cascade_gaps) {
  const kpi::Report r = november();
  BOOST_REQUIRE(r.quality.size() == 3u);
  BOOST_TEST((r.quality[0].kind == kpi::QualityKind::no_data));
  BOOST_TEST(r.quality[0].entity == "alice");
  BOOST_TEST(r.quality[0].kpi == "sales.nps");
  BOOST_TEST(r.quality[0].message == "no data for sales.nps");
  BOOST_TEST((r.quality[1].kind == kpi::QualityKind::partial_overlap));
  BOOST_TEST(r.quality[1].where.line == 7);
  BOOST_TEST((r.quality[2].kind == kpi::QualityKind::cascade_gap));
  BOOST_TEST(r.quality[2].message == "children short by 5");
}

BOOST_AUTO_TEST_CASE(a_closed_period_has_no_projection) {
  kpi::ReportInputs in;
  in.current = november().current;
  in.current.as_of = make_date(2026, 12, 3);
  in.compare = kpi::CompareMode::none;
  const kpi::Report r = kpi::build_report(workspace(), std::move(in));
  BOOST_TEST(!r.running);
  BOOST_TEST(r.elapsed_days == 30);
  BOOST_TEST(r.movers.empty());
  BOOST_REQUIRE(r.at_risk.size() == 1u);
  BOOST_TEST(!r.at_risk[0].projected);
  BOOST_TEST(!r.at_risk[0].behind_pace);
}

BOOST_AUTO_TEST_CASE(several_roots_give_the_mean_of_their_totals) {
  kpi::Workspace ws = workspace();
  ws.units[1].parent.clear();  // sales becomes a second root: (70 + 75) / 2
  kpi::ReportInputs in;
  in.current = november().current;
  in.current.entities[1].total = 70;
  const kpi::Report r = kpi::build_report(ws, std::move(in));
  BOOST_REQUIRE(r.company_total);
  BOOST_TEST(*r.company_total == 72.5);
}

BOOST_AUTO_TEST_SUITE_END()
