// kpi fmt's layout (kpi-fmt(1)): the tree written out again with the key table's order,
// the trivia put back, and the result compared with the input before it is handed out.

#include "kpi/yaml/format.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>

#include "kpi/util/utf8.hpp"
#include "kpi/yaml/format_trivia.hpp"
#include "kpi/yaml/keys.hpp"
#include "kpi/yaml/node_reader.hpp"
#include "kpi/yaml/tree.hpp"

namespace kpi {

namespace {

using yaml::FileTrivia;
using yaml::MappingSpec;
using yaml::Node;
using yaml::Trivia;

/// A line longer than this keeps its mapping or list in block style.
constexpr std::size_t k_flow_width = 100;

/// What a mapping is: its spec in the key table (null: not a mapping the format knows),
/// and whether a short one is written on one line.
struct Kind {
  const MappingSpec* spec = nullptr;
  bool flow = false;
};

bool flows(const std::string& mapping) {
  static const std::vector<std::string> names = {"status",   "reward",  "band",
                                                 "override", "columns", "wide"};
  return std::find(names.begin(), names.end(), mapping) != names.end();
}

Kind kind_named(const std::string& name) { return {&yaml::mapping_spec(name), flows(name)}; }

/// The kind of the mapping (or of each mapping item) under `key` of a `parent` mapping.
Kind child_kind(const Kind& parent, const std::string& key) {
  if (parent.spec == nullptr) {
    return {};
  }
  for (const yaml::KeySpec& spec : parent.spec->keys) {
    if (spec.name != key) {
      continue;
    }
    if (spec.shape == yaml::ValueShape::mapping || spec.shape == yaml::ValueShape::list) {
      return kind_named(spec.ref);
    }
    if (spec.shape == yaml::ValueShape::filters) {
      return {nullptr, true};  // column names, kept as written
    }
  }
  return {};
}

bool is_letter_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool is_reserved_word(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::vector<std::string> words = {"true", "false", "yes", "no",  "on",
                                                 "off",  "y",     "n",   "null"};
  return std::find(words.begin(), words.end(), text) != words.end();
}

/// The code point of the UTF-8 sequence at `i` and its length; 0 and 1 for a byte that
/// starts no valid sequence.
std::pair<char32_t, std::size_t> code_point_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  const std::size_t length = lead < 0x80    ? 1
                             : lead >= 0xF0 ? 4
                             : lead >= 0xE0 ? 3
                             : lead >= 0xC0 ? 2
                                            : 0;
  if (length == 0 || i + length > text.size()) {
    return {0, 1};
  }
  char32_t point = length == 1 ? lead : lead & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return {0, 1};
    }
    point = (point << 6) | (byte(i + k) & 0x3F);
  }
  return {point, length};
}

/// Code points a reader should see as an escape, never raw: C0 and C1 controls, line and
/// paragraph separators, the byte-order mark, bidirectional controls, noncharacters.
bool is_hidden(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
         (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool has_hidden(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto [point, length] = code_point_at(text, i);
    if (length > 1 || point != 0 || text[i] == '\0') {
      if (is_hidden(point)) {
        return true;
      }
    }
    i += length;
  }
  return false;
}

/// `text` written plain reads back as the same text.
bool plain_safe(std::string_view text, bool in_flow) {
  if (has_hidden(text)) {
    return false;
  }
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') {
    return false;
  }
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) {
      return false;
    }
    if (in_flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':')) {
      return false;
    }
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
      text.find("\xEF\xBB\xBF") != std::string_view::npos) {
    return false;
  }
  const char first = text.front();
  if (std::string_view("#&*!|>'\"%@`,[]{}").find(first) != std::string_view::npos) {
    return false;
  }
  if (first == '-' || first == '?' || first == ':') {
    return text.size() > 1 && text[1] != ' ';
  }
  return true;
}

std::string double_quoted(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    auto [point, length] = code_point_at(text, i);
    const bool valid = length > 1 || static_cast<unsigned char>(text[i]) < 0x80;
    if (valid && point == '"') {
      out += "\\\"";
    } else if (valid && point == '\\') {
      out += "\\\\";
    } else if (valid && point == '\n') {
      out += "\\n";
    } else if (valid && point == '\t') {
      out += "\\t";
    } else if (valid && is_hidden(point)) {
      // \xNN, \uNNNN or \UNNNNNNNN: a code point, as YAML's double quotes read them.
      const int digits = point <= 0xFF ? 2 : point <= 0xFFFF ? 4 : 8;
      out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
      for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out += hex[(point >> shift) & 0xF];
      }
    } else {
      out.append(text.substr(i, length));  // an invalid byte stays the byte it was
    }
    i += length;
  }
  return out + "\"";
}

