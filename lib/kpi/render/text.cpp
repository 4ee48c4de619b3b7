#include "kpi/render/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iterator>

#include "kpi/render/labels.hpp"

namespace kpi::render {

namespace {

struct Range {
  char32_t first;
  char32_t last;
};

/// Characters that take no column: combining marks (Vietnamese stacks tone marks on
/// vowels this way when text is decomposed), Hangul medial and final jamo, zero-width
/// spaces and joiners, direction marks, variation selectors. Sorted, not overlapping.
constexpr std::array k_zero_width = {
    Range{0x0300, 0x036F}, Range{0x0483, 0x0489},   Range{0x0591, 0x05BD},   Range{0x05BF, 0x05BF},
    Range{0x05C1, 0x05C2}, Range{0x05C4, 0x05C5},   Range{0x05C7, 0x05C7},   Range{0x0610, 0x061A},
    Range{0x064B, 0x065F}, Range{0x0670, 0x0670},   Range{0x06D6, 0x06DC},   Range{0x06DF, 0x06E4},
    Range{0x06E7, 0x06E8}, Range{0x06EA, 0x06ED},   Range{0x0E31, 0x0E31},   Range{0x0E34, 0x0E3A},
    Range{0x0E47, 0x0E4E}, Range{0x1160, 0x11FF},   Range{0x1AB0, 0x1AFF},   Range{0x1DC0, 0x1DFF},
    Range{0x200B, 0x200F}, Range{0x202A, 0x202E},   Range{0x2060, 0x2064},   Range{0x20D0, 0x20FF},
    Range{0x302A, 0x302D}, Range{0x3099, 0x309A},   Range{0xFE00, 0xFE0F},   Range{0xFE20, 0xFE2F},
    Range{0xFEFF, 0xFEFF}, Range{0xE0001, 0xE007F}, Range{0xE0100, 0xE01EF},
};

/// East Asian Wide and Fullwidth: Hangul initial jamo, CJK radicals, punctuation, kana
/// and ideographs, Yi, Hangul syllables, compatibility ideographs, fullwidth forms, the
/// common emoji blocks and the supplementary ideograph planes. Sorted, not overlapping.
constexpr std::array k_wide = {
    Range{0x1100, 0x115F},   Range{0x231A, 0x231B},   Range{0x2329, 0x232A},
    Range{0x2E80, 0x303E},   Range{0x3041, 0x33FF},   Range{0x3400, 0x4DBF},
    Range{0x4E00, 0x9FFF},   Range{0xA000, 0xA4CF},   Range{0xA960, 0xA97F},
    Range{0xAC00, 0xD7A3},   Range{0xF900, 0xFAFF},   Range{0xFE10, 0xFE19},
    Range{0xFE30, 0xFE6F},   Range{0xFF00, 0xFF60},   Range{0xFFE0, 0xFFE6},
    Range{0x1F300, 0x1F64F}, Range{0x1F680, 0x1F6FF}, Range{0x1F900, 0x1F9FF},
    Range{0x20000, 0x2FFFD}, Range{0x30000, 0x3FFFD},
};

template <size_t N>
bool in_table(const std::array<Range, N>& table, char32_t c) {
  auto it = std::upper_bound(table.begin(), table.end(), c,
                             [](char32_t value, const Range& r) { return value < r.first; });
  return it != table.begin() && c <= std::prev(it)->last;
}

int code_point_width(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
    return 0;  // control characters move nothing visible
  }
  if (in_table(k_zero_width, c)) {
    return 0;
  }
  return in_table(k_wide, c) ? 2 : 1;
}

/// Decodes one code point at `text[i]` and advances `i`; an invalid or truncated
/// sequence yields U+FFFD and consumes one byte, so decoding always makes progress.
char32_t next_code_point(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  size_t length = 0;
  char32_t c = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    c = lead & 0x1F;
    min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    c = lead & 0x0F;
    min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    c = lead & 0x07;
    min = 0x10000;
  }
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += length;
  return c;
}

}  // namespace

