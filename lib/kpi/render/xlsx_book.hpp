#pragma once
// Internal: an Excel workbook written with libxlsxwriter, for the score, report and payout
// workbooks. Cells hold real numbers and dates with display formats; user text is made
// safe for the sheet's XML; each table gets a bold frozen header row, an autofilter and
// column widths that fit its cells. The workbook is returned as bytes, so the caller
// decides where it goes (and writes it atomically).

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/period/period.hpp"
#include "kpi/score/score.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kpi::render {

/// How a number cell reads in the spreadsheet; its value is always the number itself.
enum class CellFormat {
  text,          ///< user text
  header,        ///< a table's bold header
  number,        ///< thousands separated: 2,100,000,000 when whole, else 87.50
  integer,       ///< (what `number` becomes for a whole value)
  total,         ///< fixed decimals (settings.precision): 82.50
  percent,       ///< a value already in percent (achievement, coverage): 105.00 %
  fraction,      ///< a share from 0 to 1 shown as percent (active share): 48.39%
  multiplier,    ///< 1 to 4 decimals: 1.0, 1.5, 0.125
  date,          ///< yyyy-mm-dd
  bold_number,   ///< a sum row
  bold_integer,  ///< (what `bold_number` becomes for a whole value)
  title,         ///< the sheet's heading
};
inline constexpr size_t k_cell_formats = 12;

class XlsxBook;

class XlsxSheet {
 public:
  void text(uint32_t row, uint16_t col, std::string_view value,
            CellFormat format = CellFormat::text);
  void optional_text(uint32_t row, uint16_t col, const std::optional<std::string>& value);
  /// An empty cell for null.
  void number(uint32_t row, uint16_t col, const std::optional<double>& value, CellFormat format);
  void date(uint32_t row, uint16_t col, Date value);
  /// =SUM(col first_row..last_row) with the sum kpi computed as its cached value, so that
  /// readers without a calculation engine see the same number.
  void sum(uint32_t row, uint16_t col, uint32_t first_row, uint32_t last_row, double value);
  /// Bold titles on `row`, frozen above the rows that follow.
  void header(uint32_t row, const std::vector<std::string_view>& titles);
  /// An autofilter over header_row..last_row, and every column as wide as its widest cell.
  void finish_table(uint32_t header_row, uint32_t last_row, uint16_t columns);
  /// Column widths to fit what was written (for a sheet without a table).
  void fit_columns();

 private:
  friend class XlsxBook;
  XlsxSheet(XlsxBook& book, lxw_worksheet* sheet) : m_book(book), m_sheet(sheet) {}
  void widen(uint16_t col, size_t width);

  XlsxBook& m_book;
  lxw_worksheet* m_sheet;
  std::vector<size_t> m_widths;
};

class XlsxBook {
 public:
  /// A workbook whose document properties say `title` and `created` (the as-of date, so
  /// that the same inputs give the same file).
  XlsxBook(const std::string& title, Date created);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  /// A sheet named `name` (at most 31 characters, as Excel allows).
  XlsxSheet& add_sheet(const std::string& name);
  /// Closes the workbook and returns its bytes. Throws Error (exit 2) when it cannot be
  /// written.
  std::string finish();

 private:
  friend class XlsxSheet;
  lxw_format* format(CellFormat f) const { return m_formats[static_cast<size_t>(f)]; }

  std::string m_path;  ///< the temporary file libxlsxwriter writes
  std::string m_title;
  lxw_workbook* m_book = nullptr;
  std::array<lxw_format*, k_cell_formats> m_formats{};
  std::vector<std::unique_ptr<XlsxSheet>> m_sheets;
};

/// Shared by the score and report workbooks: the heading and period lines on rows 0-1,
/// the entity table (Totals) and the entity-and-KPI table (KPIs) from `header_row` on.
void write_period_lines(XlsxSheet& sheet, const std::string& heading, const Period& period,
                        Date as_of);
void write_totals_sheet(XlsxSheet& sheet, const ScoreResult& result, uint32_t header_row);
/// `compared` (may be null): a Change column, the score against the compared period's.
void write_kpi_sheet(XlsxSheet& sheet, const ScoreResult& result, uint32_t header_row,
                     const ScoreResult* compared = nullptr);

}  // namespace kpi::render
