#pragma once
// Excel workbooks (.xlsx) read one sheet row by row (sources.md, "Dates", "Positions"):
// the sheet's XML is streamed out of the zip container, so memory follows the widest row,
// the shared strings and the styles, never the number of rows. libzip and expat stay in
// the .cpp files of xlsx/.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"

namespace kpi::xlsx {

/// One cell that the sheet holds (a cell without a value is not a Cell).
struct Cell {
  int column = 0;  ///< 0-based: A = 0, XFD = 16383
  /// `date` is a number cell whose style has a date number format (built-in ids 14 to 22
  /// and 45 to 47, or a custom code with d, m or y outside quotes, brackets and escapes).
  enum class Type { text, number, date, boolean, error };
  Type type = Type::text;
  /// text: the string (shared, inline, or a formula's cached string) exactly as written,
  ///   spaces and line breaks kept (with or without xml:space), rich text runs joined,
  ///   phonetic runs left out, OOXML's `_xHHHH_` escapes decoded (`_x000D_` is a CR); number and
  ///   date: the value as stored ("46326", "1250000.5", "1.5E-3"; a date in a 1904-based workbook
  ///   or an ISO `t="d"` cell is given as its serial number in the 1900 date system); boolean:
  ///   "TRUE" or "FALSE"; error: the error's text ("#N/A").
  std::string text;
};

/// A row that holds at least one cell.
struct Row {
  int64_t number = 0;       ///< 1-based: the row's `r`, or counted on when it has none
  std::vector<Cell> cells;  ///< the cells present, by ascending column
};

/// The workbook has no sheet of the name asked for: a kpi::Error like the others, which
/// also carries the sheets it does have, so that a caller can point at the name asked
/// for and suggest the nearest.
class MissingSheet : public Error {
 public:
  MissingSheet(Diagnostic d, std::vector<std::string> sheets)
      : Error(std::move(d)), sheets(std::move(sheets)) {}
  std::vector<std::string> sheets;
};

/// One sheet of a workbook, read forward. Every failure throws kpi::Error (exit status 1,
/// rule "source-file") whose message names the file: not a zip archive or not a
/// workbook, a sheet that does not exist (the message lists the sheets that do), corrupt
/// XML (the message names the part), a part larger than its limit (4 GiB of sheet XML,
/// 512 MiB of shared strings: a zip bomb), or a cell that cannot be (a reference beyond
/// XFD or row 1,048,576, a shared string that does not exist). An error about a cell
/// names it as `Sheet!C17` and has the row as its line and the 1-based column as its
/// column.
class SheetReader {
 public:
  /// Opens `path` and finds the sheet named `sheet` (exactly as written in the workbook);
  /// an empty name is the first sheet. Reads the shared strings and styles; the sheet's
  /// own XML is read as next() asks for rows.
  SheetReader(const std::string& path, const std::string& sheet);
  ~SheetReader();
  SheetReader(const SheetReader&) = delete;
  SheetReader& operator=(const SheetReader&) = delete;
  SheetReader(SheetReader&&) noexcept;
  SheetReader& operator=(SheetReader&&) noexcept;

  /// The sheet's name as the workbook spells it.
  const std::string& sheet_name() const;

  /// The names of every sheet, in workbook order.
  const std::vector<std::string>& sheet_names() const;

  /// The next row that has at least one cell, into `row` (its storage is reused); false
  /// at the end of the sheet. Rows come in ascending order: a row or cell that goes back
  /// is an error. After a failure the reader is at its end (next() returns false).
  bool next(Row& row);

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

/// A cell's reference: (2, 17) is "C17". `column` is 0-based, `row` 1-based.
std::string cell_ref(int column, int64_t row);

/// A column's letters to its 0-based index: "A" is 0, "C" 2, "XFD" 16383; none for
/// anything else (empty, lower case, not letters, beyond XFD).
std::optional<int> column_index(std::string_view letters);

/// Excel's limits: 16,384 columns (A to XFD) and 1,048,576 rows.
inline constexpr int k_max_columns = 16384;
inline constexpr int64_t k_max_rows = 1048576;

}  // namespace kpi::xlsx
