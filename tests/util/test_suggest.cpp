#include <boost/test/unit_test.hpp>

#include "kpi/util/suggest.hpp"

BOOST_AUTO_TEST_SUITE(util_suggest)

BOOST_AUTO_TEST_CASE(distance_counts_single_edits) {
  BOOST_TEST(kpi::edit_distance("targt", "target") == 1);
  BOOST_TEST(kpi::edit_distance("", "abc") == 3);
  BOOST_TEST(kpi::edit_distance("kitten", "sitting") == 3);
}

BOOST_AUTO_TEST_CASE(suggests_the_nearest_plausible_key) {
  std::vector<std::string> keys = {"target", "baseline", "weight"};
  BOOST_TEST(kpi::did_you_mean("targt", keys) == "did you mean 'target'?");
  BOOST_TEST(kpi::did_you_mean("wieght", keys) == "did you mean 'weight'?");
  // Too far from anything: no suggestion rather than a silly one.
  BOOST_TEST(kpi::did_you_mean("colour", keys) == "");
}

BOOST_AUTO_TEST_SUITE_END()
