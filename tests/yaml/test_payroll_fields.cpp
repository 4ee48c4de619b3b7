#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::test;

BOOST_AUTO_TEST_SUITE(yaml_payroll_fields)

BOOST_AUTO_TEST_CASE(settings_defaults) {
  const LoadResult r = load("version: 1\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST(r.workspace.settings.precision.value() == 2);
  BOOST_TEST((r.workspace.settings.reward_incomplete == RewardIncomplete::withhold));
  BOOST_TEST(r.workspace.settings.prorate_bonus);
  BOOST_TEST((r.workspace.settings.missing == MissingPolicy::skip));
}

BOOST_AUTO_TEST_CASE(settings_read) {
  const LoadResult r = load(
      "version: 1\nsettings:\n  missing: error\n  precision: none\n"
      "  reward_incomplete: pay\n  prorate_bonus: false\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST(!r.workspace.settings.precision);
  BOOST_TEST((r.workspace.settings.missing == MissingPolicy::error));
  BOOST_TEST((r.workspace.settings.reward_incomplete == RewardIncomplete::pay));
  BOOST_TEST(!r.workspace.settings.prorate_bonus);
  BOOST_TEST(load("version: 1\nsettings: {precision: 0}\n").workspace.settings.precision.value() ==
             0);
}

BOOST_AUTO_TEST_CASE(bad_settings_point_at_the_value) {
  const Diagnostic big = only(load("version: 1\nsettings:\n  precision: 10\n"));
  BOOST_TEST(big.rule == "bad-value");
  BOOST_TEST(where(big) == "kpi.yaml:3:14");
  BOOST_TEST(big.message == "'precision' must be a whole number from 0 to 9 or 'none', not 10");
  const Diagnostic half = only(load("version: 1\nsettings:\n  precision: 1.5\n"));
  BOOST_TEST(half.rule == "wrong-type");
  const Diagnostic missing = only(load("version: 1\nsettings:\n  missing: fail\n"));
  BOOST_TEST(missing.rule == "bad-value");
  BOOST_TEST(where(missing) == "kpi.yaml:3:12");
  BOOST_TEST(only(load("version: 1\nsettings: {reward_incomplete: keep}\n")).rule == "bad-value");
  BOOST_TEST(only(load("version: 1\nsettings: {prorate_bonus: maybe}\n")).rule == "bad-value");
}

BOOST_AUTO_TEST_CASE(joined_and_left) {
  const LoadResult r = load(
      "version: 1\npeople:\n  - id: dana\n    name: D\n    member_of: sales\n"
      "    joined: 2026-10-16\n    left: 2026-11-15\n");
  BOOST_TEST(r.diagnostics.empty());
  const Person& dana = r.workspace.people.at(0);
  BOOST_TEST(format_date(dana.joined.value()) == "2026-10-16");
  BOOST_TEST(format_date(dana.left.value()) == "2026-11-15");
  BOOST_TEST(dana.pos.at("left").line == 7);
  const Diagnostic bad =
      only(load("version: 1\npeople:\n  - id: dana\n    name: D\n    member_of: sales\n"
                "    joined: 2026-02-30\n"));
  BOOST_TEST(bad.rule == "bad-value");
  BOOST_TEST(where(bad) == "kpi.yaml:6:13");
  BOOST_TEST(bad.message == "'joined' must be a real day written YYYY-MM-DD, not '2026-02-30'");
}

BOOST_AUTO_TEST_CASE(kpi_missing_and_rollup_of) {
  const LoadResult r = load(k_kpi_head + "    missing: zero\n    rollup_of: sales.deals\n");
  BOOST_TEST(r.diagnostics.empty());
  const Kpi& k = r.workspace.kpis.at(0);
  BOOST_TEST((k.missing.value() == MissingPolicy::zero));
  BOOST_TEST(k.rollup_of == "sales.deals");
  BOOST_TEST(k.pos.at("rollup_of").line == 9);
  BOOST_TEST(!load(k_kpi_head).workspace.kpis.at(0).missing);
  const Diagnostic bad = only(load(k_kpi_head + "    missing: none\n"));
  BOOST_TEST(bad.rule == "bad-value");
  BOOST_TEST(where(bad) == "kpi.yaml:8:14");
}

BOOST_AUTO_TEST_SUITE_END()
