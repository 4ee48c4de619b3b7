// The next band and the actual it needs, the next tier and the total it needs, the
// achievement formula with its numbers: hand-worked examples.

#include <boost/test/unit_test.hpp>
#include <cmath>

#include "../score/fixtures.hpp"
#include "kpi/explain/next_step.hpp"

namespace {

using namespace score_fixtures;
using kpi::explain_steps::achievement_formula;
using kpi::explain_steps::next_band;
using kpi::explain_steps::next_tier;

kpi::KpiScore scored(double actual, double target, double achievement, double points) {
  kpi::KpiScore s;
  s.id = "k";
  s.actual = actual;
  s.target = number(target);
  s.achievement = achievement;
  s.points = points;
  s.score = 100 * points / 5;
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(explain_next_step)

BOOST_AUTO_TEST_CASE(ratio_higher_needs_min_times_target) {
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::sum, 14);
  // 13 of 14: 92.857... (Acceptable, 3); Achieved from 100 needs 14.
  const auto nb = next_band(k, standard_frame(), scored(13, 14, 100.0 * 13 / 14, 3));
  BOOST_TEST_REQUIRE(nb.has_value());
  BOOST_TEST(*nb->label == "Achieved");
  BOOST_TEST(nb->points == 4.0);
  BOOST_TEST(nb->min == 100.0);
  BOOST_TEST(nb->actual_needed == 14.0);
}

BOOST_AUTO_TEST_CASE(the_first_actual_that_reaches_the_band) {
  // Target 483870967.7419355 (a prorated 1e9): 120 x T / 100 rounds; the actual named is
  // the least double whose achievement is 120 or more.
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::sum, std::nullopt);
  const double t = 1e9 * (15.0 / 31.0);
  const double a = 5e8;
  const auto nb = next_band(k, standard_frame(), scored(a, t, 100 * a / t, 4));
  BOOST_TEST_REQUIRE(nb.has_value());
  BOOST_TEST(*nb->label == "Outstanding");
  BOOST_TEST(100 * nb->actual_needed / t >= 120.0);
  const double below = std::nextafter(nb->actual_needed, 0.0);
  BOOST_TEST(100 * below / t < 120.0);
}

BOOST_AUTO_TEST_CASE(lower_is_better_needs_less) {
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::sum, 2);
  k.direction = kpi::Direction::lower;
  // 2 complaints of 2: 100 (Achieved, 4); Outstanding from 120: 100 x (2 - A / 2) >= 120
  // holds for A <= 1.6: the largest such double.
  const auto nb = next_band(k, standard_frame(), scored(2, 2, 100, 4));
  BOOST_TEST_REQUIRE(nb.has_value());
  BOOST_TEST(*nb->label == "Outstanding");
  const double a = nb->actual_needed;
  BOOST_TEST(100 * (2 - a / 2) >= 120.0);
  BOOST_TEST(100 * (2 - std::nextafter(a, 9.0) / 2) < 120.0);
  BOOST_TEST(std::fabs(a - 1.6) < 1e-12);
}

BOOST_AUTO_TEST_CASE(a_count_needs_whole_rows) {
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::count, 7);
  // 5 of 7: 71.4 (Weak, 1); Acceptable from 80 needs 5.6, so 6 rows.
  const auto nb = next_band(k, standard_frame(), scored(5, 7, 100.0 * 5 / 7, 1));
  BOOST_TEST_REQUIRE(nb.has_value());
  BOOST_TEST(*nb->label == "Acceptable");
  BOOST_TEST(nb->actual_needed == 6.0);
}

