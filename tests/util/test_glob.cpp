#include <boost/test/unit_test.hpp>
#include <fstream>

#include "../yaml/helpers.hpp"
#include "kpi/util/glob.hpp"

using kpi::expand_glob;
using Paths = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(util_glob)

BOOST_AUTO_TEST_CASE(wildcards_within_a_segment) {
  kpi::test::TempWorkspace temp;
  for (const char* f :
       {"k/a.yaml", "k/b.yaml", "k/ab.yml", "k/c1.yaml", "k/.hidden.yaml", "k/sub/d.yaml"}) {
    temp.write(f, "");
  }
  BOOST_TEST((expand_glob(".", "k/*.yaml") == Paths{"k/a.yaml", "k/b.yaml", "k/c1.yaml"}));
  BOOST_TEST((expand_glob(".", "k/?.yaml") == Paths{"k/a.yaml", "k/b.yaml"}));
  BOOST_TEST((expand_glob(".", "k/[ac]*.y*ml") == Paths{"k/a.yaml", "k/ab.yml", "k/c1.yaml"}));
  BOOST_TEST((expand_glob(".", "k/.*.yaml") == Paths{"k/.hidden.yaml"}));
  BOOST_TEST((expand_glob(".", "*/sub/*.yaml") == Paths{"k/sub/d.yaml"}));
  BOOST_TEST((expand_glob(temp.dir(), "k/a.yaml") == Paths{"k/a.yaml"}));
  BOOST_TEST(expand_glob(".", "k/none*.yaml").empty());
  BOOST_TEST(expand_glob(".", "k").empty());  // folders are not matches
  BOOST_TEST(expand_glob(".", "").empty());
}

BOOST_AUTO_TEST_CASE(double_star_any_depth_sorted_without_repeats) {
  kpi::test::TempWorkspace temp;
  for (const char* f : {"d/x.csv", "d/a/y.csv", "d/a/b/z.csv", "d/.git/w.csv"}) {
    temp.write(f, "");
  }
  BOOST_TEST((expand_glob(".", "d/**/*.csv") == Paths{"d/a/b/z.csv", "d/a/y.csv", "d/x.csv"}));
  BOOST_TEST((expand_glob(".", "d/**/**/*.csv") == Paths{"d/a/b/z.csv", "d/a/y.csv", "d/x.csv"}));
  BOOST_TEST((expand_glob(".", "**/z.csv") == Paths{"d/a/b/z.csv"}));
}

BOOST_AUTO_TEST_CASE(absolute_patterns_and_dot_segments) {
  kpi::test::TempWorkspace temp;
  temp.write("p/q.csv", "");
  std::string absolute = (temp.dir() / "p").string() + "/*.csv";
  BOOST_TEST((expand_glob("/nowhere", absolute) == Paths{(temp.dir() / "p/q.csv").string()}));
  BOOST_TEST((expand_glob("p", "../p/./*.csv") == Paths{"../p/q.csv"}));
}

BOOST_AUTO_TEST_SUITE_END()
