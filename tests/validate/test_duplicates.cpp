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

BOOST_AUTO_TEST_CASE(across_files_the_first_file_holds_the_first_definition) {
  // People read from an earlier file than units: the unit is the second definition. A
  // file the workspace does not list sorts after those it lists.
  Workspace ws;
  ws.files = {"kpi.yaml", "org/people.yaml", "org/units.yaml"};
  auto place = [](Positions& pos, const std::string& file, int line) {
    pos.mapping = {file, line, 5};
    pos.set("id", {file, line, 9}, {file, line, 9});
  };
  for (int i = 0; i < 50; ++i) {
    Unit u;
    u.id = "x" + std::to_string(i);
    place(u.pos, "org/units.yaml", 2 + 2 * i);
    ws.units.push_back(u);
  }
  Person stray;
  stray.id = "x7";
  place(stray.pos, "extra.yaml", 1);
  ws.people.push_back(stray);
  for (int i = 0; i < 50; i += 10) {
    Person p;
    p.id = "x" + std::to_string(i);
    place(p.pos, "org/people.yaml", 100 - i);
    ws.people.push_back(p);
  }
  std::vector<Diagnostic> found =
      of_rule(validate_workspace(ws, make_date(2026, 11, 23)), "duplicate-id");
  BOOST_REQUIRE_EQUAL(found.size(), 6u);
  // In the order of the files, then lines: units.yaml x0, x10, ... then extra.yaml.
  BOOST_TEST(found[0].where.file == "org/units.yaml");
  BOOST_TEST(found[0].message ==
             "unit id 'x0' is already used by the person defined at org/people.yaml:100; "
             "rename one of them");
  BOOST_TEST(found[4].message ==
             "unit id 'x40' is already used by the person defined at org/people.yaml:60; "
             "rename one of them");
  BOOST_TEST(found[5].where.file == "extra.yaml");
  BOOST_TEST(found[5].message ==
             "person id 'x7' is already used by the unit defined at org/units.yaml:16; rename "
             "one of them");
}

BOOST_AUTO_TEST_SUITE_END()
