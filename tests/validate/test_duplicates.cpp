#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_duplicates)

BOOST_AUTO_TEST_CASE(a_person_with_a_unit_id_is_reported_at_the_second_definition) {
  // Units and people share one namespace: person `company` (line 16) clashes with the
  // unit of line 10.
  std::string text = k_base + "  - id: company\n    name: C\n    member_of: company\n";
  Diagnostic d = one(check(text), "duplicate-id");
  BOOST_TEST(at(d) == "16:9");
  BOOST_TEST(d.message ==
             "person id 'company' is already used by the unit defined at kpi.yaml:10; rename "
             "one of them");
}

BOOST_AUTO_TEST_CASE(kpis_and_frames_have_their_own_namespaces) {
  // A KPI and a frame may share an id with a unit.
  std::string text = k_base + "kpis:\n" + block("company") + block("standard");
  BOOST_TEST(of_rule(check(text), "duplicate-id").empty());
}

BOOST_AUTO_TEST_CASE(a_second_kpi_with_the_same_id) {
  std::string text = k_base + "kpis:\n" + block("k.a") + block("k.a");
  Diagnostic d = one(check(text), "duplicate-id");
  BOOST_TEST(at(d) == "26:9");
  BOOST_TEST(d.message ==
             "KPI id 'k.a' is already used by the KPI defined at kpi.yaml:17; rename one of them");
}

BOOST_AUTO_TEST_CASE(a_second_frame_and_a_second_reward_label) {
  std::string text =
      "version: 1\nname: T\nframes:\n"
      "  - id: f\n    bands: [{points: 0}]\n"     // 4-5
      "  - id: f\n    bands: [{points: 0}]\n"     // 6-7
      "rewards:\n"                                // 8
      "  - {min: 90, label: A, multiplier: 1}\n"  // 9
      "  - {label: A, multiplier: 0}\n";          // 10
  std::vector<Diagnostic> found = of_rule(check(text), "duplicate-id");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(at(found[0]) == "6:9");
  BOOST_TEST(at(found[1]) == "10:13");
  BOOST_TEST(found[1].message ==
             "reward tier label 'A' is already used by the reward tier defined at kpi.yaml:9; "
             "rename one of them");
}

BOOST_AUTO_TEST_CASE(distinct_ids_pass) {
  std::string text = k_base + "kpis:\n" + block("k.a") + block("k.b");
  BOOST_TEST(of_rule(check(text), "duplicate-id").empty());
}

BOOST_AUTO_TEST_SUITE_END()
