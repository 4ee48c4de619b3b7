#include <boost/test/unit_test.hpp>

#include "../render/report_sample.hpp"
#include "kpi/report/sections.hpp"

namespace {

using kpi::QualityKind;

}  // namespace

BOOST_AUTO_TEST_SUITE(report_quality)

BOOST_AUTO_TEST_CASE(lists_files_then_gaps_and_withheld_rewards_then_rows) {
  const kpi::Report r = kpi::test::payroll_report();
  BOOST_TEST(!r.no_data);
  BOOST_REQUIRE(r.quality.size() == 5u);
  BOOST_TEST((r.quality[0].kind == QualityKind::data_empty));
  BOOST_TEST(r.quality[0].message == "'data/2026-10/*.csv' matches no file");
  BOOST_TEST(r.quality[0].where.file == "kpi.yaml");
  BOOST_TEST(r.quality[0].where.line == 4);
  BOOST_TEST((r.quality[1].kind == QualityKind::data_repeated));
  BOOST_TEST(r.quality[1].where.file == "data/sales.csv");
  BOOST_TEST((r.quality[2].kind == QualityKind::no_data));
  BOOST_TEST(r.quality[2].entity == "ana");
  BOOST_TEST(r.quality[2].kpi == "sales.visits");
  BOOST_TEST(r.quality[2].message == "no data");
  BOOST_TEST((r.quality[3].kind == QualityKind::withheld));
  BOOST_TEST(r.quality[3].entity == "ana");
  BOOST_TEST(r.quality[3].kpi == "");
  BOOST_TEST(r.quality[3].message == "1 of 2 KPIs unscored: sales.visits (no data)");
  BOOST_TEST((r.quality[4].kind == QualityKind::inactive_row));
  BOOST_TEST(r.quality[4].where.line == 7);
}

BOOST_AUTO_TEST_CASE(an_empty_period_comes_first_with_the_scorers_words) {
  const kpi::Report r = kpi::test::empty_period_report(true);
  BOOST_TEST(r.no_data);
  BOOST_REQUIRE(!r.quality.empty());
  BOOST_TEST((r.quality[0].kind == QualityKind::empty_period));
  BOOST_TEST(r.quality[0].message == "no row counts toward 2026-10 (as of 2026-11-01)");
}

BOOST_AUTO_TEST_CASE(an_empty_period_is_found_without_the_warning_too) {
  const kpi::Report r = kpi::test::empty_period_report(false);
  BOOST_TEST(r.no_data);
  BOOST_REQUIRE(!r.quality.empty());
  BOOST_TEST((r.quality[0].kind == QualityKind::empty_period));
  BOOST_TEST(r.quality[0].message ==
             "no measurement counts toward 2026-10 (2026-10-01 to 2026-10-31) as of 2026-11-01");
}

BOOST_AUTO_TEST_CASE(one_counted_row_or_only_formula_kpis_is_not_an_empty_period) {
  kpi::ScoreResult r = kpi::test::empty_period_report(false).current;
  BOOST_TEST(kpi::report::period_has_no_data(r));
  r.entities[1].kpis[0].rows = 1;
  BOOST_TEST(!kpi::report::period_has_no_data(r));
  // Rows are null for formula KPIs: with nothing else, nothing says the period is empty.
  for (kpi::EntityScore& e : r.entities) {
    for (kpi::KpiScore& k : e.kpis) {
      k.rows = std::nullopt;
    }
  }
  BOOST_TEST(!kpi::report::period_has_no_data(r));
  r.entities.clear();
  BOOST_TEST(!kpi::report::period_has_no_data(r));
}

BOOST_AUTO_TEST_CASE(kinds_have_stable_names) {
  BOOST_TEST(kpi::to_string(QualityKind::no_data) == "no-data");
  BOOST_TEST(kpi::to_string(QualityKind::empty_period) == "empty-period");
  BOOST_TEST(kpi::to_string(QualityKind::withheld) == "withheld");
  BOOST_TEST(kpi::to_string(QualityKind::inactive_row) == "inactive-row");
  BOOST_TEST(kpi::to_string(QualityKind::data_repeated) == "data-repeated");
  BOOST_TEST(kpi::to_string(QualityKind::data_empty) == "data-empty");
  BOOST_TEST(kpi::to_string(QualityKind::source_empty) == "source-empty");
  BOOST_TEST(kpi::to_string(QualityKind::partial_overlap) == "partial-overlap");
  BOOST_TEST(kpi::to_string(QualityKind::cascade_gap) == "cascade-gap");
}

BOOST_AUTO_TEST_SUITE_END()
