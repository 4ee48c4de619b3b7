// The .xlsx sheet reader on workbooks made here from hand-written XML parts.

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <random>

#include "kpi/error.hpp"
#include "kpi/source/xlsx.hpp"
#include "kpi/source/xlsx/parts.hpp"
#include "kpi/source/xlsx/zip.hpp"
#include "xlsx_fixture.hpp"

using kpi::test::sheet_xml;
using kpi::test::strings_xml;
using kpi::test::styles_xml;
using kpi::test::workbook_parts;
using kpi::test::zip_bytes;
using kpi::xlsx::Cell;

namespace {

/// A file in a fresh temporary folder, removed with it.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes, const std::string& name = "book.xlsx") {
    std::random_device random;
    m_dir = std::filesystem::temp_directory_path() /
            ("kpi-xlsx-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_dir);
    m_path = (m_dir / name).string();
    kpi::test::write_file(m_path, bytes);
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::filesystem::path m_dir;
  std::string m_path;
};

const char* type_name(Cell::Type t) {
  switch (t) {
    case Cell::Type::text:
      return "s";
    case Cell::Type::number:
      return "n";
    case Cell::Type::date:
      return "d";
    case Cell::Type::boolean:
      return "b";
    case Cell::Type::error:
      return "e";
  }
  return "?";
}

/// Every row of the sheet, one line each: "C17:n=46326 D17:s=Won".
std::string dump_path(const std::string& path, const std::string& sheet = "") {
  kpi::xlsx::SheetReader reader(path, sheet);
  std::string out;
  kpi::xlsx::Row row;
  while (reader.next(row)) {
    std::string line;
    for (const Cell& c : row.cells) {
      line += (line.empty() ? "" : " ") + kpi::xlsx::cell_ref(c.column, row.number) + ":" +
              type_name(c.type) + "=" + c.text;
    }
    out += line + "\n";
  }
  return out;
}

std::string dump(const kpi::test::ZipParts& parts, const std::string& sheet = "") {
  const TempFile file(zip_bytes(parts));
  return dump_path(file.path(), sheet);
}

std::string one_sheet(const std::string& rows, const std::string& strings = "",
                      const std::string& styles = "") {
  const TempFile file(zip_bytes(workbook_parts({{"Data", sheet_xml(rows)}}, strings, styles)));
  return dump_path(file.path());
}

/// The failure reading a whole sheet: "rule exit line:column: message", with the file's
/// path shown as FILE.
std::string failure_path(const std::string& path, const std::string& sheet = "") {
  try {
    dump_path(path, sheet);
  } catch (const kpi::Error& e) {
    const kpi::Diagnostic& d = e.diagnostic;
    BOOST_TEST(d.where.file == path);
    std::string message = d.message;
    for (size_t at = message.find(path); at != std::string::npos; at = message.find(path)) {
      message.replace(at, path.size(), "FILE");
    }
    return d.rule + " " + std::to_string(e.exit_status) + " " + std::to_string(d.where.line) + ":" +
           std::to_string(d.where.column) + ": " + message;
  }
  return "no error";
}

std::string failure(const kpi::test::ZipParts& parts, const std::string& sheet = "") {
  const TempFile file(zip_bytes(parts));
  return failure_path(file.path(), sheet);
}

std::string sheet_failure(const std::string& rows, const std::string& strings = "") {
  return failure(workbook_parts({{"Data", sheet_xml(rows)}}, strings));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(source_xlsx)

BOOST_AUTO_TEST_CASE(cell_types_shared_inline_formula_boolean_error_number) {
  const std::string strings = strings_xml({"<t>Deal ID</t>", "<t>Nguyễn Văn An</t>", "<t/>"});
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
      "<c r=\"B2\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>ri</t></r><r><t>ch</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>READING</t></rPh></is></c>"
      "<c r=\"C2\" t=\"str\"><f>A2&amp;\"!\"</f><v>inline!</v></c>"
      "<c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"b\"><v>0</v></c>"
      "<c r=\"F2\" t=\"e\"><f>NA()</f><v>#N/A</v></c>"
      "<c r=\"G2\"><v>1250000.5</v></c><c r=\"H2\" t=\"n\"><v>1.5E-3</v></c>"
      "<c r=\"I2\"><v>-46326</v></c></row>"
      // No value: a formula never computed, a styled empty cell, an empty <v>.
      "<row r=\"3\"><c r=\"A3\"><f>1+1</f></c><c r=\"B3\" s=\"0\"/><c r=\"C3\"><v></v></c>"
      "<c r=\"D3\" t=\"str\"><v></v></c></row>";
  BOOST_TEST(one_sheet(rows, strings) ==
             "A1:s=Deal ID B1:s=Nguyễn Văn An C1:s=\n"
             "A2:s=inline B2:s=rich C2:s=inline! D2:b=TRUE E2:b=FALSE F2:e=#N/A G2:n=1250000.5 "
             "H2:n=1.5E-3 I2:n=-46326\n"
             "D3:s=\n");
}

BOOST_AUTO_TEST_CASE(cells_sit_at_their_reference_rows_may_skip_and_count_on) {
  const std::string rows =
      "<row r=\"2\"><c r=\"C2\"><v>1</v></c><c r=\"E2\"><v>2</v></c><c><v>3</v></c></row>"
      "<row r=\"4\"/>"                                   // no cells: no row
      "<row r=\"5\"><c r=\"A5\"><f>SUM()</f></c></row>"  // no value: no row
      "<row r=\"7\" spans=\"1:2\"><c r=\"B7\"><v>4</v></c></row>"
      "<row><c><v>5</v></c><c><v>6</v></c></row>"  // counted: row 8, A and B
      "<row><c r=\"D12\"><v>7</v></c></row>"       // no r=: its cell says 12
      "<row r=\"1048576\"><c r=\"XFD1048576\"><v>8</v></c></row>";
  BOOST_TEST(one_sheet(rows) ==
             "C2:n=1 E2:n=2 F2:n=3\n"
             "B7:n=4\n"
             "A8:n=5 B8:n=6\n"
             "D12:n=7\n"
             "XFD1048576:n=8\n");
}

BOOST_AUTO_TEST_CASE(shared_strings_rich_runs_spaces_and_escapes) {
  const std::string strings = strings_xml({
      "<r><t>Hà </t></r><r><rPr><i/></rPr><t>Nội</t></r>",
      "<t xml:space=\"preserve\">  two  spaces \n</t>",
      "<t>a_x000D_b_x000a_c</t>",               // CR and LF escaped
      "<t>_x005F_x000D_ and _x00zz_ _x41</t>",  // an escaped underscore; not escapes
      "<t>&lt;&amp;&gt;&#233;</t>",
      "<t>_xD83D__xDE00_ _xD83D_</t>",  // a surrogate pair; a lone surrogate
      "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/>",
  });
  std::string rows = "<row r=\"1\">";
  for (int i = 0; i < 7; ++i) {
    rows += "<c t=\"s\"><v>" + std::to_string(i) + "</v></c>";
  }
  rows += "</row>";
  BOOST_TEST(one_sheet(rows, strings) ==
             "A1:s=Hà Nội B1:s=  two  spaces \n C1:s=a\rb\nc D1:s=_x000D_ and _x00zz_ _x41 "
             "E1:s=<&>é F1:s=😀 _xD83D_ G1:s=東京\n");
}

BOOST_AUTO_TEST_CASE(date_styles_builtin_and_custom_codes) {
  const std::string formats =
      "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"0.00\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"[Red]0\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"&quot;d&quot;0\"/>"
      "<numFmt numFmtId=\"168\" formatCode=\"\\d\\m\\y0\"/>"
      "<numFmt numFmtId=\"169\" formatCode=\"[$-409]mmmm\\ d\\,\\ yyyy;@\"/>"
      "<numFmt numFmtId=\"170\" formatCode=\"#,##0_);[Red]\\(#,##0\\)\"/>"
      "<numFmt numFmtId=\"171\" formatCode=\"General\"/>"
      "<numFmt numFmtId=\"172\" formatCode=\"[h]:mm\"/>";
  // s=0 General, then 14 22 45 47 (dates), 13 23 44 48 (not), the custom ones.
  const std::vector<int> xfs = {0,   14,  22,  45,  47,  13,  23,  44,  48,
                                164, 165, 166, 167, 168, 169, 170, 171, 172};
  std::string rows = "<row r=\"1\">";
  for (size_t s = 0; s < xfs.size(); ++s) {
    rows += "<c s=\"" + std::to_string(s) + "\"><v>46326</v></c>";
  }
  // A text cell with a date style stays text; a style index beyond cellXfs is a number.
  rows += "<c s=\"1\" t=\"str\"><v>46326</v></c><c s=\"99\"><v>46326</v></c></row>";
  BOOST_TEST(one_sheet(rows, "", styles_xml(formats, xfs)) ==
             "A1:n=46326 B1:d=46326 C1:d=46326 D1:d=46326 E1:d=46326 F1:n=46326 G1:n=46326 "
             "H1:n=46326 I1:n=46326 J1:d=46326 K1:n=46326 L1:n=46326 M1:n=46326 N1:n=46326 "
             "O1:d=46326 P1:n=46326 Q1:n=46326 R1:d=46326 S1:s=46326 T1:n=46326\n");
}

BOOST_AUTO_TEST_CASE(date_format_codes) {
  using kpi::xlsx::detail::is_date_format_code;
  BOOST_TEST(is_date_format_code("dd/mm/yyyy"));
  BOOST_TEST(is_date_format_code("YYYY-MM-DD"));
  BOOST_TEST(is_date_format_code("[Red]d"));
  BOOST_TEST(is_date_format_code("\"x\"m"));
  BOOST_TEST(!is_date_format_code("0.00"));
  BOOST_TEST(!is_date_format_code("[Red]0"));
  BOOST_TEST(!is_date_format_code("\"d\"0"));
  BOOST_TEST(!is_date_format_code("\\d0"));
  BOOST_TEST(!is_date_format_code("_d0*y"));
  BOOST_TEST(!is_date_format_code("\"unclosed d"));
  BOOST_TEST(!is_date_format_code("[unclosed d"));
  BOOST_TEST(!is_date_format_code(""));
}

BOOST_AUTO_TEST_CASE(dates_of_1904_workbooks_and_iso_cells_are_1900_serials) {
  const std::string rows =
      "<row r=\"1\"><c s=\"1\"><v>44864</v></c><c s=\"1\"><v>44864.25</v></c>"
      "<c><v>44864</v></c><c t=\"d\"><v>2026-10-31T00:00:00</v></c></row>";
  const std::string styles = styles_xml("", {0, 14});
  BOOST_TEST(
      dump(workbook_parts({{"S", sheet_xml(rows)}}, "", styles, "<workbookPr date1904=\"1\"/>")) ==
      "A1:d=46326 B1:d=46326.25 C1:n=44864 D1:d=46326\n");
  BOOST_TEST(one_sheet("<row r=\"1\"><c t=\"d\"><v>1900-01-01</v></c><c t=\"d\"><v>1900-02-28</v>"
                       "</c><c t=\"d\"><v>1900-03-01</v></c></row>") == "A1:d=1 B1:d=59 C1:d=61\n");
  BOOST_TEST(sheet_failure("<row r=\"3\"><c r=\"B3\" t=\"d\"><v>31/10/2026</v></c></row>") ==
             "source-file 1 3:2: 'FILE' is corrupt: Data!B3 is a date holding '31/10/2026', which "
             "is not YYYY-MM-DD");
}

BOOST_AUTO_TEST_CASE(two_sheets_chosen_by_name) {
  const kpi::test::ZipParts parts = workbook_parts(
      {{"Deals", sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>deals</t></is></c></row>")},
       {"Visits 2026", sheet_xml("<row r=\"3\"><c r=\"B3\"><v>42</v></c></row>")}});
  BOOST_TEST(dump(parts, "Visits 2026") == "B3:n=42\n");
  BOOST_TEST(dump(parts, "Deals") == "A1:s=deals\n");
  BOOST_TEST(dump(parts, "") == "A1:s=deals\n");
  const TempFile file(zip_bytes(parts));
  const kpi::xlsx::SheetReader reader(file.path(), "Visits 2026");
  BOOST_TEST(reader.sheet_name() == "Visits 2026");
  BOOST_TEST(reader.sheet_names() == (std::vector<std::string>{"Deals", "Visits 2026"}),
             boost::test_tools::per_element());
  BOOST_TEST(failure(parts, "visits 2026") ==
             "source-file 1 0:0: 'FILE' has no sheet 'visits 2026'; its sheets are 'Deals', "
             "'Visits 2026'");
}

BOOST_AUTO_TEST_CASE(prefixed_names_are_read_like_plain_ones) {
  const std::string sheet =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>p</x:t></x:is></x:c>"
      "</x:row></x:sheetData>"
      // Elements named like cells outside sheetData are no cells.
      "<x:extLst><x:row r=\"2\"><x:c r=\"A2\"><x:v>9</x:v></x:c></x:row></x:extLst>"
      "</x:worksheet>";
  BOOST_TEST(dump(workbook_parts({{"P", sheet}})) == "A1:s=p\n");
}

BOOST_AUTO_TEST_CASE(rows_across_many_blocks) {
  // About 9 MB of XML: many 256 KiB blocks, values and strings cut at block edges.
  std::string rows;
  std::vector<std::string> strings;
  for (int i = 0; i < 1000; ++i) {
    strings.push_back("<t>owner " + std::to_string(i) + "</t>");
  }
  const int n = 100000;
  for (int r = 1; r <= n; ++r) {
    const std::string row = std::to_string(r);
    rows += "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"s\"><v>" + std::to_string(r % 1000) +
            "</v></c><c r=\"C" + row + "\"><v>" + std::to_string(r) + ".25</v></c><c r=\"D" + row +
            "\" t=\"inlineStr\"><is><t>inline text " + row + "</t></is></c></row>";
  }
  const TempFile file(zip_bytes(workbook_parts({{"Big", sheet_xml(rows)}}, strings_xml(strings))));
  kpi::xlsx::SheetReader reader(file.path(), "Big");
  kpi::xlsx::Row row;
  int64_t count = 0;
  bool all_match = true;
  while (reader.next(row)) {
    ++count;
    const std::string r = std::to_string(count);
    all_match =
        all_match && row.number == count && row.cells.size() == 3 && row.cells[0].column == 0 &&
        row.cells[0].text == "owner " + std::to_string(count % 1000) && row.cells[1].column == 2 &&
        row.cells[1].text == r + ".25" && row.cells[1].type == Cell::Type::number &&
        row.cells[2].column == 3 && row.cells[2].text == "inline text " + r;
  }
  BOOST_TEST(count == n);
  BOOST_TEST(all_match);
  BOOST_TEST(!reader.next(row));
}

BOOST_AUTO_TEST_CASE(a_missing_file_a_non_zip_and_a_zip_that_is_no_workbook) {
  BOOST_TEST(failure_path("/nonexistent/book.xlsx") ==
             "source-file 1 0:0: cannot read the source file 'FILE': No such file");
  {
    const TempFile csv("Deal ID;Owner\nD1;An\n", "deals.xlsx");
    BOOST_TEST(failure_path(csv.path()) ==
               "source-file 1 0:0: 'FILE' is not an .xlsx workbook: not a zip archive (Not a zip "
               "archive)");
  }
  {
    const TempFile ole(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
    BOOST_TEST(failure_path(ole.path()) ==
               "source-file 1 0:0: 'FILE' is not an .xlsx workbook: it is an encrypted workbook "
               "or an old .xls file; save it as .xlsx without a password");
  }
  BOOST_TEST(failure({{"word/document.xml", "<w/>"}}) ==
             "source-file 1 0:0: 'FILE' is not an .xlsx workbook: it has no xl/workbook.xml (a "
             "zip archive, but not a workbook)");
  kpi::test::ZipParts no_sheets = workbook_parts({});
  BOOST_TEST(failure(no_sheets) == "source-file 1 0:0: 'FILE' has no sheets");
}

BOOST_AUTO_TEST_CASE(a_shared_string_that_does_not_exist) {
  const std::string strings = strings_xml({"<t>a</t>", "<t>b</t>"});
  BOOST_TEST(sheet_failure("<row r=\"17\"><c r=\"C17\" t=\"s\"><v>2</v></c></row>", strings) ==
             "source-file 1 17:3: 'FILE' is corrupt: Data!C17 names shared string 2, but the "
             "workbook has 2");
  BOOST_TEST(sheet_failure("<row r=\"1\"><c t=\"s\"><v>-1</v></c></row>", strings) ==
             "source-file 1 1:1: 'FILE' is corrupt: Data!A1 names shared string '-1', which is "
             "not a number");
  BOOST_TEST(sheet_failure("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>") ==
             "source-file 1 1:1: 'FILE' is corrupt: Data!A1 names shared string 0, but the "
             "workbook has 0");
}

BOOST_AUTO_TEST_CASE(absurd_references) {
  BOOST_TEST(sheet_failure("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: cell reference 'XFE1' is beyond "
             "column XFD");
  BOOST_TEST(sheet_failure("<row r=\"1\"><c r=\"A1048577\"><v>1</v></c></row>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: cell reference 'A1048577' is outside "
             "Excel's rows 1 to 1,048,576");
  BOOST_TEST(sheet_failure("<row r=\"99999999999999999999999\"/>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: row '99999999999999999999999' is "
             "outside Excel's rows 1 to 1,048,576");
  BOOST_TEST(sheet_failure("<row r=\"0\"/>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: row '0' is outside Excel's rows 1 to "
             "1,048,576");
  BOOST_TEST(sheet_failure("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: cell reference '1A' is not a cell "
             "reference");
  BOOST_TEST(sheet_failure("<row r=\"2\"><c r=\"B3\"><v>1</v></c></row>") ==
             "source-file 1 2:2: 'FILE' is corrupt: Data!B3 stands in row 2");
  BOOST_TEST(sheet_failure("<row r=\"2\"><c r=\"C2\"><v>1</v></c><c r=\"B2\"><v>1</v></c></row>") ==
             "source-file 1 2:2: 'FILE' is corrupt: Data!B2 comes after C2");
  BOOST_TEST(sheet_failure("<row r=\"5\"/><row r=\"3\"/>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: row 3 comes after row 5");
  BOOST_TEST(sheet_failure("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>") ==
             "source-file 1 1:0: 'FILE' is corrupt: Data: row 1 has a cell beyond column XFD");
  BOOST_TEST(sheet_failure("<row r=\"1048576\"/><row/>") ==
             "source-file 1 0:0: 'FILE' is corrupt: Data: more than Excel's 1,048,576 rows");
  BOOST_TEST(sheet_failure("<row r=\"4\"><c t=\"b\"><v>2</v></c></row>") ==
             "source-file 1 4:1: 'FILE' is corrupt: Data!A4 is a boolean holding '2'");
  BOOST_TEST(sheet_failure("<row r=\"4\"><c t=\"x\"><v>2</v></c></row>") ==
             "source-file 1 4:1: 'FILE' is corrupt: Data!A4 has an unknown type t=\"x\"");
}

BOOST_AUTO_TEST_CASE(after_a_failure_the_reader_is_at_its_end) {
  const TempFile file(zip_bytes(
      workbook_parts({{"Data", sheet_xml("<row r=\"1\"><c><v>1</v></c></row><row r=\"1\"/>")}})));
  kpi::xlsx::SheetReader reader(file.path(), "");
  kpi::xlsx::Row row;
  BOOST_CHECK_THROW(reader.next(row), kpi::Error);
  BOOST_TEST(!reader.next(row));
  BOOST_TEST(!reader.next(row));
}

BOOST_AUTO_TEST_CASE(corrupt_xml_names_the_part) {
  BOOST_TEST(sheet_failure("<row r=\"1\"><c><v>1</c></row>") ==
             "source-file 1 0:0: 'FILE' is corrupt: xl/worksheets/sheet1.xml, line 2, column "
             "208: mismatched tag");
  BOOST_TEST(failure(workbook_parts({{"T", "<worksheet><sheetData><row>"}})) ==
             "source-file 1 0:0: 'FILE' is corrupt: xl/worksheets/sheet1.xml, line 1, column "
             "28: no element found");
  BOOST_TEST(failure(workbook_parts({{"T", sheet_xml("")}}, "<sst><si><t>a</si></sst>")) ==
             "source-file 1 0:0: 'FILE' is corrupt: xl/sharedStrings.xml, line 1, column 16: "
             "mismatched tag");
  std::string deep = "<worksheet>";
  for (int i = 0; i < 70; ++i) {
    deep += "<a>";
  }
  BOOST_TEST(failure(workbook_parts({{"T", deep}})) ==
             "source-file 1 0:0: 'FILE' is corrupt: xl/worksheets/sheet1.xml, line 1, column "
             "201: elements nested deeper than 64");
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
      "\"&lol;&lol;&lol;&lol;\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;"
      "</t></is></c></row></sheetData></worksheet>";
  BOOST_TEST(failure(workbook_parts({{"T", laughs}})) ==
             "source-file 1 0:0: 'FILE' is corrupt: xl/worksheets/sheet1.xml, line 1, column "
             "37: a DOCTYPE, which no workbook part has");
}

BOOST_AUTO_TEST_CASE(an_entry_that_inflates_beyond_its_limit_is_refused) {
  const std::string zeros(1 << 20, '0');
  const TempFile file(zip_bytes({{"big.xml", zeros}}));
  const kpi::xlsx::detail::ZipArchive archive(file.path());
  {
    kpi::xlsx::detail::ZipEntry exact = archive.open("big.xml", 1 << 20);
    std::string buffer(4096, '\0');
    size_t total = 0;
    for (size_t n; (n = exact.read(buffer.data(), buffer.size())) > 0;) {
      total += n;
    }
    BOOST_TEST(total == zeros.size());
  }
  kpi::xlsx::detail::ZipEntry capped = archive.open("big.xml", (1 << 20) - 1);
  std::string buffer(1 << 16, '\0');
  std::string message;
  try {
    while (capped.read(buffer.data(), buffer.size()) > 0) {
    }
  } catch (const kpi::Error& e) {
    message = e.diagnostic.message;
  }
  BOOST_TEST(message ==
             "'" + file.path() + "': big.xml inflates to more than 0 MiB; refused (a zip bomb?)");
  BOOST_TEST(kpi::xlsx::detail::k_sheet_limit == uint64_t{4} << 30);
  BOOST_TEST(kpi::xlsx::detail::k_strings_limit == uint64_t{512} << 20);
}

BOOST_AUTO_TEST_CASE(cell_references_round_trip) {
  using kpi::xlsx::cell_ref;
  using kpi::xlsx::column_index;
  BOOST_TEST(cell_ref(2, 17) == "C17");
  BOOST_TEST(cell_ref(0, 1) == "A1");
  BOOST_TEST(cell_ref(25, 2) == "Z2");
  BOOST_TEST(cell_ref(26, 3) == "AA3");
  BOOST_TEST(cell_ref(701, 4) == "ZZ4");
  BOOST_TEST(cell_ref(702, 5) == "AAA5");
  BOOST_TEST(cell_ref(16383, 1048576) == "XFD1048576");
  BOOST_TEST(column_index("C").value() == 2);
  BOOST_TEST(column_index("XFD").value() == 16383);
  BOOST_TEST(column_index("AA").value() == 26);
  BOOST_TEST(!column_index("XFE"));
  BOOST_TEST(!column_index("AAAA"));
  BOOST_TEST(!column_index(""));
  BOOST_TEST(!column_index("c"));
  BOOST_TEST(!column_index("C1"));
  int mismatches = 0;
  for (int c = 0; c < kpi::xlsx::k_max_columns; ++c) {
    const std::string ref = cell_ref(c, 9);
    const std::optional<int> back = column_index(std::string_view(ref).substr(0, ref.size() - 1));
    mismatches += back && *back == c ? 0 : 1;
  }
  BOOST_TEST(mismatches == 0);
}

BOOST_AUTO_TEST_SUITE_END()
