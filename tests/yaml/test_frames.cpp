// Score frames: bands, linear points, status thresholds.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using kpi::test::load;
using kpi::test::only;
using kpi::test::where;

BOOST_AUTO_TEST_SUITE(yaml_frames)

BOOST_AUTO_TEST_CASE(band_frame_is_read_in_order) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "frames:\n"
      "  - id: standard\n"
      "    basis: progress\n"
      "    method: bands\n"
      "    scale: 5\n"
      "    bands:\n"
      "      - {min: 120, points: 5, label: Outstanding, status: green}\n"
      "      - {min: 50, max: 80, points: 1}\n"
      "      - {points: 0, label: Failed, status: red}\n"
      "    status: {green: 95}\n");
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Frame& f = r.workspace.frames.at(0);
  BOOST_TEST(f.id == "standard");
  BOOST_TEST((f.basis == kpi::Basis::progress));
  BOOST_TEST((f.method == kpi::FrameMethod::bands));
  BOOST_TEST(f.scale == 5.0);
  BOOST_REQUIRE_EQUAL(f.bands.size(), 3u);
  BOOST_TEST(f.bands[0].min.value() == 120.0);
  BOOST_TEST(f.bands[0].points == 5.0);
  BOOST_TEST(f.bands[0].label.value() == "Outstanding");
  BOOST_TEST((f.bands[0].status.value() == kpi::Status::green));
  BOOST_TEST(f.bands[1].max.value() == 80.0);
  BOOST_TEST(!f.bands[1].label.has_value());
  BOOST_TEST(f.bands[2].is_catch_all());
  BOOST_TEST((f.bands[2].status.value() == kpi::Status::red));
  BOOST_TEST(f.bands[2].pos.mapping.line == 10);
  BOOST_TEST(f.bands[2].pos.mapping.column == 9);
  BOOST_TEST(f.status->green == 95.0);
  BOOST_TEST(f.status->amber == 80.0);
}

BOOST_AUTO_TEST_CASE(frame_defaults) {
  kpi::LoadResult r = load("version: 1\nframes:\n  - id: plain\n");
  const kpi::Frame& f = r.workspace.frames.at(0);
  BOOST_TEST((f.basis == kpi::Basis::ratio));
  BOOST_TEST((f.method == kpi::FrameMethod::bands));
  BOOST_TEST(f.scale == 100.0);
  BOOST_TEST(!f.status.has_value());
}

BOOST_AUTO_TEST_CASE(points_without_a_method_make_a_linear_frame) {
  kpi::LoadResult r = load("version: 1\nframes:\n  - id: lin\n    points: [[0, 0], [100, 100]]\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST((r.workspace.frames.at(0).method == kpi::FrameMethod::linear));
}

BOOST_AUTO_TEST_CASE(linear_points_keep_their_positions) {
  kpi::LoadResult r = load(
      "version: 1\n"
      "frames:\n"
      "  - id: linear-capped\n"
      "    method: linear\n"
      "    points: [[0, 0], [50, 0], [100, 100], [120, 120]]\n");
  BOOST_TEST(r.diagnostics.empty());
  const kpi::Frame& f = r.workspace.frames.at(0);
  BOOST_TEST((f.method == kpi::FrameMethod::linear));
  BOOST_REQUIRE_EQUAL(f.points.size(), 4u);
  BOOST_TEST(f.points[2].first == 100.0);
  BOOST_TEST(f.points[3].second == 120.0);
  BOOST_REQUIRE_EQUAL(f.point_positions.size(), 4u);
  BOOST_TEST(f.point_positions[0].line == 5);
  BOOST_TEST(f.point_positions[0].column == 14);
  BOOST_TEST(f.point_positions[1].column == 22);
}

BOOST_AUTO_TEST_CASE(point_that_is_not_a_pair) {
  kpi::Diagnostic d =
      only(load("version: 1\nframes:\n  - id: l\n    points: [[0, 0], [1, 2, 3]]\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:4:22");
  BOOST_TEST(d.message ==
             "each entry of 'points' must be a pair [x, y] of numbers, not a list of 3 values");
  kpi::Diagnostic y = only(load("version: 1\nframes:\n  - id: l\n    points: [[0, a]]\n"));
  BOOST_TEST(y.rule == "wrong-type");
  BOOST_TEST(where(y) == "kpi.yaml:4:18");
}

BOOST_AUTO_TEST_CASE(frame_findings) {
  kpi::Diagnostic method = only(load("version: 1\nframes:\n  - {id: f, method: steps}\n"));
  BOOST_TEST(method.rule == "bad-value");
  BOOST_TEST(where(method) == "kpi.yaml:3:21");
  BOOST_TEST(method.message == "'method' must be one of bands, linear, not 'steps'");
  kpi::Diagnostic status =
      only(load("version: 1\nframes:\n  - id: f\n    bands:\n      - {points: 0, status: blue}\n"));
  BOOST_TEST(status.rule == "bad-value");
  BOOST_TEST(status.message == "'status' must be one of green, amber, red, not 'blue'");
  kpi::Diagnostic band =
      only(load("version: 1\nframes:\n  - id: f\n    bands:\n      - {min: 1, label: x}\n"));
  BOOST_TEST(band.rule == "missing-field");
  BOOST_TEST(where(band) == "kpi.yaml:5:9");
  BOOST_TEST(band.message == "a band lacks the required key 'points'; add 'points: ...'");
  kpi::Diagnostic id = only(load("version: 1\nframes:\n  - basis: ratio\n"));
  BOOST_TEST(id.rule == "missing-field");
  BOOST_TEST(where(id) == "kpi.yaml:3:5");
}

BOOST_AUTO_TEST_SUITE_END()
