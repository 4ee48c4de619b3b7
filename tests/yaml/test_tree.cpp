// The compact node tree the loader reads definition files into (lib/kpi/yaml/tree.hpp):
// what it keeps of a document, as YAML::Load would, and that it is built in one pass.

#include <boost/test/unit_test.hpp>

#include "kpi/yaml/tree.hpp"

using kpi::yaml::Node;
using kpi::yaml::parse_yaml;
using kpi::yaml::Tree;

namespace {

Tree parse(const std::string& text) {
  kpi::yaml::ParsedText parsed = parse_yaml(text, "kpi.yaml");
  BOOST_REQUIRE(parsed.tree.has_value());
  BOOST_REQUIRE(!parsed.limit.has_value());
  return std::move(*parsed.tree);
}

/// "line:column" (1-based) of a node's mark.
std::string at(const Node& node) {
  return std::to_string(node.Mark().line + 1) + ":" + std::to_string(node.Mark().column + 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_tree)

BOOST_AUTO_TEST_CASE(mappings_keep_every_pair_in_written_order_with_positions) {
  Tree tree = parse("b: 1\na: two\nb: 3\n");
  Node root = tree.root();
  BOOST_TEST(root.IsMap());
  BOOST_TEST(root.size() == 3u);
  auto pairs = root.entries();
  BOOST_REQUIRE(pairs.size() == 3u);
  BOOST_TEST(pairs[0].first.Scalar() == "b");
  BOOST_TEST(pairs[1].second.Scalar() == "two");
  BOOST_TEST(at(pairs[1].second) == "2:4");
  BOOST_TEST(pairs[2].second.Scalar() == "3");  // the duplicate is kept, for duplicate-key
  BOOST_TEST(root["b"].Scalar() == "1");        // lookup finds the first
  BOOST_TEST(!root["c"].IsDefined());           // a missing key is undefined, not null
  BOOST_TEST(!root["c"]);
}

BOOST_AUTO_TEST_CASE(sequences_index_and_iterate) {
  Tree tree = parse("- [1, 2]\n- x\n");
  Node root = tree.root();
  BOOST_TEST(root.IsSequence());
  BOOST_TEST(root.size() == 2u);
  BOOST_TEST(root[0].IsSequence());
  BOOST_TEST(root[0][1].Scalar() == "2");
  BOOST_TEST(at(root[0][1]) == "1:7");
  BOOST_TEST(root[2].IsNull());  // past the end
  BOOST_TEST(root[-1].IsNull());
  std::string items;
  for (const Node& item : root) {
    items += item.IsScalar() ? item.Scalar() : "[list]";
  }
  BOOST_TEST(items == "[list]x");
  BOOST_TEST(root.entries().empty());  // not a mapping
}

BOOST_AUTO_TEST_CASE(nulls_quotes_and_tags_are_told_apart) {
  Tree tree = parse("a: ~\nb:\nc: null\nd: '5'\ne: 5\nf: !!int 6\ng: \"\"\n");
  Node root = tree.root();
  BOOST_TEST(root["a"].IsNull());
  BOOST_TEST(root["b"].IsNull());
  BOOST_TEST(root["c"].IsNull());
  BOOST_TEST(root["d"].IsScalar());
  BOOST_TEST(!root["d"].IsPlain());
  BOOST_TEST(root["e"].IsPlain());
  BOOST_TEST(root["f"].IsPlain());
  BOOST_TEST(root["g"].IsScalar());  // a quoted empty string is a string, not null
  BOOST_TEST(root["g"].Scalar() == "");
  BOOST_TEST(root["a"].Scalar() == "");
}

BOOST_AUTO_TEST_CASE(an_alias_is_the_anchored_node_itself) {
  Tree tree = parse("base: &b {x: 1, y: [2]}\ncopy: *b\n");
  Node copy = tree.root()["copy"];
  BOOST_TEST(copy.IsMap());
  BOOST_TEST(copy["y"][0].Scalar() == "2");
  BOOST_TEST(at(copy) == "1:7");  // where the anchor was written, as YAML::Load has it
}

BOOST_AUTO_TEST_CASE(an_empty_document_is_null_and_nodes_survive_moving_the_tree) {
  BOOST_TEST(parse("").root().IsNull());
  BOOST_TEST(parse("# only a comment\n").root().IsNull());
  Tree tree = parse("k: v\n");
  Node v = tree.root()["k"];
  Tree moved = std::move(tree);
  BOOST_TEST(v.Scalar() == "v");
  BOOST_TEST(moved.root()["k"].Scalar() == "v");
  BOOST_TEST(Node().IsNull());
  BOOST_TEST(Node().size() == 0u);
}

BOOST_AUTO_TEST_CASE(a_limit_stops_the_build_and_gives_no_tree) {
  kpi::yaml::ParsedText parsed =
      parse_yaml("a: " + std::string(70, '[') + std::string(70, ']') + "\n", "kpi.yaml");
  BOOST_TEST(!parsed.tree.has_value());
  BOOST_REQUIRE(parsed.limit.has_value());
  BOOST_TEST(parsed.limit->rule == "yaml-limit");
  BOOST_TEST(parsed.limit->where.line == 1);
  BOOST_TEST(parsed.limit->where.column == 67);  // the 64th '[' opens level 65
}

BOOST_AUTO_TEST_SUITE_END()
