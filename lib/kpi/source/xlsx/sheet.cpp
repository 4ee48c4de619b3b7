// SheetReader: the sheet's XML parsed a block at a time; the rows a block completes wait
// in a small queue for next(). Cells sit at their r reference; a cell is placed by its
// tag's place in the tree (worksheet > sheetData > row > c > v | is), so elements of the
// same local name elsewhere (extensions) are never mistaken for cells.

#include <algorithm>
#include <charconv>
#include <optional>

#include "kpi/period/period.hpp"
#include "kpi/source/xlsx.hpp"
#include "kpi/source/xlsx/parts.hpp"
#include "kpi/source/xlsx/xml.hpp"

namespace kpi::xlsx {

namespace detail {
/// What an element is, by its place in the tree. Not in the anonymous namespace: Impl
/// holds it, and g++ warns (-Wsubobject-linkage) when a unity build includes this file.
enum class Tag : uint8_t { other, sheet_data, row, cell, value, inline_string, run, text };
}  // namespace detail

namespace {

using detail::Tag;

using detail::fail;

/// Serial numbers of the 1904 date system are 1,462 days behind the 1900 system's.
constexpr double k_days_1904 = 1462;
/// The most text one row's cells may hold together.
constexpr size_t k_max_row_bytes = size_t{64} << 20;

const std::string& find_sheet(const std::string& path, const detail::Workbook& book,
                              const std::string& sheet, std::string& part) {
  if (book.sheets.empty()) {
    fail(path, "'" + path + "' has no sheets");
  }
  for (const detail::SheetPart& s : book.sheets) {
    if (sheet.empty() || s.name == sheet) {
      part = s.part;
      return s.name;
    }
  }
  std::string names;
  std::vector<std::string> sheets;
  for (const detail::SheetPart& s : book.sheets) {
    names += (names.empty() ? "'" : ", '") + s.name + "'";
    sheets.push_back(s.name);
  }
  throw MissingSheet(
      Diagnostic{"source-file",
                 Severity::error,
                 "'" + path + "' has no sheet '" + sheet + "'; its sheets are " + names,
                 SourceLocation(path),
                 {}},
      std::move(sheets));
}

}  // namespace

struct SheetReader::Impl final : detail::XmlHandler {
  Impl(const std::string& path, const std::string& sheet)
      : m_path(path),
        m_archive(path),
        m_book(detail::read_workbook(m_archive)),
        m_name(find_sheet(path, m_book, sheet, m_part)) {
    for (const detail::SheetPart& s : m_book.sheets) {
      m_names.push_back(s.name);
    }
    if (!m_book.shared_strings.empty()) {
      m_strings = detail::read_shared_strings(m_archive, m_book.shared_strings);
    }
    if (!m_book.styles.empty()) {
      m_dates = detail::read_date_styles(m_archive, m_book.styles);
    }
    m_parser.emplace(m_archive, m_part, detail::k_sheet_limit, *this);
  }

  // ---- the queue of finished rows
  bool next(Row& row) {
    while (m_head == m_count) {
      // Every parsed row is taken: start the queue over, with the row that the previous
      // block left half parsed (if any) in the first slot.
      if (m_row != nullptr && m_row != &m_ready[0]) {
        std::swap(*m_row, m_ready[0]);
        m_row = &m_ready[0];
      }
      m_head = m_count = 0;
      if (m_finished) {
        return false;
      }
      // The last step (end of the part) may still complete rows: they are taken first.
      try {
        m_finished = !m_parser->step();
      } catch (...) {
        m_finished = true;  // a failure ends the sheet: no row after it is given out
        m_count = 0;
        throw;
      }
    }
    std::swap(row, m_ready[m_head++]);
    return true;
  }

  // ---- the parser's events
  void start(int depth, std::string_view name, const char** attributes) override {
    const Tag parent = depth >= 2 ? m_tags[depth - 1] : Tag::other;
    Tag tag = Tag::other;
    if (depth == 2 && name == "sheetData") {
      tag = Tag::sheet_data;
    } else if (parent == Tag::sheet_data && name == "row") {
      tag = Tag::row;
      start_row(attributes);
    } else if (parent == Tag::row && name == "c") {
      tag = Tag::cell;
      start_cell(attributes);
    } else if (parent == Tag::cell && name == "v") {
      tag = Tag::value;
      m_has_value = true;
    } else if (parent == Tag::cell && name == "is") {
      tag = Tag::inline_string;
      m_has_inline = true;
    } else if (parent == Tag::inline_string && name == "r") {
      tag = Tag::run;
    } else if ((parent == Tag::inline_string || parent == Tag::run) && name == "t") {
      tag = Tag::text;
    }
    m_tags[depth] = tag;
    m_collect = tag == Tag::value || tag == Tag::text;
  }

