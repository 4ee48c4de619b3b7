// Value cells with the source's marks, `strip` texts and accounting parentheses.

#include <cstddef>

#include "kpi/source/cells.hpp"

namespace kpi::source {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The cell with every `strip` text removed, and for each byte kept its offset in the
/// cell, so that errors point into the cell as the user sees it.
struct Stripped {
  std::string text;
  std::vector<size_t> origin;
};

Stripped strip_texts(std::string_view cell, const std::vector<std::string>& strip) {
  Stripped out;
  for (size_t i = 0; i < cell.size();) {
    size_t skip = 0;
    for (const std::string& s : strip) {
      if (!s.empty() && cell.substr(i, s.size()) == s) {
        skip = s.size();
        break;
      }
    }
    if (skip > 0) {
      i += skip;
      continue;
    }
    out.text += cell[i];
    out.origin.push_back(i);
    ++i;
  }
  return out;
}

bool is_space_at(std::string_view text, size_t i, size_t& width) {
  if (text[i] == ' ' || text[i] == '\t') {
    width = 1;
    return true;
  }
  if (text.substr(i, 2) == "\xC2\xA0") {
    width = 2;
    return true;
  }
  return false;
}

/// Scans a number from `text` (already stripped and trimmed), writing it plainly to
/// `plain` ([-]digits[.digits][e[+-]digits]); returns the offset of the first byte that
/// does not fit, or npos when it all fits.
class Scanner {
 public:
  Scanner(std::string_view text, const NumberFormat& format) : m_text(text), m_format(format) {}

  size_t scan(std::string& plain) {
    size_t end = m_text.size();
    bool parenthesised = false;
    if (!m_text.empty() && m_text.front() == '(') {
      if (m_text.back() != ')') {
        return m_text.size();
      }
      parenthesised = true;
      m_i = 1;
      end = m_text.size() - 1;
      plain += '-';
    }
    m_text = m_text.substr(0, end);
    if (m_i < m_text.size() && (m_text[m_i] == '+' || m_text[m_i] == '-')) {
      if (parenthesised) {
        return m_i;  // (−5) and (+5) say two things at once
      }
      if (m_text[m_i] == '-') {
        plain += '-';
      }
      ++m_i;
    }
    if (!integer_part(plain)) {
      return m_i;
    }
    if (m_i < m_text.size() && m_text[m_i] == m_format.decimal) {
      ++m_i;
      plain += '.';
      if (digits(plain) == 0) {
        return m_i;
      }
    }
    if (m_i < m_text.size() && (m_text[m_i] == 'e' || m_text[m_i] == 'E')) {
      ++m_i;
      plain += 'e';
      if (m_i < m_text.size() && (m_text[m_i] == '+' || m_text[m_i] == '-')) {
        plain += m_text[m_i++];
      }
      if (digits(plain) == 0) {
        return m_i;
      }
    }
    return m_i == m_text.size() ? std::string_view::npos : m_i;
  }

 private:
  size_t digits(std::string& plain) {
    const size_t start = m_i;
    while (m_i < m_text.size() && is_digit(m_text[m_i])) {
      plain += m_text[m_i++];
    }
    return m_i - start;
  }

  /// Digits, or with a thousands mark 1 to 3 digits and then groups of exactly three.
  bool integer_part(std::string& plain) {
    const size_t first = digits(plain);
    if (first == 0) {
      return false;
    }
    if (m_format.thousands == 0 || first > 3) {
      return true;
    }
    while (m_i < m_text.size() && m_text[m_i] == m_format.thousands) {
      const size_t group = m_i + 1;
      m_i = group;
      if (digits(plain) != 3) {
        m_i = group;  // a group of thousands has exactly three digits
        return false;
      }
    }
    return true;
  }

  std::string_view m_text;
  const NumberFormat& m_format;
  size_t m_i = 0;
};

}  // namespace

std::string_view trimmed(std::string_view text) {
  size_t width = 0;
  while (!text.empty() && is_space_at(text, 0, width)) {
    text.remove_prefix(width);
  }
  while (!text.empty()) {
    if (text.back() == ' ' || text.back() == '\t') {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

NumberParse parse_number_cell(std::string_view cell, const NumberFormat& format) {
  const Stripped stripped = strip_texts(cell, format.strip);
  const std::string_view all(stripped.text);
  const std::string_view text = trimmed(all);
  const size_t lead = static_cast<size_t>(text.data() - all.data());
  auto column_at = [&](size_t i) {
    const size_t at = lead + i;
    return static_cast<int>(at < stripped.origin.size() ? stripped.origin[at] + 1
                                                        : cell.size() + 1);
  };
  if (text.empty()) {
    return {std::nullopt, "the value is empty", 1};
  }
  std::string plain;
  const size_t bad = Scanner(text, format).scan(plain);
  if (bad != std::string_view::npos) {
    std::string message = "'" + std::string(trimmed(cell)) + "' is not a number";
    if (format.thousands == 0 && bad < text.size() && (text[bad] == ',' || text[bad] == '.') &&
        text[bad] != format.decimal) {
      message += std::string(" (the decimal mark is '") + format.decimal +
                 "'; set `decimal` or `thousands` for this source)";
    }
    return {std::nullopt, message, column_at(bad)};
  }
  std::optional<Decimal> value = parse_decimal_exact(plain);
  if (!value) {
    return {std::nullopt, "'" + std::string(text) + "' is out of range", column_at(0)};
  }
  return {value, "", 0};
}

}  // namespace kpi::source
