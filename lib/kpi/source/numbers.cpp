// Value cells with the source's marks, `strip` texts and accounting parentheses.

#include <cstddef>
#include <cstdint>
#include <optional>

#include "kpi/source/cells.hpp"
#include "kpi/util/quote.hpp"

namespace kpi::source {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The length of the `strip` text that starts at `cell[i]`, or 0.
size_t strip_at(std::string_view cell, size_t i, const std::vector<std::string>& strip) {
  for (const std::string& s : strip) {
    if (!s.empty() && cell.substr(i, s.size()) == s) {
      return s.size();
    }
  }
  return 0;
}

/// The cell with every `strip` text removed, into `out` (a value cell is short: no
/// allocation).
void strip_texts(std::string_view cell, const std::vector<std::string>& strip, std::string& out) {
  out.clear();
  for (size_t i = 0; i < cell.size();) {
    const size_t skip = strip_at(cell, i, strip);
    if (skip > 0) {
      i += skip;
    } else {
      out += cell[i++];
    }
  }
}

/// The offset in `cell` of byte `kept` of the stripped text (the cell's end past it), so
/// that an error points into the cell as the user sees it. Only errors need it.
size_t origin_of(std::string_view cell, const std::vector<std::string>& strip, size_t kept) {
  size_t seen = 0;
  for (size_t i = 0; i < cell.size();) {
    const size_t skip = strip_at(cell, i, strip);
    if (skip > 0) {
      i += skip;
      continue;
    }
    if (seen++ == kept) {
      return i;
    }
    ++i;
  }
  return cell.size();
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

constexpr double k_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/// 10^(18 - decimals): what turns a number with `decimals` decimals into units of 10^-18.
constexpr uint64_t k_scales[] = {1000000000000000000ULL,
                                 100000000000000000ULL,
                                 10000000000000000ULL,
                                 1000000000000000ULL,
                                 100000000000000ULL,
                                 10000000000000ULL,
                                 1000000000000ULL,
                                 100000000000ULL,
                                 10000000000ULL,
                                 1000000000ULL,
                                 100000000ULL,
                                 10000000ULL,
                                 1000000ULL,
                                 100000ULL,
                                 10000ULL,
                                 1000ULL,
                                 100ULL,
                                 10ULL,
                                 1ULL};

/// The value of an already stripped and trimmed cell of the common shape: optional sign
/// or parentheses, digits (grouped by the thousands mark), optional fraction, no
/// exponent, at most 15 significant digits and 18 decimals. Nullopt for anything else,
/// which the full scan then reads or reports. Equal to the full scan's result: below
/// 2^53 both the digits and 10^k are exact doubles, so one division rounds correctly, as
/// from_chars does.
std::optional<Decimal> parse_plain_number(std::string_view text, const NumberFormat& format) {
  size_t i = 0;
  size_t end = text.size();
  bool negative = false;
  if (end > 0 && text[0] == '(') {
    if (text[end - 1] != ')') {
      return std::nullopt;
    }
    negative = true;
    i = 1;
    --end;
  } else if (end > 0 && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    i = 1;
  }
  uint64_t mantissa = 0;
  int digits = 0;  // significant digits, leading zeros left out
  size_t run = 0;  // digits since the last thousands mark (or the start)
  bool grouped = false;
  const size_t first = i;
  for (; i < end && text[i] != format.decimal; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += (mantissa != 0 || c != '0') ? 1 : 0;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      ++run;
    } else if (format.thousands != 0 && c == format.thousands && run > 0 &&
               (grouped ? run == 3 : run <= 3)) {
      grouped = true;
      run = 0;
    } else {
      return std::nullopt;
    }
  }
  if (i == first || run == 0 || (grouped && run != 3) || digits > 15) {
    return std::nullopt;
  }
  int decimals = 0;
  if (i < end) {
    for (++i; i < end; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9' || decimals == 18) {
        return std::nullopt;
      }
      digits += (mantissa != 0 || c != '0') ? 1 : 0;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      ++decimals;
    }
    if (decimals == 0 || digits > 15) {
      return std::nullopt;
    }
  }
  const double value = static_cast<double>(mantissa) / k_powers_of_ten[decimals];
  const Int128 scaled = static_cast<Int128>(mantissa) * k_scales[decimals];
  return Decimal{negative ? -value : value, true, negative ? -scaled : scaled};
}

}  // namespace

std::string_view trimmed_edges(std::string_view text) {
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
  // Without strip texts the cell is read where it lies: no copy.
  std::string stripped;
  std::string_view all = cell;
  if (!format.strip.empty()) {
    strip_texts(cell, format.strip, stripped);
    all = stripped;
  }
  const std::string_view text = trimmed(all);
  const size_t lead = static_cast<size_t>(text.data() - all.data());
  auto column_at = [&](size_t i) {
    return static_cast<int>(origin_of(cell, format.strip, lead + i) + 1);
  };
  if (text.empty()) {
    return {std::nullopt, "the value is empty", 1};
  }
  if (std::optional<Decimal> fast = parse_plain_number(text, format)) {
    return {fast, "", 0};
  }
  std::string plain;
  const size_t bad = Scanner(text, format).scan(plain);
  if (bad != std::string_view::npos) {
    std::string message = quote(trimmed(cell)) + " is not a number";
    if (format.thousands == 0 && bad < text.size() && (text[bad] == ',' || text[bad] == '.') &&
        text[bad] != format.decimal) {
      message += std::string(" (the decimal mark is '") + format.decimal +
                 "'; set `decimal` or `thousands` for this source)";
    }
    return {std::nullopt, message, column_at(bad)};
  }
  std::optional<Decimal> value = parse_decimal_exact(plain);
  if (!value) {
    return {std::nullopt, quote(text) + " is out of range", column_at(0)};
  }
  return {value, "", 0};
}

}  // namespace kpi::source
