#include <boost/test/unit_test.hpp>

#include "kpi/model/model.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(model_model)

namespace {

Person person(const std::string& id, const std::string& unit) {
  Person p;
  p.id = id;
  p.member_of = unit;
  return p;
}

Kpi kpi_of(const std::string& owner, std::vector<std::string> assigned_to, bool members) {
  Kpi k;
  k.id = "k" + std::to_string(assigned_to.size());
  k.owner = owner;
  k.assigned_to = std::move(assigned_to);
  k.assigned_to_members = members;
  return k;
}

}  // namespace

BOOST_AUTO_TEST_CASE(assignees_of_all_gives_what_assignees_of_gives_for_each_kpi) {
  Workspace ws;
  // Members of one unit interleave with others': definition order must be kept.
  for (int i = 0; i < 300; ++i) {
    ws.people.push_back(person("p" + std::to_string(i), "u" + std::to_string(i % 7)));
  }
  ws.people.push_back(person("p0", "u3"));  // a duplicate id is listed again
  ws.kpis.push_back(kpi_of("u3", {}, true));
  ws.kpis.push_back(kpi_of("u0", {}, true));
  ws.kpis.push_back(kpi_of("nobody", {}, true));               // a unit without people
  ws.kpis.push_back(kpi_of("u1", {}, false));                  // default: the owner
  ws.kpis.push_back(kpi_of("u1", {"p2", "p2", "u5"}, false));  // as written, twice too
  ws.kpis.push_back(kpi_of("", {}, true));
  const std::vector<std::vector<std::string>> all = ws.assignees_of_all();
  BOOST_REQUIRE_EQUAL(all.size(), ws.kpis.size());
  for (size_t i = 0; i < ws.kpis.size(); ++i) {
    BOOST_TEST(all[i] == ws.assignees_of(ws.kpis[i]), "KPI " << i);
  }
  BOOST_TEST(all[0].size() == 44u);  // p3, p10, ... p297 and the second p0
  BOOST_TEST(all[0].back() == "p0");
  BOOST_TEST(all[2].empty());
}

BOOST_AUTO_TEST_CASE(assignees_of_all_without_kpis_is_empty) {
  Workspace ws;
  ws.people.push_back(person("a", "u"));
  BOOST_TEST(ws.assignees_of_all().empty());
}

BOOST_AUTO_TEST_SUITE_END()
