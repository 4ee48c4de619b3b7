#pragma once
// Workbooks made in a test from hand-written XML parts, zipped with libzip in memory (the
// xlsx tests and tests/fuzz/fuzz_xlsx.cpp).

#include <zip.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kpi::test {

/// The entries of a zip archive: name and content, in order.
using ZipParts = std::vector<std::pair<std::string, std::string>>;

/// The archive's bytes. `store` leaves the entries uncompressed.
inline std::string zip_bytes(const ZipParts& parts, bool store = false) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = buffer == nullptr ? nullptr : zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    throw std::runtime_error(std::string("zip: ") + zip_error_strerror(&error));
  }
  zip_source_keep(buffer);
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      throw std::runtime_error("zip: cannot add " + name);
    }
    if (store) {
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
  }
  if (zip_close(archive) != 0) {
    throw std::runtime_error(std::string("zip: ") + zip_strerror(archive));
  }
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    bytes.resize(static_cast<size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

inline const std::string k_main_ns =
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
inline const std::string k_rel_ns =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// A worksheet part around `rows` (the inside of <sheetData>).
inline std::string sheet_xml(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet " + k_main_ns +
         "><dimension ref=\"A1\"/><sheetData>" + rows + "</sheetData></worksheet>";
}

/// A shared strings part holding `items` (each the inside of one <si>).
inline std::string strings_xml(const std::vector<std::string>& items) {
  std::string xml = "<?xml version=\"1.0\"?><sst " + k_main_ns + " count=\"" +
                    std::to_string(items.size()) + "\">";
  for (const std::string& item : items) {
    xml += "<si>" + item + "</si>";
  }
  return xml + "</sst>";
}

/// A styles part: `formats` is the inside of <numFmts>, `xf_formats` the numFmtId of each
/// cellXfs entry in order.
inline std::string styles_xml(const std::string& formats, const std::vector<int>& xf_formats) {
  std::string xml = "<?xml version=\"1.0\"?><styleSheet " + k_main_ns + ">";
  if (!formats.empty()) {
    xml += "<numFmts>" + formats + "</numFmts>";
  }
  xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>";
  for (const int id : xf_formats) {
    xml += "<xf numFmtId=\"" + std::to_string(id) + "\" fontId=\"0\" applyNumberFormat=\"1\"/>";
  }
  return xml + "</cellXfs></styleSheet>";
}

/// A whole workbook: the sheets (name, worksheet XML) in order, and the shared strings
/// and styles parts when not empty. `workbook_pr` goes inside <workbook> before <sheets>.
inline ZipParts workbook_parts(const std::vector<std::pair<std::string, std::string>>& sheets,
                               const std::string& strings = "", const std::string& styles = "",
                               const std::string& workbook_pr = "") {
  ZipParts parts;
  parts.emplace_back("[Content_Types].xml",
                     "<?xml version=\"1.0\"?><Types "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                     "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  parts.emplace_back("_rels/.rels",
                     "<?xml version=\"1.0\"?><Relationships "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"" +
                         k_rel_ns +
                         "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  std::string workbook =
      "<?xml version=\"1.0\"?><workbook " + k_main_ns + ">" + workbook_pr + "<sheets>";
  std::string rels =
      "<?xml version=\"1.0\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook +=
        "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + k_rel_ns +
            "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].second);
  }
  if (!strings.empty()) {
    rels += "<Relationship Id=\"rIdS\" Type=\"" + k_rel_ns +
            "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    parts.emplace_back("xl/sharedStrings.xml", strings);
  }
  if (!styles.empty()) {
    rels += "<Relationship Id=\"rIdY\" Type=\"" + k_rel_ns + "styles\" Target=\"/xl/styles.xml\"/>";
    parts.emplace_back("xl/styles.xml", styles);
  }
  parts.emplace_back("xl/workbook.xml", workbook + "</sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  return parts;
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    throw std::runtime_error("cannot write " + path);
  }
}

}  // namespace kpi::test
