#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using namespace kpi;
using namespace kpi::vtest;

BOOST_AUTO_TEST_SUITE(validate_frames_targets)

namespace {

/// A workspace with only `frames` (from line 4), so that frame findings stand alone.
std::string frames(const std::string& list) { return "version: 1\nname: T\nframes:\n" + list; }

/// The base with its frame `standard` given `basis` (line 5 becomes `basis: ...`, the
/// rest moves down a line: `kpis:` on 17, the first KPI on 18).
std::string with_basis(const std::string& basis) {
  std::string text = k_base;
  text.insert(text.find("    scale: 5\n"), "    basis: " + basis + "\n");
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(bands_without_a_final_catch_all) {
  Diagnostic d = one(check(frames("  - id: f\n    scale: 5\n    bands:\n"
                                  "      - {min: 100, points: 5}\n"
                                  "      - {min: 0, points: 1}\n")),
                     "frame-catch-all");
  BOOST_TEST(at(d) == "8:9");
  BOOST_TEST(d.message ==
             "frame f does not end with a catch-all band; add a last band without min and max, "
             "e.g. {points: 0}");
}

BOOST_AUTO_TEST_CASE(a_catch_all_before_the_end) {
  Diagnostic d = one(check(frames("  - id: f\n    scale: 5\n    bands:\n"
                                  "      - {points: 5}\n"
                                  "      - {points: 0}\n")),
                     "frame-catch-all");
  BOOST_TEST(at(d) == "7:9");
}

BOOST_AUTO_TEST_CASE(bands_ending_with_a_catch_all_pass) {
  BOOST_TEST(of_rule(check(k_base), "frame-catch-all").empty());
}

BOOST_AUTO_TEST_CASE(linear_points_must_increase) {
  Diagnostic d = one(check(frames("  - id: f\n    method: linear\n"
                                  "    points: [[0, 0], [100, 100], [100, 120]]\n")),
                     "frame-points");
  // The third point's [ is at column 34 of line 6.
  BOOST_TEST(at(d) == "6:34");
  BOOST_TEST(d.message ==
             "x 100 of point 3 in frame f is not above the previous x 100; make x strictly "
             "increasing");
}

BOOST_AUTO_TEST_CASE(increasing_linear_points_pass) {
  BOOST_TEST(of_rule(check(frames("  - id: f\n    method: linear\n"
                                  "    points: [[0, 0], [100, 100], [120, 120]]\n")),
                     "frame-points")
                 .empty());
}

BOOST_AUTO_TEST_CASE(highest_points_below_half_the_scale) {
  // Scale 100 by default, best band 5 points.
  Diagnostic d = one(check(frames("  - id: f\n    bands:\n      - {min: 100, points: 5}\n"
                                  "      - {points: 0}\n")),
                     "frame-scale");
  BOOST_TEST(at(d) == "4:5");
  BOOST_TEST(d.message ==
             "the highest points of frame f (5) are less than half its scale 100, so nobody "
             "reaches a full score; set scale: 5 or raise the points");
}

BOOST_AUTO_TEST_CASE(highest_points_at_half_the_scale_pass) {
  BOOST_TEST(of_rule(check(frames("  - id: f\n    scale: 10\n    bands:\n"
                                  "      - {min: 100, points: 5}\n      - {points: 0}\n")),
                     "frame-scale")
                 .empty());
}

BOOST_AUTO_TEST_CASE(range_target_with_low_above_high) {
  std::string text =
      k_base + "kpis:\n" + block("k.a", {{"target", "[90, 80]"}, {"direction", "range"}});
  Diagnostic d = one(check(text), "range-target");
  BOOST_TEST(at(d) == "24:13");
  BOOST_TEST(d.message == "range target of k.a has low 90 above high 80; write it as [low, high]");
}

BOOST_AUTO_TEST_CASE(range_target_and_direction_must_go_together) {
  std::string text = k_base + "kpis:\n" + block("k.a", {{"target", "[80, 90]"}}) +
                     block("k.b", {{"direction", "range"}});
  std::vector<Diagnostic> found = of_rule(check(text), "range-target");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(at(found[0]) == "24:13");
  BOOST_TEST(found[0].message ==
             "k.a has a range target but direction higher; set direction: range or give a single "
             "number");
  BOOST_TEST(at(found[1]) == "33:13");
}

BOOST_AUTO_TEST_CASE(a_proper_range_target_passes) {
  std::string text =
      k_base + "kpis:\n" + block("k.a", {{"target", "[80, 90]"}, {"direction", "range"}});
  BOOST_TEST(of_rule(check(text), "range-target").empty());
}

BOOST_AUTO_TEST_CASE(non_positive_targets_under_basis_ratio) {
  std::string text =
      k_base + "kpis:\n" +
      block("k.a", {{"target", "0"}, {"overrides", "[{entity: company, target: -5}]"}});
  std::vector<Diagnostic> found = of_rule(check(text), "target-not-positive");
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(at(found[0]) == "24:13");
  BOOST_TEST(found[0].message ==
             "target 0 of k.a is not positive, so its achievement under basis ratio is "
             "undefined; use a target above 0 or a frame with basis progress or value");
  // "    overrides: [{entity: company, target: -5}]": -5 starts at column 43.
  BOOST_TEST(at(found[1]) == "26:43");
  BOOST_TEST((found[1].severity == Severity::error));
}

BOOST_AUTO_TEST_CASE(non_positive_targets_pass_under_basis_value) {
  std::string text = with_basis("value") + "kpis:\n" + block("k.a", {{"target", "0"}});
  BOOST_TEST(of_rule(check(text), "target-not-positive").empty());
}

BOOST_AUTO_TEST_CASE(baseline_equal_to_target_under_basis_progress) {
  std::string text = with_basis("progress") + "kpis:\n" + block("k.a", {{"baseline", "100"}});
  Diagnostic d = one(check(text), "baseline-equals-target");
  // k.a starts on line 18; baseline comes after type, on line 27.
  BOOST_TEST(at(d) == "27:15");
  BOOST_TEST(d.message ==
             "baseline and target of k.a are both 100, so its achievement under basis progress "
             "is undefined; change one of them");
}

BOOST_AUTO_TEST_CASE(baseline_apart_from_target_passes) {
  std::string text = with_basis("progress") + "kpis:\n" + block("k.a", {{"baseline", "80"}});
  BOOST_TEST(of_rule(check(text), "baseline-equals-target").empty());
  // Under basis ratio an equal baseline is harmless.
  BOOST_TEST(of_rule(check(k_base + "kpis:\n" + block("k.a", {{"baseline", "100"}})),
                     "baseline-equals-target")
                 .empty());
}

BOOST_AUTO_TEST_SUITE_END()
