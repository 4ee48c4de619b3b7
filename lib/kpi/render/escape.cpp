#include "kpi/render/escape.hpp"

#include <cstdint>

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

std::string md_escape(std::string_view raw) {
  std::string out;
  for (char c : valid_utf8(strip_controls(raw))) {
    switch (c) {
      case '\\':
      case '|':
      case '<':
      case '>':
      case '`':
      case '[':
      case ']':
      case '*':
        out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

}  // namespace kpi::render