  void end(int depth) override {
    const Tag tag = m_tags[depth];
    m_collect = false;
    if (tag == Tag::cell) {
      end_cell();
    } else if (tag == Tag::row) {
      end_row();
    }
  }

  void text(std::string_view piece) override {
    if (!m_collect) {
      return;
    }
    if (m_raw.size() + piece.size() > detail::k_max_cell_bytes) {
      fail_cell("holds more than 1 MiB of text");
    }
    m_raw += piece;
  }

  void start_row(const char** attributes) {
    const char* r = detail::attribute(attributes, "r");
    const int64_t number =
        r != nullptr ? detail::parse_row_number(m_path, m_name, r) : m_row_number + 1;
    if (number <= m_row_number) {
      fail(m_path, "'" + m_path + "' is corrupt: " + m_name + ": row " + std::to_string(number) +
                       " comes after row " + std::to_string(m_row_number));
    }
    if (number > k_max_rows) {
      fail(m_path, "'" + m_path + "' is corrupt: " + m_name + ": more than Excel's 1,048,576 rows");
    }
    m_previous_row = m_row_number;
    m_row_number = number;
    m_row_counted = r == nullptr;
    if (m_count == m_ready.size()) {
      m_ready.emplace_back();
    }
    m_row = &m_ready[m_count];
    m_row->number = number;
    m_used = 0;
    m_row_bytes = 0;
    m_column = -1;
  }

  void start_cell(const char** attributes) {
    const char* r = detail::attribute(attributes, "r");
    int column = m_column + 1;
    if (r != nullptr) {
      const detail::CellRef ref = detail::parse_cell_ref(m_path, m_name, r);
      if (ref.row != m_row_number && m_row_counted && m_column < 0 && ref.row > m_previous_row) {
        m_row_number = ref.row;  // a row without r= is where its first cell says
        m_row->number = ref.row;
      }
      if (ref.row != m_row_number) {
        fail(m_path,
             "'" + m_path + "' is corrupt: " + m_name + "!" + cell_ref(ref.column, ref.row) +
                 " stands in row " + std::to_string(m_row_number),
             m_row_number, ref.column + 1);
      }
      column = ref.column;
    }
    if (column >= k_max_columns) {
      fail(m_path,
           "'" + m_path + "' is corrupt: " + m_name + ": row " + std::to_string(m_row_number) +
               " has a cell beyond column XFD",
           m_row_number, 0);
    }
    if (column <= m_column) {
      fail(m_path,
           "'" + m_path + "' is corrupt: " + m_name + "!" + cell_ref(column, m_row_number) +
               " comes after " + cell_ref(m_column, m_row_number),
           m_row_number, column + 1);
    }
    m_column = column;
    const char* t = detail::attribute(attributes, "t");
    m_type = t != nullptr ? t : "n";
    const char* s = detail::attribute(attributes, "s");
    m_date_style = false;
    if (s != nullptr) {
      // A style index beyond cellXfs is a plain number, as spreadsheet programs show it.
      size_t index = 0;
      const std::string_view v(s);
      const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
      m_date_style = ec == std::errc() && ptr == v.data() + v.size() && index < m_dates.size() &&
                     m_dates[index];
    }
    m_has_value = false;
    m_has_inline = false;
    m_raw.clear();
  }

  void end_cell();
  void end_row() {
    m_row->cells.resize(m_used);
    if (m_used > 0) {
      ++m_count;
    }
    m_row = nullptr;
  }

  [[noreturn]] void fail_cell(const std::string& why) const {
    fail(m_path,
         "'" + m_path + "' is corrupt: " + m_name + "!" + cell_ref(m_column, m_row_number) + " " +
             why,
         m_row_number, m_column + 1);
  }

  Cell& add_cell(Cell::Type type) {
    if (m_used == m_row->cells.size()) {
      m_row->cells.emplace_back();
    }
    Cell& cell = m_row->cells[m_used++];
    cell.column = m_column;
    cell.type = type;
    return cell;
  }

  void add_text(std::string_view raw) {
    Cell& cell = add_cell(Cell::Type::text);
    cell.text.clear();
    detail::append_unescaped(cell.text, raw);
  }

  std::string m_path;
  detail::ZipArchive m_archive;
  detail::Workbook m_book;
  std::string m_part;
  std::string m_name;
  std::vector<std::string> m_names;
  detail::SharedStrings m_strings;
  std::vector<bool> m_dates;
  std::optional<detail::XmlParser> m_parser;
  bool m_finished = false;  // the parser has read the whole part

