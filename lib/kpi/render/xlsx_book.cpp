#include "kpi/render/xlsx_book.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kpi/error.hpp"
#include "kpi/render/labels.hpp"
#include "kpi/render/text.hpp"
#include "kpi/render/visible.hpp"

namespace kpi::render {

namespace {

/// Excel keeps at most 32,767 characters in a cell; libxlsxwriter refuses longer text.
constexpr size_t k_max_cell_bytes = 32767;
constexpr size_t k_max_width = 60;

[[noreturn]] void fail_workbook(const std::string& what) {
  throw usage_error("unwritable", "cannot write the workbook: " + what);
}

/// Text a sheet's XML can hold: controls, noncharacters and broken UTF-8 made visible
/// ("\x1b"), cut on a character boundary to what a cell holds.
std::string cell_text(std::string_view value) {
  std::string text = visible(value);
  if (text.size() > k_max_cell_bytes) {
    size_t cut = k_max_cell_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    text.resize(cut);
  }
  return text;
}

CellFormat shown_as(CellFormat format, double value) {
  const bool whole = std::nearbyint(value) == value;
  if (whole && format == CellFormat::number) {
    return CellFormat::integer;
  }
  if (whole && format == CellFormat::bold_number) {
    return CellFormat::bold_integer;
  }
  return format;
}

lxw_datetime datetime_of(Date d) {
  const YearMonthDay ymd = to_ymd(d);
  return lxw_datetime{ymd.year, ymd.month, ymd.day, 0, 0, 0};
}

}  // namespace

XlsxBook::XlsxBook(const std::string& title, Date created) : m_title(cell_text(title)) {
  std::string pattern = (std::filesystem::temp_directory_path() / "kpi-xlsx-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    fail_workbook(std::strerror(errno));
  }
  ::close(fd);
  m_path = pattern;
  m_book = workbook_new(m_path.c_str());
  if (m_book == nullptr) {
    ::unlink(m_path.c_str());
    fail_workbook("libxlsxwriter could not start it");
  }
  const auto add = [&](CellFormat f, const char* number_format, bool bold) {
    lxw_format* format = workbook_add_format(m_book);
    if (number_format != nullptr) {
      format_set_num_format(format, number_format);
    }
    if (bold) {
      format_set_bold(format);
    }
    m_formats[static_cast<size_t>(f)] = format;
  };
  add(CellFormat::text, nullptr, false);
  add(CellFormat::header, nullptr, true);
  // Whole numbers without a decimal point ("#,##0.##" would show "12,000,000."); others
  // with two places. The cell holds the full number either way.
  add(CellFormat::number, "#,##0.00", false);
  add(CellFormat::integer, "#,##0", false);
  add(CellFormat::total, "#,##0.00", false);
  add(CellFormat::percent, "#,##0.00\" %\"", false);
  add(CellFormat::fraction, "0.00%", false);
  add(CellFormat::multiplier, "0.0###", false);
  add(CellFormat::date, "yyyy-mm-dd", false);
  add(CellFormat::bold_number, "#,##0.00", true);
  add(CellFormat::bold_integer, "#,##0", true);
  add(CellFormat::title, nullptr, true);
  format_set_font_size(format(CellFormat::title), 14);
  // The as-of date, not the clock: the same inputs give the same workbook.
  lxw_datetime when = datetime_of(created);
  std::tm tm{};
  tm.tm_year = when.year - 1900;
  tm.tm_mon = when.month - 1;
  tm.tm_mday = when.day;
  lxw_doc_properties properties{};
  properties.title = m_title.data();
  properties.created = timegm(&tm);
  workbook_set_properties(m_book, &properties);
}

XlsxBook::~XlsxBook() {
  if (m_book != nullptr) {
    workbook_close(m_book);
  }
  if (!m_path.empty()) {
    ::unlink(m_path.c_str());
  }
}

XlsxSheet& XlsxBook::add_sheet(const std::string& name) {
  // Excel's limit is 31 characters; cut on a character boundary.
  const std::string label = tr("sheet", name.c_str());
  size_t cut = std::min<size_t>(label.size(), 31);
  while (cut > 0 && cut < label.size() && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  lxw_worksheet* sheet = workbook_add_worksheet(m_book, label.substr(0, cut).c_str());
  if (sheet == nullptr) {
    fail_workbook("no sheet '" + name + "'");
  }
  m_sheets.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(*this, sheet)));
  return *m_sheets.back();
}

