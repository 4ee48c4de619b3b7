#pragma once
// The parts of a workbook that a sheet needs, read whole before its rows: where each
// sheet is, the shared strings, which styles are dates. Private to lib/kpi/source/xlsx/.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/source/xlsx/zip.hpp"

namespace kpi::xlsx::detail {

/// How many bytes each part may inflate to (zip bombs): the sheet's XML, the shared
/// strings table, and every other part (workbook, relationships, styles).
inline constexpr uint64_t k_sheet_limit = uint64_t{4} << 30;
inline constexpr uint64_t k_strings_limit = uint64_t{512} << 20;
inline constexpr uint64_t k_small_limit = uint64_t{64} << 20;
/// The longest text one cell may hold: Excel's 32,767 characters, 4 bytes each at most,
/// with room for producers that write a little more.
inline constexpr size_t k_max_cell_bytes = size_t{1} << 20;

struct SheetPart {
  std::string name;  ///< as the workbook spells it
  std::string part;  ///< the zip entry, "xl/worksheets/sheet1.xml"
};

struct Workbook {
  std::vector<SheetPart> sheets;  ///< in workbook order
  std::string shared_strings;     ///< the part, or empty when the workbook has none
  std::string styles;             ///< the part, or empty
  bool date1904 = false;          ///< serial numbers count from 1904-01-01
};

/// _rels/.rels, the workbook part and its relationships. Throws for a zip archive that is
/// not a workbook.
Workbook read_workbook(const ZipArchive& archive);

/// The shared strings table: every string in one buffer (rich text runs concatenated,
/// phonetic runs left out, escapes decoded).
class SharedStrings {
 public:
  size_t size() const { return m_ends.size(); }
  std::string_view at(size_t i) const {
    const size_t begin = i == 0 ? 0 : m_ends[i - 1];
    return std::string_view(m_pool).substr(begin, m_ends[i] - begin);
  }
  void add(std::string_view text) {
    m_pool += text;
    m_ends.push_back(m_pool.size());
  }

 private:
  std::string m_pool;
  std::vector<size_t> m_ends;
};

SharedStrings read_shared_strings(const ZipArchive& archive, const std::string& part);

/// For each cell format (cellXfs, by index): whether its number format is a date.
std::vector<bool> read_date_styles(const ZipArchive& archive, const std::string& part);

/// The built-in number formats that are dates: 14 to 22 and 45 to 47.
bool is_builtin_date_format(long id);

/// A custom number format code is a date when it has d, m or y (either case) outside
/// "quoted text", [brackets] (colours, conditions, locales, elapsed times), and the
/// character after \ (escape), _ (space as wide as) or * (repeat).
bool is_date_format_code(std::string_view code);

/// Appends `text` with OOXML's escapes decoded: `_xHHHH_` (four hex digits) is the UTF-16
/// code unit HHHH, as UTF-8; a surrogate pair written as two escapes is one character; a
/// lone surrogate and anything else is kept as written. So `_x000D_` is a carriage return
/// and `_x005F_x000D_` the literal text `_x000D_`.
void append_unescaped(std::string& out, std::string_view text);

/// A cell reference such as "C17": 0-based column and 1-based row. Throws (naming the
/// reference) when it is malformed or beyond XFD or row 1,048,576.
struct CellRef {
  int column = 0;
  int64_t row = 0;
};
CellRef parse_cell_ref(const std::string& path, const std::string& sheet, std::string_view ref);

/// A row's `r`: 1 to 1,048,576, else throws.
int64_t parse_row_number(const std::string& path, const std::string& sheet, std::string_view r);

}  // namespace kpi::xlsx::detail
