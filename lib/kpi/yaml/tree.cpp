#include "kpi/yaml/tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

#include "kpi/util/quote.hpp"
#include "kpi/yaml/limits.hpp"

namespace kpi::yaml {

namespace {

const detail::Record k_null_record{};
const detail::Record k_undefined_record = [] {
  detail::Record r;
  r.type = NodeType::undefined;
  return r;
}();
const std::string k_no_text;

/// Thrown from the event handler to stop the parser at the first limit exceeded.
struct LimitExceeded {
  Diagnostic finding;
};

}  // namespace

const detail::Record& Node::record() const {
  if (m_index == k_undefined) {
    return k_undefined_record;
  }
  if (m_data == nullptr || m_index == k_default_null) {
    return k_null_record;
  }
  return m_data->records[m_index];
}

Node Node::child(uint32_t slot) const {
  return Node(m_data, m_data->children[record().first + slot]);
}

const std::string& Node::Scalar() const {
  return IsScalar() ? m_data->scalars[record().first] : k_no_text;
}

YAML::Mark Node::Mark() const {
  const detail::Record& r = record();
  if (r.line < 0) {
    return YAML::Mark::null_mark();
  }
  YAML::Mark mark;
  mark.pos = r.pos;
  mark.line = r.line;
  mark.column = r.column;
  return mark;
}

Node Node::operator[](int i) const {
  if (!IsSequence() || i < 0 || static_cast<uint32_t>(i) >= record().count) {
    return Node();
  }
  return child(static_cast<uint32_t>(i));
}

Node Node::operator[](std::string_view key) const {
  if (IsMap()) {
    for (uint32_t i = 0; i < record().count; ++i) {
      Node k = child(2 * i);
      if (k.IsScalar() && k.Scalar() == key) {
        return child(2 * i + 1);
      }
    }
  }
  return Node(m_data, k_undefined);
}

Node::ItemIterator Node::begin() const { return ItemIterator(*this, 0); }

Node::ItemIterator Node::end() const {
  return ItemIterator(*this, IsSequence() ? record().count : 0);
}

std::vector<std::pair<Node, Node>> Node::entries() const {
  std::vector<std::pair<Node, Node>> out;
  if (IsMap()) {
    out.reserve(record().count);
    for (uint32_t i = 0; i < record().count; ++i) {
      out.emplace_back(child(2 * i), child(2 * i + 1));
    }
  }
  return out;
}

/// Builds a Tree from yaml-cpp's events and enforces the limits while it does: every
/// anchored node remembers the scalar bytes it holds (its aliases included), so that
/// each alias adds what it would expand to, and a billion laughs stops at the alias that
/// passes the bound. Aliases share the anchored node, as YAML::Load's do.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Tree& tree, std::string file)
      : m_tree(tree), m_data(*tree.m_data), m_file(std::move(file)) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_data.anchors_or_tags |= anchor != 0;
    finish(add_record(NodeType::null, mark), anchor, 0);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_data.anchors_or_tags = true;
    if (++m_alias_uses > k_max_alias_uses) {
      fail(mark, "more than " + with_thousands(static_cast<size_t>(k_max_alias_uses)) +
                     " aliases ('*name') in one file");
    }
    const Anchored target = anchor < m_anchors.size() ? m_anchors[anchor] : Anchored{};
    m_alias_bytes = saturating_add(m_alias_bytes, target.bytes);
    if (m_alias_bytes > k_max_alias_bytes) {
      fail(mark, "aliases ('*name') would repeat more than " +
                     with_thousands(static_cast<size_t>(k_max_alias_bytes)) +
                     " bytes of text in one file");
    }
    finish(target.index, 0, target.bytes);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (value.size() > k_max_scalar_bytes) {
      fail(mark, "a value of " + with_thousands(value.size()) + " bytes is longer than " +
                     with_thousands(k_max_scalar_bytes) + " bytes");
    }
    const uint32_t index = add_record(NodeType::scalar, mark);
    detail::Record& r = m_data.records[index];
    r.plain = tag == "?" || tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float";
    m_data.anchors_or_tags |= anchor != 0 || (tag != "?" && tag != "!");
    r.first = static_cast<uint32_t>(m_data.scalars.size());
    m_data.scalars.push_back(value);
    finish(index, anchor, value.size());
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    m_data.anchors_or_tags |= anchor != 0 || (tag != "?" && tag != "!");
    open(NodeType::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    m_data.anchors_or_tags |= anchor != 0 || (tag != "?" && tag != "!");
    open(NodeType::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    uint32_t index = 0;
    YAML::anchor_t anchor = 0;
    std::size_t first_pending = 0;  ///< where its children start in m_pending
    uint64_t bytes = 0;             ///< scalar bytes it holds, aliases expanded
  };
  struct Anchored {
    uint32_t index = Node::k_default_null;
    uint64_t bytes = 0;
  };

  static uint64_t saturating_add(uint64_t a, uint64_t b) {
    return std::min<uint64_t>(a + b, k_max_alias_bytes + 1);  // never wraps
  }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    SourceLocation at{m_file, mark.is_null() ? 0 : mark.line + 1,
                      mark.is_null() ? 0 : mark.column + 1};
    throw LimitExceeded{
        Diagnostic{"yaml-limit", Severity::error, message, at, "see LIMITS in kpi-format(5)"}};
  }