/// A scalar (or a key) on one line. Plain stays plain where YAML allows it; a quoted text
/// loses its quotes only when it starts with a letter and reads as text whatever the
/// YAML version (`"40"`, `"yes"` and `"2026-12"` keep theirs).
std::string scalar_text(const Node& node, bool in_flow) {
  const std::string& text = node.Scalar();
  const bool keep_plain =
      node.IsPlain() ||
      (is_letter_start(static_cast<unsigned char>(text.empty() ? '\0' : text.front())) &&
       !is_reserved_word(text));
  if (keep_plain && plain_safe(text, in_flow)) {
    return text;
  }
  // A plain scalar that needs quotes here (a comma in a flow list) was text anyway.
  return double_quoted(text);
}

class Writer {
 public:
  explicit Writer(const FileTrivia& trivia) : m_trivia(trivia) {}

  void document(const Node& root, const Kind& kind) {
    if (root.IsMap() && root.size() > 0) {
      // The comments that open the file, up to its last blank line before the first key,
      // stay on top whatever key comes first.
      const Node first_key = root.entries().front().first;
      const Trivia& first = pair_trivia(first_key);
      auto blank = std::find(first.before.rbegin(), first.before.rend(), std::string());
      if (blank != first.before.rend()) {
        m_header = static_cast<std::size_t>(first.before.rend() - blank);
        m_lines.assign(first.before.begin(),
                       first.before.begin() + static_cast<std::ptrdiff_t>(m_header));
        m_header_of = &first;
      }
      block_map(root, kind, 0, "");
    }
    for (const std::string& line : m_trivia.tail) {
      m_lines.push_back(line);
    }
  }

  std::string text() const {
    std::string out;
    bool started = false;  // no blank line opens the file
    for (const std::string& line : m_lines) {
      started = started || !line.empty();
      if (!started) {
        continue;
      }
      out += line;
      out += '\n';
    }
    return out;
  }

 private:
  static const Trivia& none() {
    static const Trivia empty;
    return empty;
  }
  const Trivia& pair_trivia(const Node& key) const {
    auto found = m_trivia.pairs.find(key.Mark().pos);
    return found == m_trivia.pairs.end() ? none() : found->second;
  }
  const Trivia& item_trivia(const Node& item) const {
    if (item.IsNull()) {
      return none();
    }
    auto found = m_trivia.items.find(item.Mark().pos);
    return found == m_trivia.items.end() ? none() : found->second;
  }
  bool has_trivia(const Trivia& t) const {
    return !t.before.empty() || !t.end_comment.empty() || !t.after.empty();
  }

  /// True when nothing inside `node` carries a comment or blank line of its own.
  bool quiet(const Node& node) const {
    if (node.IsMap()) {
      for (const auto& [key, value] : node.entries()) {
        if (has_trivia(pair_trivia(key)) || !quiet(value)) {
          return false;
        }
      }
    } else if (node.IsSequence()) {
      for (const Node& item : node) {
        if (has_trivia(item_trivia(item)) || !quiet(item)) {
          return false;
        }
      }
    }
    return true;
  }

  /// `node` on one line in flow style, or empty when it does not go on one line.
  std::string flow(const Node& node, const Kind& kind) const {
    if (node.IsScalar()) {
      if (m_trivia.blocks.count(node.Mark().pos) != 0 ||
          node.Scalar().find('\n') != std::string::npos) {
        return {};
      }
      return scalar_text(node, true);
    }
    if (node.IsSequence()) {
      if (node.size() == 0) {
        return "[]";
      }
      std::string out = "[";
      for (const Node& item : node) {
        if (item.IsMap() || item.IsNull()) {
          return {};
        }
        // A list of lists ([[0, 0], [50, 0]]) goes one level deep, no further.
        if (item.IsSequence()) {
          for (const Node& inner : item) {
            if (!inner.IsScalar()) {
              return {};
            }
          }
        }
        std::string text = flow(item, kind);
        if (text.empty()) {
          return {};
        }
        out += (out.size() > 1 ? ", " : "") + text;
      }
      return out + "]";
    }
    if (node.IsMap()) {
      if (node.size() == 0) {
        return "{}";
      }
      if (!kind.flow) {
        return {};
      }
      std::string out = "{";
      for (const auto& [key, value] : ordered(node, kind)) {
        if (!key.IsScalar() || value.IsNull() || value.IsMap()) {
          return {};
        }
        std::string text = flow(value, {nullptr, true});
        if (text.empty()) {
          return {};
        }
        out += (out.size() > 1 ? ", " : "") + scalar_text(key, true) + ": " + text;
      }
      return out + "}";
    }
    return {};
  }

