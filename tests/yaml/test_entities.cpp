// Units, people, reward tiers and settings.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using kpi::test::load;
using kpi::test::only;
using kpi::test::where;

BOOST_AUTO_TEST_SUITE(yaml_entities)

BOOST_AUTO_TEST_CASE(units_and_people_with_positions) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "units:\n"
      "  - id: company\n"
      "    name: ACME Corp\n"
      "  - id: sales\n"
      "    name: Sales Department\n"
      "    parent: company\n"
      "    manager: alice\n"
      "people:\n"
      "  - id: alice\n"
      "    name: Alice Nguyễn\n"
      "    member_of: sales\n"
      "    position: Sales Team Leader\n"
      "    bonus_base: 12000000\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_REQUIRE_EQUAL(r.workspace.units.size(), 2u);
  const kpi::Unit& sales = r.workspace.units[1];
  BOOST_TEST(sales.id == "sales");
  BOOST_TEST(sales.name == "Sales Department");
  BOOST_TEST(sales.parent == "company");
  BOOST_TEST(sales.manager == "alice");
  BOOST_TEST(r.workspace.units[0].parent == "");
  BOOST_TEST(sales.pos.mapping.line == 5);
  BOOST_TEST(sales.pos.at("parent").line == 7);
  BOOST_TEST(sales.pos.at("parent").column == 13);
  const kpi::Person& alice = r.workspace.people.at(0);
  BOOST_TEST(alice.name == "Alice Nguyễn");
  BOOST_TEST(alice.member_of == "sales");
  BOOST_TEST(alice.position == "Sales Team Leader");
  BOOST_TEST(alice.bonus_base.value() == 12000000.0);
  BOOST_TEST(alice.pos.at("member_of").line == 12);
  BOOST_TEST(alice.pos.at("member_of").column == 16);
}

BOOST_AUTO_TEST_CASE(person_needs_id_and_member_of) {
  kpi::LoadResult r = load("version: 1\npeople:\n  - name: Bob\n    position: Clerk\n");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 2u);
  BOOST_TEST(r.diagnostics[0].rule == "missing-field");
  BOOST_TEST(where(r.diagnostics[0]) == "kpi.yaml:3:5");
  BOOST_TEST(r.diagnostics[0].message == "a person lacks the required key 'id'; add 'id: ...'");
  BOOST_TEST(where(r.diagnostics[1]) == "kpi.yaml:3:5");
  BOOST_TEST(r.diagnostics[1].message ==
             "a person lacks the required key 'member_of'; add 'member_of: ...'");
}

BOOST_AUTO_TEST_CASE(unit_needs_an_id_and_a_valid_one) {
  kpi::Diagnostic missing = only(load("version: 1\nunits:\n  - name: Sales\n"));
  BOOST_TEST(missing.rule == "missing-field");
  BOOST_TEST(where(missing) == "kpi.yaml:3:5");
  kpi::Diagnostic bad = only(load("version: 1\nunits:\n  - id: _sales\n"));
  BOOST_TEST(bad.rule == "bad-id");
  BOOST_TEST(where(bad) == "kpi.yaml:3:9");
  kpi::Diagnostic person = only(load("version: 1\npeople:\n  - {id: Alice, member_of: s}\n"));
  BOOST_TEST(person.rule == "bad-id");
  BOOST_TEST(where(person) == "kpi.yaml:3:10");
}

BOOST_AUTO_TEST_CASE(reward_tiers_with_catch_all) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "rewards:\n"
      "  - {min: 95, label: A, multiplier: 1.5}\n"
      "  - {label: D, multiplier: 0}\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_REQUIRE_EQUAL(r.workspace.rewards.size(), 2u);
  BOOST_TEST(r.workspace.rewards[0].min.value() == 95.0);
  BOOST_TEST(r.workspace.rewards[0].label == "A");
  BOOST_TEST(r.workspace.rewards[0].multiplier == 1.5);
  BOOST_TEST(!r.workspace.rewards[1].min.has_value());
  BOOST_TEST(r.workspace.rewards[1].pos.at("multiplier").column == 28);
}

BOOST_AUTO_TEST_CASE(reward_tier_needs_label_and_multiplier) {
  kpi::LoadResult r = load("version: 1\nrewards:\n  - {min: 95}\n");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 2u);
  BOOST_TEST(r.diagnostics[0].message ==
             "a reward tier lacks the required key 'label'; add 'label: ...'");
  BOOST_TEST(where(r.diagnostics[1]) == "kpi.yaml:3:5");
  BOOST_TEST(r.diagnostics[1].message ==
             "a reward tier lacks the required key 'multiplier'; add 'multiplier: ...'");
}

BOOST_AUTO_TEST_CASE(settings_are_read_and_default_otherwise) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "settings:\n"
      "  max_kpis_per_entity: 5\n"
      "  max_stretch: 30\n"
      "  missing: zero\n"
      "  status: {green: 90, amber: 70}\n"
      "  default_frame: linear-capped\n");
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Settings& s = r.workspace.settings;
  BOOST_TEST(s.max_kpis_per_entity == 5);
  BOOST_TEST(s.max_stretch == 30.0);
  BOOST_TEST((s.missing == kpi::MissingPolicy::zero));
  BOOST_TEST(s.status.green == 90.0);
  BOOST_TEST(s.status.amber == 70.0);
  BOOST_TEST(s.default_frame == "linear-capped");
  BOOST_TEST(s.pos.at("missing").line == 5);
  BOOST_TEST(s.pos.at("missing").column == 12);

  kpi::LoadResult d = load("version: 1\n");
  BOOST_TEST(d.workspace.settings.max_kpis_per_entity == 7);
  BOOST_TEST(d.workspace.settings.max_stretch == 50.0);
  BOOST_TEST((d.workspace.settings.missing == kpi::MissingPolicy::skip));
  BOOST_TEST(d.workspace.settings.status.green == 100.0);
  BOOST_TEST(d.workspace.settings.status.amber == 80.0);
  BOOST_TEST(d.workspace.settings.default_frame == "");
}

BOOST_AUTO_TEST_CASE(settings_findings) {
  kpi::Diagnostic missing = only(load("version: 1\nsettings:\n  missing: drop\n"));
  BOOST_TEST(missing.rule == "bad-value");
  BOOST_TEST(where(missing) == "kpi.yaml:3:12");
  BOOST_TEST(missing.message == "'missing' must be one of skip, zero, error, not 'drop'");
  kpi::Diagnostic status = only(load("version: 1\nsettings:\n  status: {green: 90, red: 10}\n"));
  BOOST_TEST(status.rule == "unknown-key");
  BOOST_TEST(where(status) == "kpi.yaml:3:23");
  BOOST_TEST(status.message == "unknown key 'red' in 'status'");
  kpi::Diagnostic zero = only(load("version: 1\nsettings: {max_kpis_per_entity: 0}\n"));
  BOOST_TEST(zero.rule == "bad-value");
  BOOST_TEST(where(zero) == "kpi.yaml:2:33");
  BOOST_TEST(zero.message == "'max_kpis_per_entity' must be at least 1, not 0");
  kpi::Diagnostic key = only(load("version: 1\nsettings:\n  max_strech: 10\n"));
  BOOST_TEST(key.message == "unknown key 'max_strech' in settings");
  BOOST_TEST(key.hint == "did you mean 'max_stretch'?");
}

BOOST_AUTO_TEST_SUITE_END()
