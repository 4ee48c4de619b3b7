#include "kpi/yaml/format_trivia.hpp"

#include <algorithm>

namespace kpi::yaml {

namespace {

/// A mapping pair or a block list item, where its trivia attach.
struct Entry {
  int32_t line;
  int depth;
  bool pair;
  int32_t pos;
  int column;  ///< the key's, or the item's dash
};

/// A quoted or block scalar: the scanner skips its text.
struct Special {
  int32_t pos;
  char style;         ///< '"', '\'', '|' or '>'
  int parent_indent;  ///< block scalars: the column its lines must be indented past
};

struct Comment {
  int32_t line;
  int column;  ///< code points
  int indent;  ///< the spaces that start its line
  bool own_line;
  std::string text;
};

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// The column of the '-' that introduces the block list item at `pos`.
int dash_column(std::string_view text, int32_t pos, int fallback) {
  for (int32_t i = pos - 1; i >= 0 && text[static_cast<size_t>(i)] != '\n'; --i) {
    if (text[static_cast<size_t>(i)] == '-') {
      int32_t start = i;
      while (start > 0 && text[static_cast<size_t>(start) - 1] != '\n') {
        --start;
      }
      return i - start;
    }
  }
  return fallback;
}

class Walker {
 public:
  explicit Walker(std::string_view text) : m_text(text) {}

  void walk(const Node& node, int depth, int parent_indent) {
    const YAML::Mark mark = node.Mark();
    const char first = at(mark.pos);
    if (node.IsScalar()) {
      if (first == '"' || first == '\'' || first == '|' || first == '>') {
        specials.push_back({mark.pos, first, parent_indent});
      }
      return;
    }
    const bool block = first != '[' && first != '{';
    if (node.IsMap()) {
      for (const auto& [key, value] : node.entries()) {
        const YAML::Mark key_mark = key.Mark();
        if (block && !key.Mark().is_null()) {
          entries.push_back({key_mark.line, depth, true, key_mark.pos, key_mark.column});
        }
        walk(key, depth + 1, key_mark.column);
        walk(value, depth + 1, key_mark.column);
      }
    } else if (node.IsSequence()) {
      for (const Node& item : node) {
        const YAML::Mark item_mark = item.Mark();
        const int dash = dash_column(m_text, item_mark.pos, item_mark.column - 2);
        if (block && !item.IsNull()) {
          entries.push_back({item_mark.line, depth, false, item_mark.pos, dash});
        }
        walk(item, depth + 1, dash);
      }
    }
  }

  std::vector<Entry> entries;
  std::vector<Special> specials;

 private:
  char at(int32_t pos) const {
    return pos >= 0 && static_cast<size_t>(pos) < m_text.size() ? m_text[static_cast<size_t>(pos)]
                                                                : '\0';
  }
  std::string_view m_text;
};

/// The offset just past a quoted scalar starting at `start`.
size_t end_of_quoted(std::string_view text, size_t start) {
  const char quote = text[start];
  for (size_t i = start + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return text.size();
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : m_text(text) {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_line_starts.push_back(i + 1);
      }
    }
    m_covered.assign(m_line_starts.size(), false);
  }

  void scan(std::vector<Special> specials, FileTrivia& out) {
    std::sort(specials.begin(), specials.end(),
              [](const Special& a, const Special& b) { return a.pos < b.pos; });
    size_t next = 0;
    size_t i = 0;
    while (i < m_text.size()) {
      while (next < specials.size() && static_cast<size_t>(specials[next].pos) < i) {
        ++next;
      }
      if (next < specials.size() && static_cast<size_t>(specials[next].pos) == i) {
        const Special& special = specials[next];
        i = special.style == '|' || special.style == '>' ? skip_block(special, out)
                                                         : skip_quoted(i);
        continue;
      }
      if (m_text[i] == '#' && (i == 0 || is_blank_char(m_text[i - 1]) || m_text[i - 1] == '\n')) {
        i = take_comment(i);
        continue;
      }
      ++i;
    }
  }

  std::vector<Comment> comments;