BOOST_AUTO_TEST_CASE(progress_from_the_baseline) {
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::sum, 200);
  kpi::Frame f = standard_frame();
  f.basis = kpi::Basis::progress;
  kpi::KpiScore s = scored(150, 200, 50, 1);  // B 100: 100 x (150 - 100) / (200 - 100) = 50
  s.baseline = 100;
  BOOST_TEST(achievement_formula(f.basis, k.direction, s) ==
             "100 x (A - B) / (T - B) = 100 x (150 - 100) / (200 - 100) = 50");
  const auto nb = next_band(k, f, s);  // Acceptable from 80: 100 + 80 x 100 / 100 = 180
  BOOST_TEST_REQUIRE(nb.has_value());
  BOOST_TEST(*nb->label == "Acceptable");
  BOOST_TEST(nb->actual_needed == 180.0);
}

BOOST_AUTO_TEST_CASE(none_above_the_top_band_nor_for_a_linear_frame) {
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::sum, 10);
  BOOST_TEST(!next_band(k, standard_frame(), scored(13, 10, 130, 5)).has_value());
  BOOST_TEST(!next_band(k, linear_frame(), scored(9, 10, 90, 80)).has_value());
  kpi::KpiScore unscored = scored(9, 10, 90, 3);
  unscored.points.reset();
  BOOST_TEST(!next_band(k, standard_frame(), unscored).has_value());
}

BOOST_AUTO_TEST_CASE(a_range_target_tops_out_at_100) {
  kpi::Kpi k = make_kpi("k", kpi::SlotKind::monthly, kpi::Aggregate::mean, std::nullopt);
  k.direction = kpi::Direction::range;
  kpi::KpiScore s = scored(30, 0, 75, 1);  // below [40, 60]: 100 x 30 / 40 = 75
  s.target = range(40, 60);
  BOOST_TEST(achievement_formula(kpi::Basis::ratio, k.direction, s) ==
             "100 x A / L = 100 x 30 / 40 = 75");
  const auto nb = next_band(k, standard_frame(), s);  // Acceptable from 80: 32
  BOOST_TEST_REQUIRE(nb.has_value());
  BOOST_TEST(nb->actual_needed == 32.0);
  kpi::KpiScore inside = s;
  inside.actual = 50;
  inside.achievement = 100;
  inside.points = 4;
  BOOST_TEST(!next_band(k, standard_frame(), inside).has_value());  // 120 is out of reach
}

BOOST_AUTO_TEST_CASE(formulas_with_their_numbers) {
  kpi::KpiScore s = scored(8, 10, 120, 5);
  BOOST_TEST(achievement_formula(kpi::Basis::ratio, kpi::Direction::lower, s) ==
             "100 x (2 - A / T) = 100 x (2 - 8 / 10) = 120");
  BOOST_TEST(achievement_formula(kpi::Basis::ratio, kpi::Direction::higher, s) ==
             "100 x A / T = 100 x 8 / 10 = 120");
  BOOST_TEST(achievement_formula(kpi::Basis::value, kpi::Direction::higher, s) == "A = 120");
}

BOOST_AUTO_TEST_CASE(the_next_tier_and_how_far) {
  kpi::Workspace ws;
  auto tier = [](std::optional<double> min, std::string label) {
    kpi::RewardTier t;
    t.min = min;
    t.label = std::move(label);
    return t;
  };
  ws.rewards = {tier(95, "A"), tier(80, "B"), tier(60, "C"), tier(std::nullopt, "D")};
  const auto next = next_tier(ws, 68.0);
  BOOST_TEST_REQUIRE(next.has_value());
  BOOST_TEST(next->label == "B");
  BOOST_TEST(next->min == 80.0);
  BOOST_TEST(next->total_needed == 12.0);
  BOOST_TEST(next_tier(ws, 40.0)->label == "C");
  BOOST_TEST(!next_tier(ws, 97.5).has_value());
  BOOST_TEST(!next_tier(ws, std::nullopt).has_value());
  // Tiers out of order: 90 comes after 80 and is never reached.
  ws.rewards = {tier(80, "B"), tier(90, "A"), tier(std::nullopt, "D")};
  BOOST_TEST(next_tier(ws, 70.0)->label == "B");
  BOOST_TEST(!next_tier(ws, 85.0).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