  Tag m_tags[detail::k_max_depth + 1] = {};
  bool m_collect = false;
  // The rows parsed and not yet taken: m_ready[m_head, m_count); the slots keep their
  // storage from row to row.
  std::vector<Row> m_ready;
  size_t m_head = 0;
  size_t m_count = 0;
  Row* m_row = nullptr;  // the row being parsed (a slot of m_ready), or null
  size_t m_used = 0;     // its cells so far
  size_t m_row_bytes = 0;
  int64_t m_row_number = 0;
  int64_t m_previous_row = 0;
  bool m_row_counted = false;  // the row has no r=
  int m_column = -1;
  // The cell being parsed.
  std::string m_type;
  bool m_date_style = false;
  bool m_has_value = false;
  bool m_has_inline = false;
  std::string m_raw;
};

void SheetReader::Impl::end_cell() {
  if (m_row == nullptr) {
    return;
  }
  const std::string_view type = m_type;
  if (type == "inlineStr" && m_has_inline) {
    add_text(m_raw);
  } else if (!m_has_value) {
    return;  // no value: the cell is empty
  } else if (type == "n") {
    if (m_raw.empty()) {
      return;
    }
    Cell& cell = add_cell(m_date_style ? Cell::Type::date : Cell::Type::number);
    cell.text = m_raw;
    if (m_date_style && m_book.date1904) {
      double serial = 0;
      const auto [ptr, ec] = std::from_chars(m_raw.data(), m_raw.data() + m_raw.size(), serial);
      if (ec == std::errc() && ptr == m_raw.data() + m_raw.size()) {
        char buffer[64];
        const auto out = std::to_chars(buffer, buffer + sizeof buffer, serial + k_days_1904);
        cell.text.assign(buffer, out.ptr);
      }
    }
  } else if (type == "s") {
    size_t index = 0;
    const auto [ptr, ec] = std::from_chars(m_raw.data(), m_raw.data() + m_raw.size(), index);
    if (m_raw.empty() || ec != std::errc() || ptr != m_raw.data() + m_raw.size()) {
      fail_cell("names shared string '" + m_raw.substr(0, 32) + "', which is not a number");
    }
    if (index >= m_strings.size()) {
      fail_cell("names shared string " + m_raw + ", but the workbook has " +
                std::to_string(m_strings.size()));
    }
    add_cell(Cell::Type::text).text = m_strings.at(index);
  } else if (type == "str" || type == "inlineStr") {
    add_text(m_raw);
  } else if (type == "b") {
    if (m_raw != "0" && m_raw != "1" && m_raw != "true" && m_raw != "false") {
      fail_cell("is a boolean holding '" + m_raw.substr(0, 32) + "'");
    }
    add_cell(Cell::Type::boolean).text = m_raw == "1" || m_raw == "true" ? "TRUE" : "FALSE";
  } else if (type == "e") {
    add_cell(Cell::Type::error).text = m_raw;
  } else if (type == "d") {
    // An ISO 8601 date (strict OOXML and some writers): its day as a 1900-system serial.
    const std::string_view v = m_raw;
    const std::optional<Date> day = parse_date(v.substr(0, 10));
    if (!day || (v.size() > 10 && v[10] != 'T' && v[10] != ' ')) {
      fail_cell("is a date holding '" + m_raw.substr(0, 32) + "', which is not YYYY-MM-DD");
    }
    const int serial = day->days - make_date(1899, 12, 30).days;
    add_cell(Cell::Type::date).text = std::to_string(serial < 61 ? serial - 1 : serial);
  } else {
    fail_cell("has an unknown type t=\"" + m_type.substr(0, 32) + "\"");
  }
  m_row_bytes += m_row->cells[m_used - 1].text.size();
  if (m_row_bytes > k_max_row_bytes) {
    fail_cell("ends a row of more than 64 MiB of text");
  }
}

SheetReader::SheetReader(const std::string& path, const std::string& sheet)
    : m_impl(std::make_unique<Impl>(path, sheet)) {}
SheetReader::~SheetReader() = default;
SheetReader::SheetReader(SheetReader&&) noexcept = default;
SheetReader& SheetReader::operator=(SheetReader&&) noexcept = default;

const std::string& SheetReader::sheet_name() const { return m_impl->m_name; }
const std::vector<std::string>& SheetReader::sheet_names() const { return m_impl->m_names; }
bool SheetReader::next(Row& row) { return m_impl->next(row); }

}  // namespace kpi::xlsx
