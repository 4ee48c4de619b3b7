#include <boost/test/unit_test.hpp>

#include "fixture.hpp"
#include "kpi/csv/measurements.hpp"

BOOST_AUTO_TEST_SUITE(csv_index)

BOOST_AUTO_TEST_CASE(numbers_people_then_units_and_kpis_in_definition_order) {
  const kpi::Workspace w = kpi_test::make_workspace();
  const kpi::MeasurementIndex index(w);
  BOOST_TEST(index.entity_ids() ==
             std::vector<std::string>({"alice", "bob", "carol", "sales", "ops"}));
  BOOST_TEST(index.kpi_count() == 7);
  BOOST_TEST(index.kpi_id(4) == "sales.calls");
  BOOST_TEST(*index.kpi("ops.uptime") == 2);
  BOOST_TEST(*index.entity(std::string_view("xsalesx").substr(1, 5)) == 3);
  BOOST_TEST(!index.kpi("sales").has_value());
  BOOST_TEST(!index.entity("Alice").has_value());  // ids are case-sensitive
}

BOOST_AUTO_TEST_CASE(assignees_flags_and_membership) {
  const kpi::Workspace w = kpi_test::make_workspace();
  const kpi::MeasurementIndex index(w);
  BOOST_TEST(index.assignees(0) == std::vector<int>({0, 1}));  // assigned_to
  BOOST_TEST(index.assignees(1) == std::vector<int>({4}));     // the owner
  BOOST_TEST(index.assignees(4) == std::vector<int>({0, 1}));  // members of sales
  BOOST_TEST(index.is_assigned(0, 1));
  BOOST_TEST(!index.is_assigned(0, 2));
  BOOST_TEST(index.is_count(1));
  BOOST_TEST(!index.is_count(0));
  BOOST_TEST(index.is_formula(3));
  BOOST_TEST(!index.is_formula(2));
}

BOOST_AUTO_TEST_SUITE_END()
