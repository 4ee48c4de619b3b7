// Score frames: bands, linear points and a frame's own status thresholds.

#include "kpi/util/quote.hpp"
#include "kpi/yaml/readers.hpp"

namespace kpi::yaml {

namespace {

template <typename T>
void read_frame_number(NodeReader& reader, const MapReader& map, const std::string& key, T& into) {
  with(map, key, [&](const Node& value, const SourceLocation& at) {
    if (auto number = reader.number(value, "'" + key + "'", at)) {
      into = *number;
    }
  });
}

Band read_band(NodeReader& reader, const Node& node) {
  Band band;
  MapReader map(reader, node, "a band", keys_of("band"), reader.location(node));
  read_frame_number(reader, map, "min", band.min);
  read_frame_number(reader, map, "max", band.max);
  read_frame_number(reader, map, "points", band.points);
  with(map, "label", [&](const Node& value, const SourceLocation& at) {
    band.label = reader.string(value, "'label'", at);
  });
  with(map, "status", [&](const Node& value, const SourceLocation& at) {
    if (auto index = reader.choice(value, "'status'", at, choices_of("band", "status"))) {
      band.status = static_cast<Status>(*index);
    }
  });
  map.require("points", "a band");
  band.pos = map.positions();
  return band;
}

/// One `[x, y]` entry of a linear frame's `points`.
void read_point(NodeReader& reader, const Node& node, Frame& frame) {
  SourceLocation at = reader.location(node);
  if (!node.IsSequence() || node.size() != 2) {
    std::string found = node.IsSequence() ? "a list of " + std::to_string(node.size()) + " values"
                                          : std::string(describe(node));
    reader.report("wrong-type", at,
                  "each entry of 'points' must be a pair [x, y] of numbers, not " + found);
    return;
  }
  std::optional<double> x = reader.number(node[0], "x in 'points'", reader.location(node[0]));
  std::optional<double> y = reader.number(node[1], "y in 'points'", reader.location(node[1]));
  if (x && y) {
    frame.points.emplace_back(*x, *y);
    frame.point_positions.push_back(at);
  }
}

}  // namespace

Frame read_frame(NodeReader& reader, const Node& node) {
  Frame frame;
  MapReader map(reader, node, "a frame", keys_of("frame"), reader.location(node));
  with(map, "id", [&](const Node& value, const SourceLocation& at) {
    frame.id = reader.id(value, "'id'", at).value_or("");
  });
  with(map, "basis", [&](const Node& value, const SourceLocation& at) {
    if (auto index = reader.choice(value, "'basis'", at, choices_of("frame", "basis"))) {
      frame.basis = static_cast<Basis>(*index);
    }
  });
  with(map, "method", [&](const Node& value, const SourceLocation& at) {
    if (auto index = reader.choice(value, "'method'", at, choices_of("frame", "method"))) {
      frame.method = static_cast<FrameMethod>(*index);
    }
  });
  read_frame_number(reader, map, "scale", frame.scale);
  with(map, "bands", [&](const Node& value, const SourceLocation& at) {
    for (const Node& item : reader.sequence(value, "'bands'", at)) {
      frame.bands.push_back(read_band(reader, item));
    }
  });
  with(map, "points", [&](const Node& value, const SourceLocation& at) {
    for (const Node& item : reader.sequence(value, "'points'", at)) {
      read_point(reader, item, frame);
    }
  });
  with(map, "status", [&](const Node& value, const SourceLocation& at) {
    frame.status = read_status(reader, value, at, "a frame's 'status'");
  });
  // Without a written method, the frame is what its keys say: points make it linear.
  if (!map.has("method") && map.has("points") && !map.has("bands")) {
    frame.method = FrameMethod::linear;
  }
  map.require("id", frame.id.empty() ? "a frame" : "frame " + quote(frame.id));
  frame.pos = map.positions();
  return frame;
}

}  // namespace kpi::yaml
