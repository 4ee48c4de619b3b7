#include "kpi/yaml/node_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "kpi/util/quote.hpp"
#include "kpi/util/suggest.hpp"

namespace kpi::yaml {

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += (i == 0 ? "" : ", ") + words[i];
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Skips a run of digits from `i`; false when there is none.
bool skip_digits(std::string_view text, std::size_t& i) {
  std::size_t start = i;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
  }
  return i > start;
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    ++i;
  }
  if (!skip_digits(text, i)) {
    return std::nullopt;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!skip_digits(text, i)) {
      return std::nullopt;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    if (!skip_digits(text, i)) {
      return std::nullopt;
    }
  }
  if (i != text.size()) {
    return std::nullopt;
  }
  // from_chars takes no leading '+'.
  std::string_view digits = text[0] == '+' ? text.substr(1) : text;
  double value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string_view describe(const Node& node) {
  switch (node.Type()) {
    case NodeType::scalar:
      return "a string";
    case NodeType::sequence:
      return "a list";
    case NodeType::map:
      return "a mapping";
    default:
      return "nothing";
  }
}

SourceLocation NodeReader::location(const Node& node) const { return location(node.Mark()); }

SourceLocation NodeReader::location(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) {
    return {m_file, 0, 0};
  }
  // yaml-cpp counts bytes; the line's bytes before the mark are `column` bytes back from
  // `pos`. Characters are the bytes that do not continue a UTF-8 sequence.
  int column = mark.column + 1;
  const auto pos = static_cast<std::size_t>(mark.pos);
  const auto back = static_cast<std::size_t>(mark.column);
  if (mark.pos >= 0 && back <= pos && pos <= m_text.size()) {
    column = 1;
    for (std::size_t i = pos - back; i < pos; ++i) {
      column += (static_cast<unsigned char>(m_text[i]) & 0xC0) == 0x80 ? 0 : 1;
    }
  }
  return {m_file, mark.line + 1, column};
}

char NodeReader::first_char(const Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= m_text.size()) {
    return 0;
  }
  return m_text[static_cast<std::size_t>(mark.pos)];
}

void NodeReader::report(std::string rule, const SourceLocation& where, std::string message,
                        std::string hint, Severity severity) {
  m_out.push_back(
      Diagnostic{std::move(rule), severity, std::move(message), where, std::move(hint)});
}

bool NodeReader::is_plain(const Node& node) const { return node.IsPlain(); }

void NodeReader::wrong_type(const Node& node, const std::string& what, const SourceLocation& at,
                            std::string_view expected) {
  std::string message = what + " must be " + std::string(expected) + ", not ";
  if (node.IsNull()) {
    message = what + " is empty; write " + std::string(expected);
  } else if (node.IsScalar()) {
    bool numeric = parse_decimal(node.Scalar()).has_value();
    if (!is_plain(node) && numeric) {
      message += "the quoted string \"" + cut(node.Scalar()) + "\"; remove the quotes";
    } else {
      message += "the string " + quote(node.Scalar());
    }
  } else {
    message += describe(node);
  }
  report("wrong-type", at, std::move(message));
}

