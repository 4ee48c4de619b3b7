#pragma once
// Internal: CSV (RFC 4180) and TSV rows for the score and payout sheets.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kpi/render/text.hpp"

namespace kpi::render {

/// Writes cells of one row, text and numbers treated differently.
class RowWriter {
 public:
  RowWriter(std::ostream& out, char delimiter) : m_out(out), m_delimiter(delimiter) {}

  /// User text: guarded against formula injection, then quoted (csv) or flattened (tsv).
  void text(std::string_view value) {
    // A spreadsheet would run such a cell as a formula; the apostrophe makes it text.
    bool guard =
        !value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos;
    std::string cell(guard ? 1 : 0, '\'');
    cell.append(value.begin(), value.end());
    raw(m_delimiter == '\t' ? flatten(cell) : quote(cell));
  }
  void optional_text(const std::optional<std::string>& value) {
    text(value ? *value : std::string());
  }

  void number(const std::optional<double>& value) {
    raw(value ? render::plain_number(*value) : std::string());
  }
  void integer(const std::optional<int64_t>& value) {
    raw(value ? std::to_string(*value) : std::string());
  }
  void boolean(bool value) { raw(value ? "true" : "false"); }
  void empty() { raw({}); }

  void end_row() {
    m_out << '\n';
    m_first = true;
  }

 private:
  void raw(std::string_view cell) {
    if (!m_first) {
      m_out << m_delimiter;
    }
    m_first = false;
    m_out << cell;
  }

  std::string quote(const std::string& cell) const {
    if (cell.find_first_of(std::string{m_delimiter, '"', '\r', '\n'}) == std::string::npos) {
      return cell;
    }
    std::string out = "\"";
    for (char c : cell) {
      if (c == '"') {
        out += '"';
      }
      out += c;
    }
    return out + '"';
  }

  static std::string flatten(std::string cell) {
    for (char& c : cell) {
      if (c == '\t' || c == '\n' || c == '\r') {
        c = ' ';
      }
    }
    return cell;
  }

  std::ostream& m_out;
  char m_delimiter;
  bool m_first = true;
};

}  // namespace kpi::render