  /// Whitespace-only lines outside quoted and block scalars.
  std::vector<int32_t> blank_lines() const {
    std::vector<int32_t> out;
    for (size_t line = 0; line < m_line_starts.size(); ++line) {
      if (m_covered[line]) {
        continue;
      }
      std::string_view text = line_text(line);
      if (std::all_of(text.begin(), text.end(), is_blank_char) &&
          !(line + 1 == m_line_starts.size() && text.empty())) {
        out.push_back(static_cast<int32_t>(line));
      }
    }
    return out;
  }

 private:
  size_t line_of(size_t pos) const {
    return static_cast<size_t>(std::upper_bound(m_line_starts.begin(), m_line_starts.end(), pos) -
                               m_line_starts.begin()) -
           1;
  }
  size_t line_end(size_t line) const {
    return line + 1 < m_line_starts.size() ? m_line_starts[line + 1] - 1 : m_text.size();
  }
  std::string_view line_text(size_t line) const {
    return m_text.substr(m_line_starts[line], line_end(line) - m_line_starts[line]);
  }

  size_t skip_quoted(size_t start) {
    const size_t end = end_of_quoted(m_text, start);
    for (size_t line = line_of(start) + 1; line <= line_of(end > 0 ? end - 1 : 0); ++line) {
      m_covered[line] = true;
    }
    return end;
  }

  size_t take_comment(size_t start) {
    const size_t line = line_of(start);
    const size_t end = line_end(line);
    std::string_view before = m_text.substr(m_line_starts[line], start - m_line_starts[line]);
    std::string text(m_text.substr(start, end - start));
    while (!text.empty() && is_blank_char(text.back())) {
      text.pop_back();
    }
    comments.push_back(
        Comment{static_cast<int32_t>(line), static_cast<int>(display_width(before)),
                static_cast<int>(std::min(before.find_first_not_of(' '), before.size())),
                std::all_of(before.begin(), before.end(), is_blank_char), std::move(text)});
    return end;
  }

  /// Past a block scalar's header and lines; keeps them when kpi fmt can re-indent them.
  size_t skip_block(const Special& special, FileTrivia& out) {
    const size_t start = static_cast<size_t>(special.pos);
    const size_t header_line = line_of(start);
    const size_t header_end = line_end(header_line);
    size_t header_stop = header_end;
    for (size_t i = start; i < header_end; ++i) {
      if (m_text[i] == '#' && is_blank_char(m_text[i - 1])) {
        header_stop = i;
        take_comment(i);
        break;
      }
    }
    std::string header(m_text.substr(start, header_stop - start));
    while (!header.empty() && is_blank_char(header.back())) {
      header.pop_back();
    }
    std::vector<std::string_view> lines;
    size_t last = header_line;  // the last line that holds text of the scalar
    for (size_t line = header_line + 1; line < m_line_starts.size(); ++line) {
      std::string_view text = line_text(line);
      const size_t indent = text.find_first_not_of(' ');
      const bool blank = std::all_of(text.begin(), text.end(), is_blank_char);
      if (!blank &&
          (indent == std::string_view::npos || static_cast<int>(indent) <= special.parent_indent)) {
        break;
      }
      lines.push_back(text);
      if (!blank) {
        last = line;
      }
    }
    lines.resize(last - header_line);  // trailing blank lines are not the scalar's
    for (size_t line = header_line + 1; line <= last; ++line) {
      m_covered[line] = true;
    }
    // An indentation indicator or keep chomping ('+') ties the value to the layout.
    const bool keepable = header.find_first_of("+0123456789") == std::string::npos;
    if (keepable) {
      size_t indent = std::string_view::npos;
      for (std::string_view text : lines) {
        if (!std::all_of(text.begin(), text.end(), is_blank_char)) {
          indent = std::min(indent, text.find_first_not_of(' '));
        }
      }
      BlockScalar block{header, {}};
      for (std::string_view text : lines) {
        std::string kept = std::all_of(text.begin(), text.end(), is_blank_char)
                               ? ""
                               : std::string(text.substr(indent));
        if (!kept.empty() && kept.back() == '\r') {
          kept.pop_back();
        }
        block.lines.push_back(std::move(kept));
      }
      out.blocks.emplace(special.pos, std::move(block));
    }
    return last + 1 < m_line_starts.size() ? m_line_starts[last + 1] : m_text.size();
  }

