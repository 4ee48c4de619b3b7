#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_system)

BOOST_AUTO_TEST_CASE(written_weights_that_miss_100_point_at_the_entity) {
  std::string text =
      k_base + "kpis:\n" + block("k.a", {{"weight", "40"}}) + block("k.b", {{"weight", "50"}});
  Diagnostic d = one(check(text), "weights-sum");
  BOOST_TEST(at(d) == "10:5");
  BOOST_TEST(d.message ==
             "the weights of company's KPIs sum to 90, not 100 (k.a 40, k.b 50); change them so "
             "they sum to 100");
}

BOOST_AUTO_TEST_CASE(one_written_weight_counts_the_defaults_too) {
  // k.b keeps its default weight 1: 40 + 1.
  std::string text = k_base + "kpis:\n" + block("k.a", {{"weight", "40"}}) + block("k.b");
  Diagnostic d = one(check(text), "weights-sum");
  BOOST_TEST(d.message ==
             "the weights of company's KPIs sum to 41, not 100 (k.a 40, k.b 1); change them so "
             "they sum to 100");
}

BOOST_AUTO_TEST_CASE(entity_overrides_without_period_count) {
  std::string text =
      k_base + "kpis:\n" + block("k.a", {{"weight", "40"}}) +
      block("k.b", {{"weight", "50"}, {"overrides", "[{entity: company, weight: 60}]"}});
  BOOST_TEST(of_rule(check(text), "weights-sum").empty());
}

BOOST_AUTO_TEST_CASE(a_weight_override_alone_triggers_the_check_for_people_too) {
  // `members` assigns both KPIs to alice, the one member of company.
  std::string text =
      k_base + "kpis:\n" + block("k.a", {{"assigned_to", "members"}}) +
      block("k.b", {{"assigned_to", "members"}, {"overrides", "[{entity: alice, weight: 70}]"}});
  Diagnostic d = one(check(text), "weights-sum");
  BOOST_TEST(at(d) == "13:5");
  BOOST_TEST(d.message ==
             "the weights of alice's KPIs sum to 71, not 100 (k.a 1, k.b 70); change them so they "
             "sum to 100");
}

BOOST_AUTO_TEST_CASE(default_weights_only_pass) {
  std::string text = k_base + "kpis:\n" + block("k.a") + block("k.b");
  BOOST_TEST(of_rule(check(text), "weights-sum").empty());
}

BOOST_AUTO_TEST_CASE(more_kpis_than_the_limit) {
  std::string head = "version: 1\nname: T\nsettings:\n  max_kpis_per_entity: 2\n" +
                     k_base.substr(k_base.find("frames:")) + "kpis:\n";
  Diagnostic d = one(check(head + block("k.a") + block("k.b") + block("k.c")), "too-many-kpis");
  BOOST_TEST(at(d) == "12:5");
  BOOST_TEST(d.message ==
             "company has 3 KPIs, more than max_kpis_per_entity 2; keep the few that matter or "
             "raise settings.max_kpis_per_entity");
  BOOST_TEST(of_rule(check(head + block("k.a") + block("k.b")), "too-many-kpis").empty());
}

BOOST_AUTO_TEST_CASE(only_lagging_indicators) {
  std::string text = k_base + "kpis:\n" + block("k.a", {{"indicator", "lagging"}}) +
                     block("k.b", {{"indicator", "lagging"}});
  Diagnostic d = one(check(text), "only-lagging");
  BOOST_TEST(at(d) == "10:5");
  BOOST_TEST(d.message ==
             "all KPIs of company are lagging indicators; add a leading one that shows early "
             "where they go");
}

BOOST_AUTO_TEST_CASE(a_leading_or_undeclared_indicator_passes) {
  std::string lead = k_base + "kpis:\n" + block("k.a", {{"indicator", "lagging"}}) +
                     block("k.b", {{"indicator", "leading"}});
  BOOST_TEST(of_rule(check(lead), "only-lagging").empty());
  std::string undeclared =
      k_base + "kpis:\n" + block("k.a", {{"indicator", "lagging"}}) + block("k.b");
  BOOST_TEST(of_rule(check(undeclared), "only-lagging").empty());
}

BOOST_AUTO_TEST_CASE(an_assignee_written_twice_counts_the_kpi_once) {
  std::string text = k_base + "kpis:\n" +
                     block("k.a", {{"weight", "40"}, {"assigned_to", "[alice, alice]"}}) +
                     block("k.b", {{"weight", "50"}, {"assigned_to", "[alice]"}});
  Diagnostic d = one(check(text), "weights-sum");
  BOOST_TEST(at(d) == "13:5");
  BOOST_TEST(d.message ==
             "the weights of alice's KPIs sum to 90, not 100 (k.a 40, k.b 50); change them so they "
             "sum to 100");
}

BOOST_AUTO_TEST_CASE(each_of_many_members_gets_its_own_kpis_in_definition_order) {
  // Two units whose members interleave; each unit's KPIs go to its own members only.
  std::string text =
      "version: 1\nname: T\nsettings:\n  max_kpis_per_entity: 2\n"
      "frames:\n  - id: f\n    bands: [{points: 0}]\n"
      "units:\n  - {id: a, name: A}\n  - {id: b, name: B}\npeople:\n";
  for (int i = 0; i < 40; ++i) {
    text +=
        "  - {id: p" + std::to_string(i) + ", name: P, member_of: " + (i % 2 ? "b" : "a") + "}\n";
  }
  text += "kpis:\n";
  for (const std::string id : {"k.1", "k.2", "k.3"}) {
    text += block(id, {{"owner", "a"}, {"assigned_to", "members"}});
  }
  text += block("k.4", {{"owner", "b"}, {"assigned_to", "members"}});
  std::vector<Diagnostic> found = of_rule(check(text), "too-many-kpis");
  BOOST_REQUIRE_EQUAL(found.size(), 20u);
  for (size_t i = 0; i < found.size(); ++i) {
    BOOST_TEST(found[i].message.rfind("p" + std::to_string(2 * i) + " has 3 KPIs", 0) == 0u,
               found[i].message);
  }
}

BOOST_AUTO_TEST_SUITE_END()