std::string plain_number(double value) {
  std::string text = fmt::format("{}", value);
  size_t e = text.find('e');
  if (!std::isfinite(value) || e == std::string::npos) {
    return text;
  }
  // Shortest digits from fmt, then the decimal point moved by hand.
  std::string sign = text[0] == '-' ? "-" : "";
  std::string mantissa = text.substr(sign.size(), e - sign.size());
  int exponent = std::atoi(text.c_str() + e + 1);
  size_t dot = mantissa.find('.');
  int point = static_cast<int>(dot == std::string::npos ? mantissa.size() : dot) + exponent;
  if (dot != std::string::npos) {
    mantissa.erase(dot, 1);
  }
  int digits = static_cast<int>(mantissa.size());
  if (point <= 0) {
    return sign + "0." + std::string(static_cast<size_t>(-point), '0') + mantissa;
  }
  if (point >= digits) {
    return sign + mantissa + std::string(static_cast<size_t>(point - digits), '0');
  }
  return sign + mantissa.substr(0, static_cast<size_t>(point)) + "." +
         mantissa.substr(static_cast<size_t>(point));
}

std::string human_number(double value, int max_decimals) {
  if (!std::isfinite(value)) {
    return fmt::format("{}", value);
  }
  std::string text = fmt::format("{:.{}f}", value, max_decimals);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return styled_number(std::move(text));
}

std::string styled_number(std::string text) {
  if (text[0] == '-' && text.find_first_not_of("0.", 1) == std::string::npos) {
    text.erase(0, 1);  // "-0" and "-0.00" read as zero
  }
  const NumberStyle& style = number_style();
  const size_t dot = text.find('.');
  if (dot != std::string::npos && style.decimal != ".") {
    text.replace(dot, 1, style.decimal);
  }
  const size_t begin = text[0] == '-' ? 1 : 0;
  const size_t end = std::min(dot, text.size());
  for (size_t k = end; k > begin + 3; k -= 3) {
    text.insert(k - 3, style.thousands);
  }
  return text;
}

int display_width(std::string_view utf8) {
  int width = 0;
  size_t i = 0;
  while (i < utf8.size()) {
    width += code_point_width(next_code_point(utf8, i));
  }
  return width;
}

std::string pad_right(std::string_view text, int width) {
  std::string out(text);
  out.append(static_cast<size_t>(std::max(0, width - display_width(text))), ' ');
  return out;
}

std::string pad_left(std::string_view text, int width) {
  std::string out(static_cast<size_t>(std::max(0, width - display_width(text))), ' ');
  out += text;
  return out;
}

std::string human_value(const std::optional<double>& value) {
  return value ? human_number(*value, 2) : std::string(k_dash);
}

std::string human_target(const std::optional<Target>& target) {
  if (!target) {
    return std::string(k_dash);
  }
  if (target->is_range) {
    return human_number(target->low, 2) + "\u2013" + human_number(target->high, 2);
  }
  return human_number(target->value(), 2);
}

std::string human_reward(const std::optional<Reward>& reward) {
  if (!reward) {
    return std::string(k_dash);
  }
  std::string text = reward->label + " \u00d7" + human_number(reward->multiplier, 4);
  if (reward->amount) {
    text += " = " + human_number(*reward->amount, 2);
  }
  return text;
}

std::string_view severity_name(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string where_and_message(const Diagnostic& d) {
  std::string text;
  if (!d.where.file.empty()) {
    text = d.where.file;
    if (d.where.line > 0) {
      text += fmt::format(":{}", d.where.line);
    }
    text += ": ";
  }
  text += d.message;
  if (!d.hint.empty()) {
    text += " (" + d.hint + ")";
  }
  return text;
}

std::string status_label(Status status) {
  return tr("status", std::string(to_string(status)).c_str());
}

std::string place_text(const SourceLocation& at) {
  if (!at.cell.empty()) {
    return at.file + ":" + at.cell;
  }
  return at.line > 0 ? at.file + ":" + std::to_string(at.line) : at.file;
}

const std::string& kpi_label(const KpiScore& k) { return k.name.empty() ? k.id : k.name; }

std::string entity_name(const ScoreResult& result, std::string_view id) {
  for (const EntityScore& e : result.entities) {
    if (e.id == id) {
      return e.name;
    }
  }
  return std::string(id);
}

std::string strip_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += ' ';  // U+0080..U+009F, e.g. the single-byte CSI U+009B
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace kpi::render
