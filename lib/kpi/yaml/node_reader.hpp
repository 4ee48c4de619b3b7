#pragma once
// Internal to yaml/: typed reads of YAML nodes that record a Diagnostic, with the exact
// position, for every value that is not what the format expects.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/yaml/tree.hpp"

namespace kpi::yaml {

/// One source file being read: its name for positions, its text (to tell quoted scalars
/// apart), and where findings go.
class NodeReader {
 public:
  NodeReader(std::string file, std::string_view text, std::vector<Diagnostic>& out)
      : m_file(std::move(file)), m_text(text), m_out(out) {}

  const std::string& file() const { return m_file; }
  SourceLocation location(const Node& node) const;
  /// A yaml-cpp position (0-based, its column in bytes) as a SourceLocation: 1-based,
  /// the column in characters (code points), as CSV's are.
  SourceLocation location(const YAML::Mark& mark) const;
  SourceLocation location(int64_t line, int64_t column) const { return {m_file, line, column}; }
  /// The character at a node's start in the source, or 0.
  char first_char(const Node& node) const;

  void report(std::string rule, const SourceLocation& where, std::string message,
              std::string hint = {}, Severity severity = Severity::error);

  // Typed reads. `what` names the value in messages ("'target'"); `at` is its position.
  std::optional<std::string> string(const Node& node, const std::string& what,
                                    const SourceLocation& at);
  std::optional<double> number(const Node& node, const std::string& what, const SourceLocation& at);
  std::optional<int> whole_number(const Node& node, const std::string& what,
                                  const SourceLocation& at);
  /// A string or a list of strings; each entry with its position.
  std::vector<std::pair<std::string, SourceLocation>> string_list(const Node& node,
                                                                  const std::string& what,
                                                                  const SourceLocation& at);
  /// The items of a list (null: none). Anything else is a wrong-type finding.
  std::vector<Node> sequence(const Node& node, const std::string& what, const SourceLocation& at);
  /// One of `words`, or a bad-value finding that lists them.
  std::optional<std::size_t> choice(const Node& node, const std::string& what,
                                    const SourceLocation& at,
                                    const std::vector<std::string>& words);
  /// A defining id: a string; a bad-id finding when it does not match the id pattern.
  std::optional<std::string> id(const Node& node, const std::string& what,
                                const SourceLocation& at);

 private:
  bool is_plain(const Node& node) const;
  void wrong_type(const Node& node, const std::string& what, const SourceLocation& at,
                  std::string_view expected);

  std::string m_file;
  std::string_view m_text;
  std::vector<Diagnostic>& m_out;
};

/// "a string", "a list", "a mapping", "nothing": how a node is described in messages.
std::string_view describe(const Node& node);

/// True for a decimal number: optional sign, digits, optional '.' fraction, optional exponent.
std::optional<double> parse_decimal(std::string_view text);

/// One YAML mapping read against the keys it may hold: reports unknown and duplicate keys,
/// records every position, and hands out the value of each known key.
class MapReader {
 public:
  /// `context` names the mapping in messages ("a KPI"); a node that is not a mapping is
  /// reported as wrong-type at `at` and then reads as empty.
  MapReader(NodeReader& reader, const Node& node, std::string context,
            const std::vector<std::string>& keys, const SourceLocation& at);

  bool is_map() const { return m_is_map; }
  const Positions& positions() const { return m_pos; }
  bool has(const std::string& key) const { return m_pos.has(key); }
  /// The value of `key` (its first occurrence), or an undefined node.
  Node get(const std::string& key) const;
  SourceLocation at(const std::string& key) const { return m_pos.at(key); }
  /// Records missing-field at the mapping's start unless `key` is present.
  bool require(const std::string& key, const std::string& owner_text);
  /// Keys in written order (known ones only, each once).
  const std::vector<std::string>& order() const { return m_order; }

 private:
  NodeReader& m_reader;
  std::string m_context;
  bool m_is_map = false;
  Positions m_pos;
  std::vector<std::pair<std::string, Node>> m_values;
  std::vector<std::string> m_order;
};

/// Runs `read` on a value when `key` is present.
template <typename Fn>
void with(const MapReader& map, const std::string& key, Fn&& read) {
  if (map.has(key)) {
    read(map.get(key), map.at(key));
  }
}

}  // namespace kpi::yaml
