#include <algorithm>
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

BOOST_AUTO_TEST_CASE(nearest_over_many_ids_is_the_first_of_the_nearest) {
  // Against the plain search: the first candidate at the smallest distance within the
  // limit, whatever the lengths of the candidates around it.
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) {
    ids.push_back((i % 3 == 0 ? "p" : i % 3 == 1 ? "unit" : "k.") + std::to_string(i * 7 % 1000));
  }
  for (const std::string word :
       {"p0123", "p12x", "unit99", "k.9999", "u", "k.5", "p", "pp", "unit1234", "x.100", "k."}) {
    const int limit = std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
    std::optional<std::string> expected;
    int best = limit + 1;
    for (const std::string& id : ids) {
      if (int d = kpi::edit_distance(word, id); d < best) {
        best = d;
        expected = id;
      }
    }
    BOOST_TEST((kpi::nearest(word, ids) == expected), word);
  }
}

BOOST_AUTO_TEST_CASE(an_exact_match_is_nearest_and_equals_keep_the_first) {
  BOOST_TEST((kpi::nearest("abcd", {"abcde", "abce", "abcd"}) == std::string("abcd")));
  BOOST_TEST((kpi::nearest("abcd", {"abcdef", "abcde", "abce"}) == std::string("abcde")));
}

BOOST_AUTO_TEST_SUITE_END()