std::string XlsxBook::finish() {
  const lxw_error status = workbook_close(m_book);
  m_book = nullptr;
  if (status != LXW_NO_ERROR) {
    fail_workbook(lxw_strerror(status));
  }
  std::ifstream in(m_path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    fail_workbook("cannot read back " + m_path);
  }
  return bytes.str();
}

void XlsxSheet::widen(uint16_t col, size_t width) {
  if (m_widths.size() <= col) {
    m_widths.resize(col + 1u, 0);
  }
  m_widths[col] = std::max(m_widths[col], width);
}

void XlsxSheet::text(uint32_t row, uint16_t col, std::string_view value, CellFormat format) {
  const std::string text = cell_text(value);
  worksheet_write_string(m_sheet, row, col, text.c_str(), m_book.format(format));
  if (format != CellFormat::title) {
    widen(col, static_cast<size_t>(display_width(text)));
  }
}

void XlsxSheet::optional_text(uint32_t row, uint16_t col, const std::optional<std::string>& value) {
  if (value) {
    text(row, col, *value);
  }
}

void XlsxSheet::number(uint32_t row, uint16_t col, const std::optional<double>& value,
                       CellFormat format) {
  if (!value) {
    return;
  }
  worksheet_write_number(m_sheet, row, col, *value, m_book.format(shown_as(format, *value)));
  widen(col, human_number(*value, 2).size() + 2);
}

void XlsxSheet::date(uint32_t row, uint16_t col, Date value) {
  lxw_datetime when = datetime_of(value);
  worksheet_write_datetime(m_sheet, row, col, &when, m_book.format(CellFormat::date));
  widen(col, 10);
}

void XlsxSheet::sum(uint32_t row, uint16_t col, uint32_t first_row, uint32_t last_row,
                    double value) {
  // Cell names: column letters (A..Z, AA..) and 1-based rows.
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  const std::string formula = "=SUM(" + letters + std::to_string(first_row + 1) + ":" + letters +
                              std::to_string(last_row + 1) + ")";
  worksheet_write_formula_num(m_sheet, row, col, formula.c_str(),
                              m_book.format(shown_as(CellFormat::bold_number, value)), value);
  widen(col, human_number(value, 2).size() + 2);
}

void XlsxSheet::header(uint32_t row, const std::vector<std::string_view>& titles) {
  for (size_t c = 0; c < titles.size(); ++c) {
    const std::string title = tr("column", std::string(titles[c]).c_str());
    text(row, static_cast<uint16_t>(c), title, CellFormat::header);
    widen(static_cast<uint16_t>(c), static_cast<size_t>(display_width(title)) + 3);
  }
  worksheet_freeze_panes(m_sheet, row + 1, 0);
}

void XlsxSheet::finish_table(uint32_t header_row, uint32_t last_row, uint16_t columns) {
  worksheet_autofilter(m_sheet, header_row, 0, std::max(last_row, header_row),
                       static_cast<uint16_t>(columns - 1));
  fit_columns();
}

void XlsxSheet::fit_columns() {
  for (size_t c = 0; c < m_widths.size(); ++c) {
    const double width = static_cast<double>(std::clamp<size_t>(m_widths[c] + 1, 6, k_max_width));
    worksheet_set_column(m_sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                         nullptr);
  }
}

}  // namespace kpi::render
