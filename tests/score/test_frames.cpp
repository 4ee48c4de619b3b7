#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "kpi/score/steps.hpp"

using namespace score_fixtures;
using kpi::Basis;
using kpi::Direction;
using kpi::Status;
using kpi::score_steps::achievement;
using kpi::score_steps::grade;

namespace {

const kpi::StatusThresholds k_workspace{100, 80};

}  // namespace

BOOST_AUTO_TEST_SUITE(score_frames)

BOOST_AUTO_TEST_CASE(ratio_higher_is_evaluated_left_to_right) {
  BOOST_TEST(achievement(Basis::ratio, Direction::higher, 105, number(100), {}).value.value() ==
             105.0);
  // 100 x 1 / 3 = (100 x 1) / 3 = 33.333333333333336, not 100 x (1/3) = 33.33333333333333.
  BOOST_TEST(achievement(Basis::ratio, Direction::higher, 1, number(3), {}).value.value() ==
             33.333333333333336);
}

BOOST_AUTO_TEST_CASE(ratio_near_the_largest_double_does_not_overflow) {
  // 100 x 1e308 overflows; the quotient first gives the finite answer.
  BOOST_TEST(achievement(Basis::ratio, Direction::higher, 1e308, number(1e308), {}).value.value() ==
             100.0);
  BOOST_TEST(
      achievement(Basis::ratio, Direction::higher, 1.5e308, number(1e308), {}).value.value() ==
      150.0);
  BOOST_TEST(achievement(Basis::ratio, Direction::range, 1e308, range(1.5e308, 1.7e308), {})
                 .value.value() == 100 * (1e308 / 1.5e308));
  // Where 100 x A does not overflow, the left-to-right double is kept bit for bit.
  BOOST_TEST(achievement(Basis::ratio, Direction::higher, 1e306, number(3e306), {}).value.value() ==
             100 * 1e306 / 3e306);
  // Progress: A - B and T - B overflow as well.
  BOOST_TEST(achievement(Basis::progress, Direction::higher, 1e308, number(1.5e308), -1.5e308)
                 .value.value() == 100 * ((1e308 / 2 + 1.5e308 / 2) / (1.5e308 / 2 + 1.5e308 / 2)));
  BOOST_TEST(
      achievement(Basis::progress, Direction::higher, 1e308, number(1e308), 0.0).value.value() ==
      100.0);
}

BOOST_AUTO_TEST_CASE(ratio_lower_and_past_twice_its_target) {
  // 100 x (2 - 80/100) = 120.
  BOOST_TEST(achievement(Basis::ratio, Direction::lower, 80, number(100), {}).value.value() ==
             120.0);
  // 100 x (2 - 1/3) = 166.66666666666669 (200 - 100x1/3 would give ...666).
  BOOST_TEST(achievement(Basis::ratio, Direction::lower, 1, number(3), {}).value.value() ==
             166.66666666666669);
  // Actual 250 against 100: 100 x (2 - 2.5) = -50.
  double x = achievement(Basis::ratio, Direction::lower, 250, number(100), {}).value.value();
  BOOST_TEST(x == -50.0);
  // The lowest band (catch-all Failed, 0 points) and the linear frame's left end.
  kpi::score_steps::Grade g = grade(standard_frame(), k_workspace, x);
  BOOST_TEST(g.points.value() == 0.0);
  BOOST_TEST(g.score.value() == 0.0);
  BOOST_TEST(g.label.value() == "Failed");
  BOOST_TEST((g.status == Status::red));
  BOOST_TEST(grade(linear_frame(), k_workspace, x).points.value() == 0.0);
}

BOOST_AUTO_TEST_CASE(range_inside_below_and_above) {
  kpi::Target band = range(90, 110);
  BOOST_TEST(achievement(Basis::ratio, Direction::range, 100, band, {}).value.value() == 100.0);
  BOOST_TEST(achievement(Basis::ratio, Direction::range, 110, band, {}).value.value() == 100.0);
  // Below: 100 x 45 / 90 = 50.
  BOOST_TEST(achievement(Basis::ratio, Direction::range, 45, band, {}).value.value() == 50.0);
  // Above: 100 x (2 - 120/110) = 90.90909090909092.
  BOOST_TEST(achievement(Basis::ratio, Direction::range, 120, band, {}).value.value() ==
             90.90909090909092);
  auto low_zero = achievement(Basis::ratio, Direction::range, 5, range(0, 10), {});
  BOOST_TEST(!low_zero.value);
  BOOST_TEST(low_zero.reason == "the target's low bound is not positive under basis ratio");
}

BOOST_AUTO_TEST_CASE(ratio_with_a_target_not_positive_is_undefined) {
  auto zero = achievement(Basis::ratio, Direction::higher, 5, number(0), {});
  BOOST_TEST(!zero.value);
  BOOST_TEST(zero.reason == "the target is not positive under basis ratio");
  BOOST_TEST(!achievement(Basis::ratio, Direction::lower, 5, number(-3), {}).value);
}

BOOST_AUTO_TEST_CASE(progress_from_baseline_to_target) {
  // 100 x (150 - 100) / (200 - 100) = 50.
  BOOST_TEST(
      achievement(Basis::progress, Direction::higher, 150, number(200), 100.0).value.value() ==
      50.0);
  // 100 x (14 - 7) / (30 - 7) = 700 / 23 = 30.434782608695652 (not 100 x (7/23)).
  BOOST_TEST(achievement(Basis::progress, Direction::higher, 14, number(30), 7.0).value.value() ==
             30.434782608695652);
  // Going down: baseline 50, target 30, actual 40 -> 100 x (-10) / (-20) = 50.
  BOOST_TEST(achievement(Basis::progress, Direction::lower, 40, number(30), 50.0).value.value() ==
             50.0);
}

