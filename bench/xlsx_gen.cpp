// kpi-bench-xlsx-gen: a workbook with one sheet "Deals" in the shape of issue 12's CRM
// export, as Excel saves it: every string shared, the close date a number with the
// built-in date format 14, the amount a number.
//
//   kpi-bench-xlsx-gen --out FILE [--rows N] [--seed 42]
//
// Row 1 is the header Deal ID | Owner | Close Date | Amount (VND) | Stage | Region; then
// N - 1 deals (default N = 1,048,576, Excel's limit): ids D00000002..., one of 1,000
// owners by full name, a day of 2026, an amount with two decimals, a stage and a region.
// splitmix64 makes the same bytes on every machine. The sheet's XML is written to a
// temporary file beside FILE, then deflated into the archive by libzip.

#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "crm_names.hpp"

namespace {

uint64_t g_state = 42;
uint64_t next_random() {
  uint64_t z = (g_state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

const char* const k_stages[] = {"Won", "Lost", "Open", "Abandoned"};
const char* const k_regions[] = {"Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Cần Thơ"};

std::string escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
  }
  return out;
}

void fail(const std::string& what) {
  std::fprintf(stderr, "kpi-bench-xlsx-gen: %s\n", what.c_str());
  std::exit(1);
}

const char* const k_ns =
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const char* const k_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

}  // namespace

int main(int argc, char** argv) {
  std::string out;
  long rows = 1048576;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--out") {
      out = argv[i + 1];
    } else if (flag == "--rows") {
      rows = std::atol(argv[i + 1]);
    } else if (flag == "--seed") {
      g_state = std::strtoull(argv[i + 1], nullptr, 10);
    } else {
      fail("unknown option " + flag);
    }
  }
  if (out.empty() || rows < 1 || rows > 1048576) {
    fail("usage: kpi-bench-xlsx-gen --out FILE [--rows 1..1048576] [--seed N]");
  }

  // Shared strings: header, owners, stages, regions, then one id per deal.
  std::vector<std::string> strings = {"Deal ID",      "Owner", "Close Date",
                                      "Amount (VND)", "Stage", "Region"};
  const size_t owners = strings.size();
  for (int i = 0; i < kpi_bench::k_owners; ++i) {
    strings.push_back(kpi_bench::owner_name(i));
  }
  const size_t stages = strings.size();
  strings.insert(strings.end(), std::begin(k_stages), std::end(k_stages));
  const size_t regions = strings.size();
  strings.insert(strings.end(), std::begin(k_regions), std::end(k_regions));
  const size_t ids = strings.size();

  const std::string sheet_tmp = out + ".sheet.tmp";
  const std::string strings_tmp = out + ".strings.tmp";
  {
    std::ofstream sheet(sheet_tmp, std::ios::binary);
    sheet << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet " << k_ns
          << "><dimension ref=\"A1:F" << rows << "\"/><sheetData><row r=\"1\">";
    for (int c = 0; c < 6; ++c) {
      sheet << "<c r=\"" << static_cast<char>('A' + c) << "1\" t=\"s\"><v>" << c << "</v></c>";
    }
    sheet << "</row>";
    char buffer[512];
    for (long r = 2; r <= rows; ++r) {
      const uint64_t x = next_random();
      const long day = 46023 + static_cast<long>(x % 365);  // 2026-01-01 + 0..364
      const uint64_t cents = next_random() % 5000000000ULL;
      const int n = std::snprintf(
          buffer, sizeof buffer,
          "<row r=\"%ld\"><c r=\"A%ld\" t=\"s\"><v>%zu</v></c><c r=\"B%ld\" t=\"s\"><v>%zu</v></c>"
          "<c r=\"C%ld\" s=\"1\"><v>%ld</v></c><c r=\"D%ld\"><v>%llu.%02llu</v></c>"
          "<c r=\"E%ld\" t=\"s\"><v>%zu</v></c><c r=\"F%ld\" t=\"s\"><v>%zu</v></c></row>",
          r, r, ids + static_cast<size_t>(r - 2), r, owners + (x >> 20) % 1000, r, day, r,
          static_cast<unsigned long long>(cents / 100),
          static_cast<unsigned long long>(cents % 100), r, stages + (x >> 40) % 4, r,
          regions + (x >> 50) % 4);
      sheet.write(buffer, n);
    }
    sheet << "</sheetData></worksheet>";
    std::ofstream sst(strings_tmp, std::ios::binary);
    sst << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst " << k_ns
        << " count=\"" << strings.size() + static_cast<size_t>(rows - 1) << "\">";
    for (const std::string& s : strings) {
      sst << "<si><t>" << escape(s) << "</t></si>";
    }
    for (long r = 2; r <= rows; ++r) {
      std::snprintf(buffer, sizeof buffer, "<si><t>D%08ld</t></si>", r);
      sst << buffer;
    }
    sst << "</sst>";
    if (!sheet.flush() || !sst.flush()) {
      fail("cannot write beside " + out);
    }
  }

  const std::string rel = k_rel;
  const std::vector<std::pair<std::string, std::string>> small = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
       "Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override "
       "PartName=\"/xl/workbook.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/"
       ">"
       "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
       "<Override PartName=\"/xl/sharedStrings.xml\" "
       "ContentType=\"application/"
       "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
       "<Override PartName=\"/xl/styles.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></"
       "Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"" +
           rel + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook ") + k_ns +
                              "><sheets><sheet name=\"Deals\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"" +
           rel + "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" +
           rel + "sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" +
           rel + "styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/styles.xml",
       std::string("<?xml version=\"1.0\"?><styleSheet ") + k_ns +
           "><fonts count=\"1\"><font><sz val=\"11\"/><name "
           "val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill "
           "patternType=\"none\"/></fill></fills><borders "
           "count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf "
           "numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
           "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
           "borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" "
           "fillId=\"0\" borderId=\"0\" xfId=\"0\" "
           "applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" "
           "xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"}};
  int error = 0;
  std::remove(out.c_str());
  zip_t* archive = zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    fail("cannot create " + out);
  }
  for (const auto& [name, content] : small) {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (zip_file_add(archive, name.c_str(), s, 0) < 0) {
      fail("cannot add " + name);
    }
  }
  const std::pair<const char*, std::string> big[] = {{"xl/worksheets/sheet1.xml", sheet_tmp},
                                                     {"xl/sharedStrings.xml", strings_tmp}};
  for (const auto& [name, file] : big) {
    zip_source_t* s = zip_source_file(archive, file.c_str(), 0, -1);
    if (s == nullptr || zip_file_add(archive, name, s, 0) < 0) {
      fail(std::string("cannot add ") + name);
    }
  }
  if (zip_close(archive) != 0) {
    fail("cannot write " + out + ": " + zip_strerror(archive));
  }
  std::remove(sheet_tmp.c_str());
  std::remove(strings_tmp.c_str());
  return 0;
}
