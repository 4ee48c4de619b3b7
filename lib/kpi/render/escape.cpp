#include "kpi/render/escape.hpp"

#include <cstdint>

#include "kpi/render/labels.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/visible.hpp"

namespace kpi::render {

std::string html_escape(std::string_view raw) {
  const std::string text = strip_controls(raw);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const CodePoint cp = decode_utf8(text, i);
    const size_t n = cp.length;
    if (n == 0) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    if (is_noncharacter(cp.value)) {
      out += escape_code_point(cp.value);
      i += n;
      continue;
    }
    if (n > 1) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    switch (text[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += text[i];
    }
    ++i;
  }
  return out;
}

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const CodePoint cp = decode_utf8(text, i);
    if (cp.length == 0) {
      out += visible(text.substr(i, 1));
      ++i;
      continue;
    }
    const char32_t c = cp.value;
    if (c == '\t' || c == '\n' || c == '\r') {
      if (attribute || c == '\r') {
        out += "&#" + std::to_string(static_cast<int>(c)) + ";";
      } else {
        out += static_cast<char>(c);
      }
    } else if ((c <= 0x9F || is_noncharacter(c)) && !escape_code_point(c).empty()) {
      out += escape_code_point(c);
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&#39;";
    } else {
      out.append(text, i, cp.length);
    }
    i += cp.length;
  }
  return out;
}

/// Valid UTF-8: each byte that is not part of a valid sequence becomes U+FFFD.
std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = decode_utf8(text, i).length;
    if (n == 0) {
      out += "\uFFFD";
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

namespace {

/// Characters that start or end GFM inline markup anywhere in a line: code spans,
/// emphasis, strike-through, links and images, raw HTML and autolinks, entities, table
/// cells, GitHub's math, and the backslash itself.
bool is_inline_markup(char c) {
  return std::string_view("\\`*_~[]<>|&$").find(c) != std::string_view::npos;
}

/// Whether `text`, at the start of a line, would open a block instead of being text: a
/// heading (#), a quote (>), a list item ("- ", "+ ", "* ", "1. ", "2) "), a thematic
/// break ("---") or a setext underline ("==="). Returns the index of the character to
/// escape, or npos.
size_t block_opener(std::string_view text) {
  if (text.empty()) {
    return std::string_view::npos;
  }
  const char c = text[0];
  const bool then_space = text.size() == 1 || text[1] == ' ' || text[1] == '\t';
  if (c == '#' || c == '>') {
    return 0;
  }
  if ((c == '-' || c == '+') && then_space) {
    return 0;
  }
  if ((c == '-' || c == '=') && text.find_first_not_of(std::string{c, ' '}) == std::string::npos) {
    return 0;
  }
  size_t digits = 0;
  while (digits < text.size() && digits < 10 && text[digits] >= '0' && text[digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') &&
      (digits + 1 == text.size() || text[digits + 1] == ' ' || text[digits + 1] == '\t')) {
    return digits;
  }
  return std::string_view::npos;
}

/// GFM links bare "http://..." and "www." text; a backslash before the ':' or '.' stops it.
bool starts_autolink(std::string_view text, size_t i) {
  return (text[i] == ':' && text.substr(i + 1, 2) == "//") ||
         (text[i] == '.' && i >= 3 && text.substr(i - 3, 3) == "www");
}

}  // namespace

std::string md_escape(std::string_view raw) {
  const std::string text = valid_utf8(strip_controls(raw));
  const size_t opener = block_opener(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_inline_markup(c) || i == opener || starts_autolink(text, i)) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string md_table_head(std::initializer_list<const char*> titles) {
  std::string head = "|";
  std::string rule = "|";
  for (std::string_view title : titles) {
    const bool right = !title.empty() && title[0] == '>';
    if (right) {
      title.remove_prefix(1);
    }
    head += " " + md_escape(tr("column", std::string(title).c_str())) + " |";
    rule += right ? " ---: |" : " --- |";
  }
  return head + "\n" + rule + "\n";
}

}  // namespace kpi::render