  std::string_view m_text;
  std::vector<size_t> m_line_starts;
  std::vector<bool> m_covered;
};

Trivia& trivia_of(FileTrivia& out, const Entry& entry) {
  return entry.pair ? out.pairs[entry.pos] : out.items[entry.pos];
}

/// Runs of blank lines as one; none at the start of the file.
void collapse_blanks(std::vector<std::string>& lines, bool at_file_start) {
  std::vector<std::string> kept;
  for (std::string& line : lines) {
    const bool blank = line.empty();
    if (blank && ((kept.empty() && at_file_start) || (!kept.empty() && kept.back().empty()))) {
      continue;
    }
    kept.push_back(std::move(line));
  }
  lines = std::move(kept);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

FileTrivia collect_trivia(std::string_view text, const Tree& tree) {
  FileTrivia out;
  Walker walker(text);
  walker.walk(tree.root(), 0, -1);
  Scanner scanner(text);
  scanner.scan(std::move(walker.specials), out);

  std::vector<Entry>& entries = walker.entries;
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.line != b.line ? a.line < b.line : a.depth < b.depth;
  });
  auto first_after = [&](int32_t line) {
    return std::upper_bound(entries.begin(), entries.end(), line,
                            [](int32_t l, const Entry& e) { return l < e.line; });
  };
  // An end-of-line comment ends the line of the innermost entry that starts there (or
  // the last one before it); a second one on the same entry goes before it. Comment lines
  // right under it, at its column, continue it.
  std::vector<bool> taken(scanner.comments.size(), false);
  for (std::size_t i = 0; i < scanner.comments.size(); ++i) {
    const Comment& comment = scanner.comments[i];
    if (comment.own_line) {
      continue;
    }
    auto after = first_after(comment.line);
    if (after == entries.begin()) {
      continue;  // before any entry: an own-line comment of the first one, below
    }
    Trivia& trivia = trivia_of(out, *(after - 1));
    taken[i] = true;
    if (!trivia.end_comment.empty()) {
      trivia.before.push_back(comment.text);
      continue;
    }
    trivia.end_comment = comment.text;
    trivia.end_column = comment.column - comment.indent;
    for (std::size_t j = i + 1; j < scanner.comments.size(); ++j) {
      const Comment& next = scanner.comments[j];
      if (!next.own_line || next.line != scanner.comments[j - 1].line + 1 ||
          next.column != comment.column) {
        break;
      }
      trivia.end_more.push_back(next.text);
      taken[j] = true;
    }
  }
  // Own-line comments and blank lines, in line order, go before the next entry.
  // A comment indented past the next entry (or at the end of the file) closes the block
  // above it: it goes after the last entry before it that is not indented further.
  struct Line {
    int32_t line;
    std::string text;
    int column = -1;  ///< comments: their column
  };
  std::vector<Line> own;
  for (std::size_t i = 0; i < scanner.comments.size(); ++i) {
    if (!taken[i]) {
      own.push_back(
          {scanner.comments[i].line, scanner.comments[i].text, scanner.comments[i].column});
    }
  }
  for (int32_t line : scanner.blank_lines()) {
    own.push_back({line, "", -1});
  }
  std::stable_sort(own.begin(), own.end(),
                   [](const Line& a, const Line& b) { return a.line < b.line; });
  for (Line& line : own) {
    auto next = first_after(line.line);
    const int next_column = next == entries.end() ? 0 : next->column;
    if (line.column > next_column && next != entries.begin()) {
      auto owner = next;
      while (owner != entries.begin() && (owner - 1)->column > line.column) {
        --owner;
      }
      if (owner != entries.begin()) {
        trivia_of(out, *(owner - 1)).after.push_back(std::move(line.text));
        continue;
      }
    }
    if (next == entries.end()) {
      out.tail.push_back(std::move(line.text));
    } else {
      trivia_of(out, *next).before.push_back(std::move(line.text));
    }
  }
  bool first = true;
  for (const Entry& entry : entries) {
    collapse_blanks(trivia_of(out, entry).before, first);
    first = false;
  }
  collapse_blanks(out.tail, entries.empty());
  while (!out.tail.empty() && out.tail.back().empty()) {
    out.tail.pop_back();
  }
  return out;
}

}  // namespace kpi::yaml
