#include "kpi/render/visible.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "kpi/render/text.hpp"

namespace kpi::render {

namespace {

const char* const k_hex = "0123456789abcdef";

std::string hex_byte(unsigned char c) { return std::string("\\x") + k_hex[c >> 4] + k_hex[c & 15]; }

std::string hex_code_point(char32_t c) {
  std::string digits;
  for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) {
    digits += "0123456789ABCDEF"[(c >> shift) & 15];
  }
  return (c > 0xFFFF ? "\\U" : "\\u") + digits;
}

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

CodePoint decode_utf8(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t c = byte(i);
  std::size_t n = 0;
  char32_t cp = 0;
  if (c < 0x80) {
    return {c, 1};
  } else if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return {};
  }
  if (i + n > text.size()) {
    return {};
  }
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return {};
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {};
  }
  return {cp, n};
}

bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

std::string escape_code_point(char32_t c) {
  switch (c) {
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    default:
      break;
  }
  if (c < 0x20 || c == 0x7F) {
    return hex_byte(static_cast<unsigned char>(c));
  }
  if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c) || is_noncharacter(c)) {
    return hex_code_point(c);
  }
  return {};
}

std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode_utf8(text, i);
    if (cp.length == 0) {
      out += hex_byte(static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    std::string escaped = escape_code_point(cp.value);
    if (escaped.empty()) {
      out.append(text, i, cp.length);
    } else {
      out += escaped;
    }
    i += cp.length;
  }
  return out;
}

LineWindow line_window(std::string_view line, int column, int width) {
  const std::size_t target = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  const std::size_t span = static_cast<std::size_t>(width);
  // Characters in the line, counted no further than the window could reach.
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.size() && count <= target + span;) {
    const CodePoint cp = decode_utf8(line, i);
    i += cp.length == 0 ? 1 : cp.length;
    ++count;
  }
  // The whole line when it fits; else the column in the middle, or the line's end in view.
  std::size_t first = 0;
  if (count > span) {
    first = target > span / 2 ? target - span / 2 : 0;
    first = std::min(first, count - span);
  }
  // Byte offsets of the characters shown: a stray byte counts as one character.
  std::vector<std::size_t> starts;  // starts[k]: byte offset of character first + k
  std::size_t index = 0;
  std::size_t i = 0;
  bool more = false;
  while (i < line.size()) {
    if (index >= first) {
      if (starts.size() == span) {
        more = true;
        break;
      }
      starts.push_back(i);
    }
    const CodePoint cp = decode_utf8(line, i);
    i += cp.length == 0 ? 1 : cp.length;
    ++index;
  }
  starts.push_back(i);  // the end of the last character shown
  LineWindow window;
  if (first > 0) {
    window.text = "\u2026";
  }
  const std::size_t caret_at = target - first;  // index within the window
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    if (k == caret_at) {
      window.caret = display_width(window.text);
    }
    window.text += visible(line.substr(starts[k], starts[k + 1] - starts[k]));
  }
  if (caret_at + 1 >= starts.size()) {  // the column is at or past the end of the line
    window.caret = display_width(window.text) + static_cast<int>(caret_at + 1 - starts.size());
  }
  if (more) {
    window.text += "\u2026";
  }
  return window;
}

}  // namespace kpi::render