  /// The pairs of a mapping in the table's order; keys it does not know after, as written.
  static std::vector<std::pair<Node, Node>> ordered(const Node& map, const Kind& kind) {
    std::vector<std::pair<Node, Node>> pairs = map.entries();
    if (kind.spec == nullptr) {
      return pairs;
    }
    const std::vector<std::string>& names = kind.spec->key_names;
    auto rank = [&](const Node& key) {
      auto found = std::find(names.begin(), names.end(), key.Scalar());
      return key.IsScalar() && found != names.end() ? found - names.begin()
                                                    : static_cast<std::ptrdiff_t>(names.size());
    };
    std::stable_sort(pairs.begin(), pairs.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    return pairs;
  }

  void before(const Trivia& trivia, std::size_t indent) {
    for (std::size_t i = &trivia == m_header_of ? m_header : 0; i < trivia.before.size(); ++i) {
      const std::string& line = trivia.before[i];
      m_lines.push_back(line.empty() ? "" : std::string(indent, ' ') + line);
    }
  }

  void after(const Trivia& trivia, std::size_t indent) {
    for (const std::string& line : trivia.after) {
      m_lines.push_back(std::string(indent, ' ') + line);
    }
  }

  /// Ends the last line with the entry's comment, at its column when that still fits.
  void end_comment(const Trivia& trivia, std::size_t line_index) {
    if (trivia.end_comment.empty()) {
      return;
    }
    std::string& line = m_lines[line_index];
    const std::size_t width = yaml::display_width(line);
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    const std::size_t column =
        std::max(width + 2, indent + static_cast<std::size_t>(trivia.end_column));
    line += std::string(column - width, ' ') + trivia.end_comment;
    for (const std::string& more : trivia.end_more) {
      m_lines.insert(m_lines.begin() + static_cast<std::ptrdiff_t>(line_index) + 1,
                     std::string(column, ' ') + more);
      ++line_index;
    }
  }

  /// `lead` + the value of an entry: on this line when it is a scalar or fits in flow
  /// style, else on the lines below, indented by `indent`.
  void entry_value(std::string lead, const Node& value, const Kind& kind, std::size_t indent,
                   const Trivia& trivia) {
    if (value.IsNull()) {
      m_lines.push_back(lead.substr(0, lead.size() - 1));  // "key:" or "-", no trailing space
      end_comment(trivia, m_lines.size() - 1);
      return;
    }
    if (value.IsScalar()) {
      auto block = m_trivia.blocks.find(value.Mark().pos);
      if (block != m_trivia.blocks.end()) {
        m_lines.push_back(lead + block->second.header);
        end_comment(trivia, m_lines.size() - 1);
        for (const std::string& line : block->second.lines) {
          m_lines.push_back(line.empty() ? "" : std::string(indent, ' ') + line);
        }
        return;
      }
      m_lines.push_back(lead + scalar_text(value, false));
      end_comment(trivia, m_lines.size() - 1);
      return;
    }
    if (quiet(value)) {
      std::string text = flow(value, kind);
      if (!text.empty() && yaml::display_width(lead) + yaml::display_width(text) <= k_flow_width) {
        m_lines.push_back(lead + text);
        end_comment(trivia, m_lines.size() - 1);
        return;
      }
    }
    if (value.IsMap() && lead.size() >= 2 && lead.compare(lead.size() - 2, 2, "- ") == 0) {
      // A mapping item: its first pair on the dash's line.
      block_map(value, kind, indent, lead, &trivia);
      return;
    }
    m_lines.push_back(lead.substr(0, lead.size() - 1));
    end_comment(trivia, m_lines.size() - 1);
    if (value.IsMap()) {
      block_map(value, kind, indent, "");
    } else {
      block_list(value, kind, indent);
    }
  }

  /// A block mapping at `indent`; `first_lead` ("  - ") starts its first line when the
  /// mapping is a list item, whose own trivia `item` then ends that line.
  void block_map(const Node& map, const Kind& kind, std::size_t indent, std::string first_lead,
                 const Trivia* item = nullptr) {
    bool first = true;
    for (const auto& [key, value] : ordered(map, kind)) {
      const Trivia& trivia = pair_trivia(key);
      std::string lead;
      if (first && !first_lead.empty()) {
        // The pair's own comment lines go above the dash.
        before(trivia, indent - 2);
        lead = first_lead;
      } else {
        before(trivia, indent);
        lead = std::string(indent, ' ');
      }
      lead += scalar_text(key, false) + ": ";
      const std::size_t line_index = m_lines.size();
      entry_value(lead, value, child_kind(kind, key.Scalar()), indent + 2, trivia);
      after(trivia, indent);
      if (first && item != nullptr && !item->end_comment.empty()) {
        Trivia moved;
        moved.end_comment = item->end_comment;
        moved.end_column = item->end_column;
        if (trivia.end_comment.empty()) {
          end_comment(moved, line_index);
        } else {
          m_lines.insert(m_lines.begin() + static_cast<std::ptrdiff_t>(line_index),
                         std::string(indent - 2, ' ') + item->end_comment);
        }
      }
      first = false;
    }
  }

  void block_list(const Node& list, const Kind& kind, std::size_t indent) {
    for (const Node& item : list) {
      const Trivia& trivia = item_trivia(item);
      before(trivia, indent);
      entry_value(std::string(indent, ' ') + "- ", item, kind, indent + 2, trivia);
      after(trivia, indent);
    }
  }

  const FileTrivia& m_trivia;
  std::vector<std::string> m_lines;
  const Trivia* m_header_of = nullptr;  ///< the first key's trivia, whose first lines
  std::size_t m_header = 0;             ///< (this many) were written as the file's header
};

/// Equal as the loader reads them: the same texts (a number only where it was one), the
/// same lists, the same pairs whatever their order (same keys in written order).
bool same_meaning(const Node& a, const Node& b) {
  if (a.Type() != b.Type()) {
    return false;
  }
  if (a.IsScalar()) {
    auto number = [](const Node& n) {
      return n.IsPlain() && yaml::parse_decimal(n.Scalar()).has_value();
    };
    return a.Scalar() == b.Scalar() && number(a) == number(b);
  }
  if (a.size() != b.size()) {
    return false;
  }
  if (a.IsSequence()) {
    for (int i = 0; i < static_cast<int>(a.size()); ++i) {
      if (!same_meaning(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (a.IsMap()) {
    auto sorted = [](const Node& map) {
      std::vector<std::pair<Node, Node>> pairs = map.entries();
      std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
        return x.first.Scalar() < y.first.Scalar();
      });
      return pairs;
    };
    const auto left = sorted(a);
    const auto right = sorted(b);
    for (std::size_t i = 0; i < left.size(); ++i) {
      if (!same_meaning(left[i].first, right[i].first) ||
          !same_meaning(left[i].second, right[i].second)) {
        return false;
      }
    }
  }
  return true;
}

Diagnostic problem(const std::string& rule, const std::string& file, int64_t line, int64_t column,
                   std::string message) {
  return Diagnostic{rule, Severity::error, std::move(message), {file, line, column}, {}};
}

/// The first key that is not a scalar (`? [a, b]: c`), which no definition file has.
std::optional<YAML::Mark> complex_key(const Node& node) {
  if (node.IsMap()) {
    for (const auto& [key, value] : node.entries()) {
      if (!key.IsScalar()) {
        return key.Mark();
      }
      if (auto inner = complex_key(value)) {
        return inner;
      }
    }
  } else if (node.IsSequence()) {
    for (const Node& item : node) {
      if (auto inner = complex_key(item)) {
        return inner;
      }
    }
  }
  return std::nullopt;
}

/// A second document ("---" or "..." after the first's content), which fmt would drop.
std::optional<int64_t> second_document_line(std::string_view text) {
  int64_t line = 1;
  bool content = false;
  for (std::size_t start = 0; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    std::string_view row = text.substr(start, end - start);
    const bool marker = row.substr(0, 3) == "---" || row.substr(0, 3) == "...";
    if (marker && (row.size() == 3 || row[3] == ' ' || row[3] == '\r')) {
      if (content || row.substr(0, 3) == "...") {
        return line;
      }
    } else if (!row.empty() && row[0] != '#' &&
               row.find_first_not_of(" \t\r") != std::string_view::npos) {
      content = true;
    }
    start = end + 1;
  }
  return std::nullopt;
}

/// One pass of the layout; see format_definition_text.
FormatResult format_once(std::string_view input, const std::string& file) {
  FormatResult result{std::string(input), {}};
  std::string_view text = input;
  const bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) {
    text.remove_prefix(3);
  }
  const bool crlf = text.find("\r\n") != std::string_view::npos;
  std::optional<yaml::Tree> tree;
  try {
    yaml::ParsedText parsed = yaml::parse_yaml(text, file);
    if (parsed.limit) {
      result.problems.push_back(*parsed.limit);
      return result;
    }
    tree = std::move(parsed.tree);
  } catch (const YAML::Exception& e) {
    result.problems.push_back(problem("yaml-syntax", file, e.mark.line + 1, e.mark.column + 1,
                                      "the file is not valid YAML: " + e.msg));
    return result;
  }
  // The comment scanner reads text as YAML's printable characters; a raw control
  // character or a broken UTF-8 sequence (findings of kpi validate) is not laid out.
  const auto control = std::find_if(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7F;
  });
  const std::optional<size_t> invalid = first_invalid_utf8(text);
  if (control != text.end() || invalid) {
    const size_t at =
        control != text.end() ? static_cast<size_t>(control - text.begin()) : *invalid;
    const int64_t line =
        1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const int64_t column =
        1 + static_cast<int64_t>(yaml::display_width(text.substr(
                line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1,
                at - (line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1))));
    result.problems.push_back(problem(
        "fmt-unsupported", file, line, column,
        control != text.end() ? "a raw control character; write it as an escape (\\x01) in "
                                "double quotes, or remove it, and kpi fmt will lay the file out"
                              : "the file is not UTF-8 here; kpi fmt leaves it as written"));
    return result;
  }
  if (tree->uses_anchors_or_tags()) {
    result.problems.push_back(problem("fmt-unsupported", file, 1, 1,
                                      "the file uses anchors, aliases or tags (&name, *name, "
                                      "!!tag); kpi fmt leaves it as written"));
    return result;
  }
  if (std::optional<int64_t> line = second_document_line(text)) {
    result.problems.push_back(problem("fmt-unsupported", file, *line, 1,
                                      "a second YAML document starts here; kpi fmt formats "
                                      "files of one document and leaves this one as written"));
    return result;
  }
  const Node root = tree->root();
  if (!root.IsMap() && !root.IsNull()) {
    result.problems.push_back(problem("fmt-unsupported", file, root.Mark().line + 1,
                                      root.Mark().column + 1,
                                      "a definition file is a mapping (key: value lines); "
                                      "kpi fmt leaves this one as written"));
    return result;
  }
  if (std::optional<YAML::Mark> at = complex_key(root)) {
    result.problems.push_back(problem("fmt-unsupported", file, at->line + 1, at->column + 1,
                                      "a key that is a list or a mapping; kpi fmt leaves the "
                                      "file as written"));
    return result;
  }
  const FileTrivia trivia = yaml::collect_trivia(text, *tree);
  Writer writer(trivia);
  writer.document(root, kind_named(root.IsMap() && root["version"] ? "workspace" : "included"));
  std::string formatted = writer.text();
  // Read back: the layout may move and re-quote, never change a value.
  bool same = false;
  try {
    yaml::ParsedText again = yaml::parse_yaml(formatted, file);
    same = again.tree && !again.limit && same_meaning(root, again.tree->root());
  } catch (const YAML::Exception&) {
    same = false;
  }
  if (!same) {
    result.problems.push_back(problem("fmt-meaning", file, 1, 1,
                                      "kpi fmt could not lay this file out without changing a "
                                      "value; it is left as written (please report it)"));
    return result;
  }
  if (crlf) {
    std::string converted;
    for (char c : formatted) {
      converted += c == '\n' ? "\r\n" : std::string(1, c);
    }
    formatted = std::move(converted);
  }
  result.text = (bom ? "\xEF\xBB\xBF" : "") + formatted;
  return result;
}

}  // namespace

FormatResult format_definition_text(std::string_view input, const std::string& file) {
  // A pass can free a list of what kept it in block style (a blank line the layout does
  // not keep there): passes run until one changes nothing, so that a second kpi fmt
  // never does. Each pass is checked against the text it was given.
  FormatResult result = format_once(input, file);
  for (int pass = 2; result.problems.empty() && pass <= 4; ++pass) {
    FormatResult next = format_once(result.text, file);
    if (!next.problems.empty() || next.text == result.text) {
      return next.problems.empty() ? result : FormatResult{std::string(input), next.problems};
    }
    result = std::move(next);
  }
  if (!result.problems.empty()) {
    return FormatResult{std::string(input), std::move(result.problems)};
  }
  return FormatResult{std::string(input),
                      {Diagnostic{"fmt-meaning",
                                  Severity::error,
                                  "kpi fmt could not settle on one layout for this file; it is "
                                  "left as written (please report it)",
                                  {file, 1, 1},
                                  {}}}};
}

}  // namespace kpi
