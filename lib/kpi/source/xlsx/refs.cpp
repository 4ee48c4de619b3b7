// Cell references (A1 style) and OOXML's _xHHHH_ escapes.

#include <algorithm>

#include "kpi/source/xlsx.hpp"
#include "kpi/source/xlsx/parts.hpp"

namespace kpi::xlsx {

std::string cell_ref(int column, int64_t row) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::optional<int> column_index(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) {
    return std::nullopt;
  }
  int n = 0;
  for (const char c : letters) {
    if (c < 'A' || c > 'Z') {
      return std::nullopt;
    }
    n = n * 26 + (c - 'A' + 1);
  }
  if (n > k_max_columns) {
    return std::nullopt;
  }
  return n - 1;
}

}  // namespace kpi::xlsx

namespace kpi::xlsx::detail {

namespace {

/// A reference as it may be quoted in a message: hostile files can hold long ones.
std::string shown(std::string_view ref) {
  return "'" + std::string(ref.substr(0, 32)) + (ref.size() > 32 ? "...'" : "'");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

/// The code unit of an `_xHHHH_` escape at `text[i]`, or -1.
int escape_at(std::string_view text, size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') {
    return -1;
  }
  int unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int h = hex_value(text[k]);
    if (h < 0) {
      return -1;
    }
    unit = unit * 16 + h;
  }
  return unit;
}

void append_utf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

[[noreturn]] void fail_ref(const std::string& path, const std::string& sheet, std::string_view ref,
                           const std::string& why) {
  fail(path, "'" + path + "' is corrupt: " + sheet + ": cell reference " + shown(ref) + " " + why);
}

enum class RowNumber { ok, malformed, out_of_range };

/// Digits only (no sign, no spaces), 1 to 1,048,576.
RowNumber row_number(std::string_view r, int64_t& row) {
  if (r.empty() || r.size() > 18) {
    return r.empty() ? RowNumber::malformed
                     : (std::all_of(r.begin(), r.end(), is_digit) ? RowNumber::out_of_range
                                                                  : RowNumber::malformed);
  }
  row = 0;
  for (const char c : r) {
    if (!is_digit(c)) {
      return RowNumber::malformed;
    }
    row = row * 10 + (c - '0');
  }
  return row >= 1 && row <= k_max_rows ? RowNumber::ok : RowNumber::out_of_range;
}

}  // namespace

void append_unescaped(std::string& out, std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = text.find("_x", i);
    if (at == std::string_view::npos) {
      break;
    }
    out.append(text.substr(i, at - i));
    const int unit = escape_at(text, at);
    if (unit < 0) {
      out += '_';
      i = at + 1;
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int low = escape_at(text, at + 7);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((static_cast<uint32_t>(unit) - 0xD800) << 10) +
                             (static_cast<uint32_t>(low) - 0xDC00));
        i = at + 14;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      out.append(text.substr(at, 7));  // a lone surrogate: kept as written
    } else {
      append_utf8(out, static_cast<uint32_t>(unit));
    }
    i = at + 7;
  }
  out.append(text.substr(i));
}

CellRef parse_cell_ref(const std::string& path, const std::string& sheet, std::string_view ref) {
  size_t i = 0;
  while (i < ref.size() && is_upper(ref[i])) {
    ++i;
  }
  const size_t letters = i;
  int64_t row = 0;
  const RowNumber status = row_number(ref.substr(letters), row);
  if (letters == 0 || status == RowNumber::malformed) {
    fail_ref(path, sheet, ref, "is not a cell reference");
  }
  const std::optional<int> column = column_index(ref.substr(0, letters));
  if (!column) {
    fail_ref(path, sheet, ref, "is beyond column XFD");
  }
  if (status == RowNumber::out_of_range) {
    fail_ref(path, sheet, ref, "is outside Excel's rows 1 to 1,048,576");
  }
  return CellRef{*column, row};
}

int64_t parse_row_number(const std::string& path, const std::string& sheet, std::string_view r) {
  int64_t row = 0;
  const RowNumber status = row_number(r, row);
  if (status == RowNumber::malformed) {
    fail(path,
         "'" + path + "' is corrupt: " + sheet + ": row number " + shown(r) + " is not a number");
  }
  if (status == RowNumber::out_of_range) {
    fail(path, "'" + path + "' is corrupt: " + sheet + ": row " + shown(r) +
                   " is outside Excel's rows 1 to 1,048,576");
  }
  return row;
}

}  // namespace kpi::xlsx::detail