std::optional<std::string> NodeReader::string(const Node& node, const std::string& what,
                                              const SourceLocation& at) {
  if (!node.IsScalar()) {
    wrong_type(node, what, at, "a string");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> NodeReader::number(const Node& node, const std::string& what,
                                         const SourceLocation& at) {
  if (node.IsScalar() && is_plain(node)) {
    if (std::optional<double> value = parse_decimal(node.Scalar())) {
      return value;
    }
  }
  wrong_type(node, what, at, "a decimal number (such as 40 or 12.5)");
  return std::nullopt;
}

std::optional<int> NodeReader::whole_number(const Node& node, const std::string& what,
                                            const SourceLocation& at) {
  if (node.IsScalar() && is_plain(node)) {
    std::optional<double> value = parse_decimal(node.Scalar());
    if (value && std::floor(*value) == *value && std::fabs(*value) < 1e9) {
      return static_cast<int>(*value);
    }
  }
  wrong_type(node, what, at, "a whole number");
  return std::nullopt;
}

std::vector<std::pair<std::string, SourceLocation>> NodeReader::string_list(
    const Node& node, const std::string& what, const SourceLocation& at) {
  std::vector<std::pair<std::string, SourceLocation>> out;
  if (node.IsScalar()) {
    out.emplace_back(node.Scalar(), at);
    return out;
  }
  if (!node.IsSequence()) {
    wrong_type(node, what, at, "a string or a list of strings");
    return out;
  }
  for (const Node& item : node) {
    SourceLocation where = location(item);
    if (std::optional<std::string> text = string(item, "each entry of " + what, where)) {
      out.emplace_back(*text, where);
    }
  }
  return out;
}

std::vector<Node> NodeReader::sequence(const Node& node, const std::string& what,
                                       const SourceLocation& at) {
  std::vector<Node> out;
  if (node.IsNull()) {
    return out;
  }
  if (!node.IsSequence()) {
    wrong_type(node, what, at, "a list");
    return out;
  }
  for (const Node& item : node) {
    out.push_back(item);
  }
  return out;
}

std::optional<std::size_t> NodeReader::choice(const Node& node, const std::string& what,
                                              const SourceLocation& at,
                                              const std::vector<std::string>& words) {
  std::optional<std::string> text = string(node, what, at);
  if (!text) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == *text) {
      return i;
    }
  }
  report("bad-value", at, what + " must be one of " + join(words) + ", not " + quote(*text),
         did_you_mean(*text, words));
  return std::nullopt;
}

std::optional<std::string> NodeReader::id(const Node& node, const std::string& what,
                                          const SourceLocation& at) {
  std::optional<std::string> text = string(node, what, at);
  if (text && !is_valid_id(*text)) {
    report("bad-id", at,
           quote(*text) +
               " is not a valid id: use lower-case letters, digits, '_', '.' and '-', "
               "starting with a letter or digit, at most 64 characters");
    // Kept cut: every later message that names this (already refused) id stays short.
    *text = cut(*text);
  }
  return text;
}

MapReader::MapReader(NodeReader& reader, const Node& node, std::string context,
                     const std::vector<std::string>& keys, const SourceLocation& at)
    : m_reader(reader), m_context(std::move(context)) {
  m_pos.mapping = at;
  if (!node.IsMap()) {
    std::string message = m_context + " must be a mapping (key: value lines), not ";
    message += node.IsScalar() ? "the string " + quote(node.Scalar()) : std::string(describe(node));
    reader.report("wrong-type", at, std::move(message));
    return;
  }
  m_is_map = true;
  // Every key, known or not, for duplicates: the line it was first written on. The
  // views point into the document, which outlives this loop.
  std::map<std::string_view, int> seen;
  for (const auto& entry : node.entries()) {
    Node key_node = entry.first;
    Node value = entry.second;
    SourceLocation key_at = reader.location(key_node);
    if (!key_node.IsScalar()) {
      reader.report("wrong-type", key_at,
                    "a key in " + m_context + " must be a plain word, not " +
                        std::string(describe(key_node)));
      continue;
    }
    const std::string& key = key_node.Scalar();
    if (auto first = seen.find(key); first != seen.end()) {
      reader.report("duplicate-key", key_at,
                    "duplicate key " + quote(key) + " in " + m_context +
                        " (first written on line " + std::to_string(first->second) +
                        "); remove one of them");
      continue;
    }
    seen.emplace(key, key_at.line);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string hint = did_you_mean(key, keys);
      if (hint.empty()) {
        hint = "known keys: " + join(keys);
      }
      reader.report("unknown-key", key_at, "unknown key " + quote(key) + " in " + m_context,
                    std::move(hint));
      continue;
    }
    SourceLocation value_at = reader.location(value);
    // An empty value has no mark of its own (yaml-cpp points at the next token).
    if (value.IsNull() && (value_at.line != key_at.line || value_at.line == 0)) {
      value_at = key_at;
    }
    m_pos.set(key, key_at, value_at);
    m_values.emplace_back(key, value);
    m_order.push_back(key);
  }
}

Node MapReader::get(const std::string& key) const {
  for (const auto& [name, value] : m_values) {
    if (name == key) {
      return value;
    }
  }
  return Node();
}

bool MapReader::require(const std::string& key, const std::string& owner_text) {
  if (has(key) || !m_is_map) {
    return has(key);
  }
  m_reader.report("missing-field", m_pos.mapping,
                  owner_text + " lacks the required key '" + key + "'; add '" + key + ": ...'");
  return false;
}

}  // namespace kpi::yaml
