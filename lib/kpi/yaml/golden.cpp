// Test files of `kpi test` (kpi-test(1)): read with the loader's own readers, so that a
// mistyped key or value is reported at its position as in any definition file.

#include "kpi/yaml/golden.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>

#include "kpi/yaml/loading.hpp"
#include "kpi/yaml/node_reader.hpp"
#include "kpi/yaml/tree.hpp"

namespace kpi {

namespace {

using yaml::MapReader;
using yaml::Node;
using yaml::NodeReader;

const std::vector<std::string>& kpi_fields() {
  static const std::vector<std::string> k_fields = {"actual", "target", "baseline", "achievement",
                                                    "points", "score",  "weight",   "status",
                                                    "label",  "rows",   "missing"};
  return k_fields;
}

const std::vector<std::string>& entity_fields() {
  static const std::vector<std::string> k_fields = {
      "total", "coverage", "members_mean", "reward", "multiplier", "amount", "withheld"};
  return k_fields;
}

bool is_one_of(const std::string& key, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

ExpectedValue read_value(NodeReader& reader, const std::string& field, const Node& node,
                         const SourceLocation& at) {
  ExpectedValue v;
  v.field = field;
  v.where = at;
  if (node.IsNull()) {
    return v;  // null: the number must be absent
  }
  if (node.IsSequence()) {
    if (node.size() == 2 && node[0].IsPlain() && node[1].IsPlain() &&
        yaml::parse_decimal(node[0].Scalar()) && yaml::parse_decimal(node[1].Scalar())) {
      v.kind = ExpectedValue::Kind::range;
      v.number = *yaml::parse_decimal(node[0].Scalar());
      v.high = *yaml::parse_decimal(node[1].Scalar());
      v.text = "[" + node[0].Scalar() + ", " + node[1].Scalar() + "]";
      return v;
    }
    reader.report("bad-value", at, "'" + field + "' must be a value or [low, high]");
    return v;
  }
  if (!node.IsScalar()) {
    reader.report("wrong-type", at,
                  "'" + field + "' must be a value, not " + std::string(yaml::describe(node)));
    return v;
  }
  v.text = node.Scalar();
  if (node.IsPlain()) {
    if (const std::optional<double> number = yaml::parse_decimal(v.text)) {
      v.kind = ExpectedValue::Kind::number;
      v.number = *number;
      return v;
    }
    if (v.text == "true" || v.text == "false") {
      v.kind = ExpectedValue::Kind::flag;
      v.flag = v.text == "true";
      return v;
    }
  }
  v.kind = ExpectedValue::Kind::text;
  return v;
}

Expectation read_expectation(NodeReader& reader, const Node& node, const SourceLocation& at) {
  std::vector<std::string> keys = {"entity", "kpi"};
  keys.insert(keys.end(), kpi_fields().begin(), kpi_fields().end());
  keys.insert(keys.end(), entity_fields().begin(), entity_fields().end());
  MapReader map(reader, node, "an expectation", keys, at);
  Expectation e;
  e.where = at;
  if (!map.is_map()) {
    return e;
  }
  if (map.require("entity", "an expectation")) {
    e.entity = reader.string(map.get("entity"), "'entity'", map.at("entity")).value_or("");
    e.entity_at = map.at("entity");
  }
  yaml::with(map, "kpi", [&](const Node& value, const SourceLocation& where) {
    e.kpi = reader.string(value, "'kpi'", where);
    e.kpi_at = where;
  });
  bool named_a_field = false;
  for (const std::string& key : map.order()) {
    if (key == "entity" || key == "kpi") {
      continue;
    }
    named_a_field = true;
    if (e.kpi && is_one_of(key, entity_fields())) {
      reader.report("bad-expectation", map.positions().key_at(key),
                    "'" + key +
                        "' is a number of the entity, not of a KPI; expect it in an "
                        "entry without 'kpi'");
      continue;
    }
    if (!e.kpi && is_one_of(key, kpi_fields())) {
      reader.report("bad-expectation", map.positions().key_at(key),
                    "'" + key + "' is a number of a KPI; add 'kpi: <id>' to this entry");
      continue;
    }
    e.values.push_back(read_value(reader, key, map.get(key), map.at(key)));
  }
  if (!named_a_field && !e.entity.empty()) {
    reader.report("bad-expectation", at, "the expectation names no number to check");
  }
  return e;
}

/// Where the first line of a block scalar's text stands, and its indentation.
void place_block(std::string_view text, GoldenTest& t, char indicator) {
  if (indicator != '|' && indicator != '>') {
    return;  // a quoted or plain scalar: its first line is the key's
  }
  size_t pos = 0;
  for (int64_t line = 1; line < t.measurements_at.line + 1 && pos != std::string::npos; ++line) {
    pos = text.find('\n', pos);
    pos = pos == std::string::npos ? pos : pos + 1;
  }
  t.measurements_at.line += 1;
  if (pos == std::string::npos) {
    return;
  }
  int64_t indent = 0;
  while (pos + static_cast<size_t>(indent) < text.size() &&
         text[pos + static_cast<size_t>(indent)] == ' ') {
    ++indent;
  }
  t.measurements_indent = indent;
}

GoldenTest read_test(NodeReader& reader, std::string_view text, const Node& node,
                     const SourceLocation& at) {
  MapReader map(reader, node, "a test",
                {"name", "period", "as_of", "measurements", "data", "tolerance", "expect"}, at);
  GoldenTest t;
  t.where = at;
  if (!map.is_map()) {
    return t;
  }
  if (map.require("name", "a test")) {
    t.name = reader.string(map.get("name"), "'name'", map.at("name")).value_or("");
  }
  if (map.require("period", "a test")) {
    t.period = reader.string(map.get("period"), "'period'", map.at("period")).value_or("");
    t.period_at = map.at("period");
  }
  yaml::with(map, "as_of", [&](const Node& value, const SourceLocation& where) {
    t.as_of = reader.string(value, "'as_of'", where).value_or("");
    t.as_of_at = where;
  });
  yaml::with(map, "measurements", [&](const Node& value, const SourceLocation& where) {
    t.measurements = reader.string(value, "'measurements'", where);
    t.measurements_at = where;
    place_block(text, t, reader.first_char(value));
  });
  yaml::with(map, "data", [&](const Node& value, const SourceLocation& where) {
    t.data = reader.string_list(value, "'data'", where);
  });
  yaml::with(map, "tolerance", [&](const Node& value, const SourceLocation& where) {
    if (const std::optional<double> tol = reader.number(value, "'tolerance'", where)) {
      if (*tol < 0) {
        reader.report("bad-value", where, "'tolerance' must be 0 or more");
      } else {
        t.tolerance = *tol;
      }
    }
  });
  if (map.require("expect", "a test")) {
    for (const Node& item : reader.sequence(map.get("expect"), "'expect'", map.at("expect"))) {
      t.expect.push_back(read_expectation(reader, item, reader.location(item)));
    }
  }
  if (t.measurements && !t.data.empty()) {
    reader.report("bad-value", map.at("data"),
                  "a test takes its rows from 'measurements' or from 'data', not both");
  }
  return t;
}

}  // namespace

GoldenLoad load_golden_text(std::string_view text, const std::string& path) {
  GoldenLoad out;
  out.file.path = path;
  NodeReader reader(path, text, out.diagnostics);
  yaml::check_encoding(text, path, out.diagnostics);
  std::optional<yaml::Tree> tree;
  try {
    yaml::ParsedText parsed = yaml::parse_yaml(text, path);
    if (parsed.limit) {
      reader.report(parsed.limit->rule, parsed.limit->where, parsed.limit->message,
                    parsed.limit->hint);
    }
    tree = std::move(parsed.tree);
  } catch (const YAML::Exception& e) {
    reader.report("yaml-syntax", reader.location(e.mark), "the file is not valid YAML: " + e.msg);
  }
  if (!tree) {
    return out;
  }
  const Node root = tree->root();
  MapReader map(reader, root, "a test file", {"tests"}, reader.location(root));
  if (!map.is_map()) {
    return out;
  }
  if (map.require("tests", "a test file")) {
    for (const Node& item : reader.sequence(map.get("tests"), "'tests'", map.at("tests"))) {
      out.file.tests.push_back(read_test(reader, text, item, reader.location(item)));
    }
  }
  return out;
}

GoldenLoad load_golden_file(const std::string& path) {
  std::string error;
  const std::optional<std::string> text = yaml::read_file_text(path, error);
  if (!text) {
    throw usage_error("unreadable-file", "cannot read the test file '" + path + "': " + error,
                      path);
  }
  return load_golden_text(*text, path);
}

}  // namespace kpi
