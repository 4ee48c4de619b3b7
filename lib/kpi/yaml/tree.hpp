#pragma once
// Internal to yaml/: one definition file read into a compact node tree in a single pass
// of yaml-cpp's event parser, with the limits of kpi-format(5) checked on the way.
//
// Why not YAML::Load: its nodes cost about 600 bytes each (1.4 GB for a 20 MB file of
// 100,000 KPIs), and checking the limits before it (it builds the whole tree first)
// meant parsing every file twice. Here a node is 24 bytes and the file is parsed once.

#include <yaml-cpp/mark.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/error.hpp"

namespace kpi::yaml {

enum class NodeType : uint8_t { undefined, null, scalar, sequence, map };

namespace detail {
struct Record {
  NodeType type = NodeType::null;
  bool plain = false;  ///< a scalar written without quotes or with a numeric tag
  int32_t pos = -1;    ///< yaml-cpp's mark: byte offset, 0-based line and byte column
  int32_t line = -1;
  int32_t column = -1;
  uint32_t first = 0;  ///< scalar: index in `scalars`; collection: index in `children`
  uint32_t count = 0;  ///< collection: items, or key-value pairs of a mapping
};

struct TreeData {
  std::vector<Record> records;
  std::vector<uint32_t> children;  ///< items; for a mapping key, value, key, value...
  std::vector<std::string> scalars;
  bool anchors_or_tags = false;  ///< an anchor, an alias or an explicit tag was read
};
}  // namespace detail

/// A node of a Tree, cheap to copy; valid while its Tree lives. The names follow
/// yaml-cpp's YAML::Node, whose subset the readers use. A default Node is null (an
/// absent value reads as empty); a missing key of operator[] is undefined.
class Node {
 public:
  Node() = default;

  NodeType Type() const { return record().type; }
  bool IsDefined() const { return Type() != NodeType::undefined; }
  bool IsNull() const { return Type() == NodeType::null; }
  bool IsScalar() const { return Type() == NodeType::scalar; }
  bool IsSequence() const { return Type() == NodeType::sequence; }
  bool IsMap() const { return Type() == NodeType::map; }
  explicit operator bool() const { return IsDefined(); }

  /// The text of a scalar; empty for any other node.
  const std::string& Scalar() const;
  /// Written without quotes (or tagged !!int / !!float): `"5"` is a string, `5` a number.
  bool IsPlain() const { return record().plain; }
  YAML::Mark Mark() const;

  /// Items of a sequence, pairs of a mapping; 0 for anything else.
  std::size_t size() const { return IsSequence() || IsMap() ? record().count : 0; }
  /// The i-th item of a sequence (null outside it). An int, so that `node[0]` is not
  /// taken for a null `const char*`.
  Node operator[](int i) const;
  /// The value of the first scalar key equal to `key` in a mapping, or an undefined node.
  Node operator[](std::string_view key) const;
  Node operator[](const char* key) const { return (*this)[std::string_view(key)]; }

  /// Iterates the items of a sequence (nothing for any other node).
  class ItemIterator;
  ItemIterator begin() const;
  ItemIterator end() const;
  /// The key-value pairs of a mapping, in written order, duplicates included.
  std::vector<std::pair<Node, Node>> entries() const;

 private:
  friend class Tree;
  friend class TreeBuilder;
  static constexpr uint32_t k_default_null = UINT32_MAX;
  static constexpr uint32_t k_undefined = UINT32_MAX - 1;
  Node(const detail::TreeData* data, uint32_t index) : m_data(data), m_index(index) {}
  const detail::Record& record() const;
  Node child(uint32_t slot) const;

  const detail::TreeData* m_data = nullptr;
  uint32_t m_index = k_default_null;
};

class Node::ItemIterator {
 public:
  ItemIterator(Node parent, uint32_t slot) : m_parent(parent), m_slot(slot) {}
  Node operator*() const { return m_parent.child(m_slot); }
  ItemIterator& operator++() {
    ++m_slot;
    return *this;
  }
  bool operator!=(const ItemIterator& other) const { return m_slot != other.m_slot; }

 private:
  Node m_parent;
  uint32_t m_slot;
};

/// The nodes of one document; movable, and its nodes stay valid when it moves.
class Tree {
 public:
  Node root() const { return Node(m_data.get(), m_root); }
  /// The document uses anchors, aliases or explicit tags (`!!str`): kpi fmt leaves such
  /// a file as written.
  bool uses_anchors_or_tags() const { return m_data->anchors_or_tags; }

 private:
  friend class TreeBuilder;
  std::unique_ptr<detail::TreeData> m_data = std::make_unique<detail::TreeData>();
  uint32_t m_root = Node::k_default_null;
};

/// What reading a file's text gave: its tree, or the first limit it exceeds as a
/// `yaml-limit` finding. A syntax error throws YAML::Exception (the loader's to report).
struct ParsedText {
  std::optional<Tree> tree;
  std::optional<Diagnostic> limit;
};

/// Reads the first document of `text` (named `file` in findings).
ParsedText parse_yaml(std::string_view text, const std::string& file);

}  // namespace kpi::yaml
