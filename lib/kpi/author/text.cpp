// Editing YAML as text: a new list item goes after the last line of its list, and every
// other byte (comments, order, blank lines) stays as the user wrote it.

#include <optional>

#include "kpi/author/author.hpp"
#include "kpi/error.hpp"

namespace kpi {

namespace {

struct Line {
  size_t begin = 0;  ///< first byte
  size_t end = 0;    ///< one past the last byte before the line break
  size_t next = 0;   ///< first byte of the next line
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end > begin && text[end - 1] == '\r') {
      --end;
    }
    lines.push_back({begin, end, next});
    begin = next;
  }
  return lines;
}

std::string_view content(std::string_view text, const Line& l) {
  return text.substr(l.begin, l.end - l.begin);
}

int indent_of(std::string_view line) {
  size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? static_cast<int>(line.size()) : static_cast<int>(n);
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool is_comment(std::string_view line) {
  size_t n = line.find_first_not_of(" \t");
  return n != std::string_view::npos && line[n] == '#';
}

bool is_item(std::string_view line) {
  std::string_view rest = line.substr(static_cast<size_t>(indent_of(line)));
  return rest == "-" || rest.rfind("- ", 0) == 0;
}

/// The value after `key:` of a top-level key line (comment dropped, trimmed), or none.
std::optional<std::string_view> top_level_value(std::string_view line, std::string_view key) {
  if (line.rfind(key, 0) != 0) {
    return std::nullopt;
  }
  std::string_view rest = line.substr(key.size());
  size_t colon = rest.find_first_not_of(' ');
  if (colon == std::string_view::npos || rest[colon] != ':' ||
      (colon + 1 < rest.size() && rest[colon + 1] != ' ' && rest[colon + 1] != '\t')) {
    return std::nullopt;
  }
  rest = rest.substr(colon + 1);
  size_t hash = rest.find(" #");
  rest = rest.substr(0, hash == std::string_view::npos ? rest.size() : hash);
  size_t first = rest.find_first_not_of(" \t");
  if (first == std::string_view::npos || rest[first] == '#') {
    return std::string_view();
  }
  size_t last = rest.find_last_not_of(" \t");
  return rest.substr(first, last - first + 1);
}

/// A top-level key and the block list under it.
struct BlockList {
  size_t key_line = 0;
  size_t last_line = 0;  ///< the list's last line of content (the key line when empty)
  int items = 0;
  YamlStyle style;
  bool blank_between = false;
};

std::optional<BlockList> find_block_list(std::string_view text, const std::vector<Line>& lines,
                                         std::string_view key) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::optional<std::string_view> value = top_level_value(content(text, lines[i]), key);
    if (!value) {
      continue;
    }
    BlockList list;
    list.key_line = i;
    list.last_line = i;
    bool blank_seen = false;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view line = content(text, lines[j]);
      if (is_blank(line)) {
        blank_seen = list.items > 0;
        continue;
      }
      const int indent = indent_of(line);
      if (is_comment(line)) {
        if (list.items > 0 && indent > list.style.item_indent) {
          list.last_line = j;
        }
        continue;
      }
      if (line.rfind("---", 0) == 0 || line.rfind("...", 0) == 0) {
        break;
      }
      if (list.items == 0 && is_item(line)) {
        list.style.item_indent = indent;
        size_t key_at = line.find_first_not_of(' ', static_cast<size_t>(indent) + 1);
        list.style.key_indent = key_at == std::string_view::npos || line[key_at] == '{'
                                    ? indent + 2
                                    : static_cast<int>(key_at);
      } else if (list.items == 0 || indent < list.style.item_indent ||
                 (indent == list.style.item_indent && !is_item(line))) {
        break;
      }
      if (indent == list.style.item_indent) {
        list.blank_between = list.blank_between || (blank_seen && list.items > 0);
        ++list.items;
      }
      blank_seen = false;
      list.last_line = j;
    }
    return list;
  }
  return std::nullopt;
}

