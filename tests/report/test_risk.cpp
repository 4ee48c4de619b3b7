#include <boost/test/unit_test.hpp>

#include "kpi/report/sections.hpp"

BOOST_AUTO_TEST_SUITE(report_risk)

BOOST_AUTO_TEST_CASE(projection_extrapolates_by_elapsed_days) {
  BOOST_TEST(kpi::report::project(30, 30, 10) == 90.0);
  BOOST_TEST(kpi::report::project(7, 31, 31) == 7.0);
  BOOST_TEST(kpi::report::project(1, 28, 7) == 4.0);
}

BOOST_AUTO_TEST_CASE(misses_follows_the_direction) {
  const kpi::Target hundred{100, 0, false};
  BOOST_TEST(kpi::report::misses(kpi::Direction::higher, 99.5, hundred));
  BOOST_TEST(!kpi::report::misses(kpi::Direction::higher, 100, hundred));
  BOOST_TEST(kpi::report::misses(kpi::Direction::lower, 100.5, hundred));
  BOOST_TEST(!kpi::report::misses(kpi::Direction::lower, 100, hundred));
  const kpi::Target band{10, 20, true};
  BOOST_TEST(kpi::report::misses(kpi::Direction::range, 9, band));
  BOOST_TEST(!kpi::report::misses(kpi::Direction::range, 20, band));
  BOOST_TEST(kpi::report::misses(kpi::Direction::range, 21, band));
}

BOOST_AUTO_TEST_SUITE_END()