  uint32_t add_record(NodeType type, const YAML::Mark& mark) {
    if (m_data.records.size() >= Node::k_undefined) {
      fail(mark, "more than " + with_thousands(static_cast<size_t>(Node::k_undefined)) +
                     " values in one file");
    }
    detail::Record r;
    r.type = type;
    r.pos = mark.pos;
    r.line = mark.line;
    r.column = mark.column;
    m_data.records.push_back(r);
    return static_cast<uint32_t>(m_data.records.size() - 1);
  }

  /// A node is complete: remember it under its anchor, hand it to its parent.
  void finish(uint32_t index, YAML::anchor_t anchor, uint64_t bytes) {
    if (anchor != 0) {
      if (m_anchors.size() <= anchor) {
        m_anchors.resize(anchor + 1);
      }
      m_anchors[anchor] = Anchored{index, bytes};
    }
    if (m_open.empty()) {
      if (m_tree.m_root == Node::k_default_null) {
        m_tree.m_root = index;
      }
      return;
    }
    m_open.back().bytes = saturating_add(m_open.back().bytes, bytes);
    m_pending.push_back(index);
  }

  void open(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(m_open.size()) >= k_max_nesting) {
      fail(mark,
           "mappings and sequences nest more than " + std::to_string(k_max_nesting) + " deep");
    }
    m_open.push_back(Open{add_record(type, mark), anchor, m_pending.size(), 0});
  }

  void close() {
    if (m_open.empty()) {
      return;
    }
    const Open done = m_open.back();
    m_open.pop_back();
    detail::Record& r = m_data.records[done.index];
    const std::size_t n = m_pending.size() - done.first_pending;
    r.first = static_cast<uint32_t>(m_data.children.size());
    r.count = static_cast<uint32_t>(r.type == NodeType::map ? n / 2 : n);
    m_data.children.insert(m_data.children.end(),
                           m_pending.begin() + static_cast<std::ptrdiff_t>(done.first_pending),
                           m_pending.end());
    m_pending.resize(done.first_pending);
    finish(done.index, done.anchor, done.bytes);
  }

  Tree& m_tree;
  detail::TreeData& m_data;
  std::string m_file;
  std::vector<Open> m_open;
  std::vector<uint32_t> m_pending;  ///< children of the open collections, innermost last
  std::vector<Anchored> m_anchors;  ///< by yaml-cpp's anchor number (1, 2, ...)
  int64_t m_alias_uses = 0;
  uint64_t m_alias_bytes = 0;
};

ParsedText parse_yaml(std::string_view text, const std::string& file) {
  // yaml-cpp reads from a stream; the copy costs less than a second parse would.
  std::istringstream in{std::string(text)};
  ParsedText out;
  Tree tree;
  TreeBuilder builder(tree, file);
  try {
    // The first document only, as YAML::Load reads: on some broken input (a lone ",")
    // yaml-cpp 0.7's HandleNextDocument reports a new empty document forever without
    // reading on (found by tests/fuzz/fuzz_yaml).
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const LimitExceeded& exceeded) {
    out.limit = exceeded.finding;
    return out;
  }
  out.tree = std::move(tree);
  return out;
}

}  // namespace kpi::yaml