std::string newline_of(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

/// Text up to and including line `line`, with a line break at its end.
std::string head_through(std::string_view text, const Line& line, const std::string& nl) {
  std::string out(text.substr(0, line.next));
  if (line.next == line.end) {
    out += nl;
  }
  return out;
}

Error layout_error(const std::string& file, const std::string& message) {
  return Error(Diagnostic{"bad-layout", Severity::error, message, {file, 0, 0}, {}});
}

}  // namespace

YamlStyle detect_style(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  YamlStyle style;
  style.newline = newline_of(text);
  for (std::string_view key : {"kpis", "units", "people", "frames", "rewards", "include"}) {
    std::optional<BlockList> list = find_block_list(text, lines, key);
    if (list && list->items > 0) {
      style.item_indent = list->style.item_indent;
      style.key_indent = list->style.key_indent;
      style.blank_between = list->items < 2 || list->blank_between;
      break;
    }
  }
  return style;
}

std::string insert_kpi(std::string_view text, const Kpi& kpi, const std::string& file) {
  const std::vector<Line> lines = split_lines(text);
  const YamlStyle style = detect_style(text);
  std::optional<BlockList> list = find_block_list(text, lines, "kpis");
  if (!list) {
    std::string out(text);
    if (!out.empty() && out.back() != '\n') {
      out += style.newline;
    }
    if (!lines.empty() && !is_blank(content(text, lines.back()))) {
      out += style.newline;
    }
    return out + "kpis:" + style.newline + render_kpi_yaml(kpi, style);
  }
  const Line& key_line = lines[list->key_line];
  std::string_view value = *top_level_value(content(text, key_line), "kpis");
  std::string out;
  size_t rest = 0;
  if (value == "[]" || value == "[ ]") {
    // An empty flow list becomes a block list: drop the brackets, keep any comment.
    // Drop the brackets and the spaces before them ("kpis:  # c" keeps its comment).
    std::string line(content(text, key_line));
    const size_t colon = line.find(':');
    line.erase(colon + 1,
               text.find(value, key_line.begin) - key_line.begin + value.size() - colon - 1);
    out = std::string(text.substr(0, key_line.begin)) + line + style.newline;
    rest = key_line.next;
  } else if (!value.empty()) {
    throw layout_error(file, "cannot add to 'kpis' in " + file +
                                 ": it is not a block list; write it as '- id: ...' items");
  } else {
    out = head_through(text, lines[list->last_line], style.newline);
    rest = lines[list->last_line].next;
  }
  if (list->items > 0 && style.blank_between) {
    out += style.newline;
  }
  return out + render_kpi_yaml(kpi, style) + std::string(text.substr(rest));
}

std::string add_include(std::string_view text, std::string_view pattern, const std::string& file) {
  const std::vector<Line> lines = split_lines(text);
  const YamlStyle style = detect_style(text);
  const std::string item = yaml_scalar(pattern);
  std::optional<BlockList> list = find_block_list(text, lines, "include");
  if (!list) {
    std::string out(text);
    if (!out.empty() && out.back() != '\n') {
      out += style.newline;
    }
    return out + "include: [" + item + "]" + style.newline;
  }
  const Line& key_line = lines[list->key_line];
  std::string_view value = *top_level_value(content(text, key_line), "include");
  if (value.empty()) {
    const int indent = list->items > 0 ? list->style.item_indent : style.item_indent;
    return head_through(text, lines[list->last_line], style.newline) +
           std::string(static_cast<size_t>(indent), ' ') + "- " + item + style.newline +
           std::string(text.substr(lines[list->last_line].next));
  }
  if (value.front() == '[' && value.back() == ']') {
    size_t close = text.find(value, key_line.begin) + value.size() - 1;
    const bool empty = value.find_first_not_of("[ ]") == std::string_view::npos;
    return std::string(text.substr(0, close)) + (empty ? "" : ", ") + item +
           std::string(text.substr(close));
  }
  throw layout_error(
      file, "cannot add to 'include' in " + file + ": it is not a list; write it as [glob, ...]");
}

}  // namespace kpi
