#pragma once
// User text made safe to show: on a terminal (no escape sequence reaches it), in XML and
// HTML (no character those formats forbid), and always as valid UTF-8.

#include <cstddef>
#include <string>
#include <string_view>

namespace kpi::render {

/// One decoded UTF-8 sequence: its code point and its length in bytes; length 0 when the
/// bytes at the position are not valid UTF-8 (overlong, surrogate, cut short, > U+10FFFF).
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};
CodePoint decode_utf8(std::string_view text, std::size_t i);

/// U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE...).
bool is_noncharacter(char32_t c);

/// How `visible` writes one code point when it must: "\x1b" for C0 controls and DEL,
/// "\t" "\n" "\r" for those three, "\u009b" for C1 and bidirectional controls and for
/// noncharacters ("\uFFFE"); empty when the character is shown as it is.
std::string escape_code_point(char32_t c);

/// `text` with every control character, bidirectional override and noncharacter written
/// as an escape (see escape_code_point) and every byte that is not UTF-8 as "\xNN": one
/// line of valid UTF-8 that can move no cursor and change no colour.
std::string visible(std::string_view text);

/// A window of at most `width` characters of a source line around 1-based `column` (a
/// code point index), made visible, with "…" where the line was cut; `caret` is the number
/// of terminal columns before the character at `column` in `text`.
struct LineWindow {
  std::string text;
  int caret = 0;
};
LineWindow line_window(std::string_view line, int column, int width = 80);

}  // namespace kpi::render