BOOST_AUTO_TEST_CASE(progress_with_target_equal_to_baseline_is_unscored) {
  auto same = achievement(Basis::progress, Direction::higher, 150, number(100), 100.0);
  BOOST_TEST(!same.value);
  BOOST_TEST(same.reason == "the target equals the baseline under basis progress");
  auto none = achievement(Basis::progress, Direction::higher, 150, number(100), std::nullopt);
  BOOST_TEST(!none.value);
  BOOST_TEST(none.reason == "no baseline under basis progress");
}

BOOST_AUTO_TEST_CASE(value_basis_and_no_target) {
  BOOST_TEST(achievement(Basis::value, Direction::higher, 4.5, number(5), {}).value.value() == 4.5);
  auto none = achievement(Basis::value, Direction::higher, 4.5, std::nullopt, {});
  BOOST_TEST(!none.value);
  BOOST_TEST(none.reason == "no target");
}

BOOST_AUTO_TEST_CASE(bands_first_match_min_inclusive_max_exclusive) {
  kpi::Frame f = standard_frame();
  auto g = grade(f, k_workspace, 105);
  BOOST_TEST(g.points.value() == 4.0);
  BOOST_TEST(g.score.value() == 80.0);  // 100 x 4 / 5
  BOOST_TEST(g.label.value() == "Achieved");
  BOOST_TEST((g.status == Status::green));
  BOOST_TEST(grade(f, k_workspace, 120).label.value() == "Outstanding");
  BOOST_TEST(grade(f, k_workspace, 119.99).label.value() == "Achieved");
  // A band with max: [0, 50) holds 49.9 but not 50.
  kpi::Band low;
  low.min = 0;
  low.max = 50;
  low.points = 2;
  f.bands.insert(f.bands.begin(), low);
  BOOST_TEST(grade(f, k_workspace, 49.9).points.value() == 2.0);
  BOOST_TEST(grade(f, k_workspace, 50).points.value() == 1.0);  // falls to Weak
}

BOOST_AUTO_TEST_CASE(linear_interpolates_and_clamps) {
  kpi::Frame f = linear_frame();
  // Between (50, 0) and (100, 100): 0 + (75 - 50) x (100 - 0) / (100 - 50) = 50.
  auto g = grade(f, k_workspace, 75);
  BOOST_TEST(g.points.value() == 50.0);
  BOOST_TEST(g.score.value() == 50.0);
  BOOST_TEST(!g.label);
  // Between (100, 100) and (120, 120): 100 + 10 x 20 / 20 = 110.
  BOOST_TEST(grade(f, k_workspace, 110).points.value() == 110.0);
  // Between (50, 0) and (100, 100) at 62.5: 0 + 12.5 x 100 / 50 = 25.
  BOOST_TEST(grade(f, k_workspace, 62.5).points.value() == 25.0);
  // Clamped at both ends.
  BOOST_TEST(grade(f, k_workspace, -20).points.value() == 0.0);
  BOOST_TEST(grade(f, k_workspace, 500).points.value() == 120.0);
  BOOST_TEST(grade(f, k_workspace, 500).score.value() == 120.0);
  // Scale 200: score = 100 x 50 / 200 = 25.
  f.scale = 200;
  BOOST_TEST(grade(f, k_workspace, 75).score.value() == 25.0);
}

BOOST_AUTO_TEST_CASE(status_band_then_frame_then_workspace) {
  kpi::Frame f = standard_frame();
  // Workspace thresholds {100, 80}: 95 -> amber, 79 -> red, 100 -> green.
  BOOST_TEST((grade(f, k_workspace, 95).status == Status::amber));
  BOOST_TEST((grade(f, k_workspace, 79).status == Status::red));
  BOOST_TEST((grade(f, k_workspace, 100).status == Status::green));
  // Frame thresholds {90, 70} replace the workspace's as a whole: 95 green, 75 amber.
  f.status = kpi::StatusThresholds{90, 70};
  BOOST_TEST((grade(f, k_workspace, 95).status == Status::green));
  BOOST_TEST((grade(f, k_workspace, 75).status == Status::amber));
  BOOST_TEST((grade(f, k_workspace, 69).status == Status::red));
  // A band's own status beats both: Achieved (>= 100) marked amber.
  f.bands[1].status = Status::amber;
  BOOST_TEST((grade(f, k_workspace, 105).status == Status::amber));
  BOOST_TEST((grade(f, k_workspace, 125).status == Status::green));  // Outstanding: thresholds
}

BOOST_AUTO_TEST_CASE(no_band_or_zero_scale_leaves_it_unscored) {
  kpi::Frame f = standard_frame();
  f.bands.pop_back();  // no catch-all (the validator refuses this)
  auto g = grade(f, k_workspace, 10);
  BOOST_TEST(!g.points);
  BOOST_TEST(!g.score);
  BOOST_TEST((g.status == Status::none));
  BOOST_TEST(g.reason == "no band of frame standard holds the achievement");
  kpi::Frame z = standard_frame();
  z.scale = 0;
  BOOST_TEST(!grade(z, k_workspace, 105).score);
}

BOOST_AUTO_TEST_SUITE_END()
