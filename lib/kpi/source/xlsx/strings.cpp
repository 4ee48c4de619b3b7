// The shared strings table (xl/sharedStrings.xml): <si> holds a <t>, or rich text runs
// <r><t>; <rPh> phonetic runs are readings shown above the text, not part of it.

#include "kpi/source/xlsx/parts.hpp"
#include "kpi/source/xlsx/xml.hpp"

namespace kpi::xlsx::detail {

namespace {

class StringsHandler : public XmlHandler {
 public:
  explicit StringsHandler(const std::string& path, const std::string& part)
      : m_path(path), m_part(part) {}

  void start(int depth, std::string_view name, const char**) override {
    if (depth == 2) {
      m_in_item = name == "si";
      m_raw.clear();
    } else if (m_in_item && name == "t" && (depth == 3 || (depth == 4 && m_run_depth == 3))) {
      m_collect = true;
    } else if (m_in_item && depth == 3 && name == "r") {
      m_run_depth = 3;
    }
  }

  void end(int depth) override {
    if (depth == 2 && m_in_item) {
      m_text.clear();
      append_unescaped(m_text, m_raw);
      m_strings.add(m_text);
      m_in_item = false;
    } else if (depth == 3) {
      m_run_depth = 0;
      m_collect = false;
    } else if (depth == 4) {
      m_collect = false;
    }
  }

  void text(std::string_view piece) override {
    if (!m_collect) {
      return;
    }
    if (m_raw.size() + piece.size() > k_max_cell_bytes) {
      fail(m_path, "'" + m_path + "' is corrupt: " + m_part + ": shared string " +
                       std::to_string(m_strings.size()) + " is longer than " +
                       std::to_string(k_max_cell_bytes >> 20) + " MiB");
    }
    m_raw += piece;
  }

  SharedStrings m_strings;

 private:
  const std::string& m_path;
  const std::string& m_part;
  bool m_in_item = false;
  bool m_collect = false;
  int m_run_depth = 0;
  std::string m_raw;
  std::string m_text;
};

}  // namespace

SharedStrings read_shared_strings(const ZipArchive& archive, const std::string& part) {
  StringsHandler handler(archive.path(), part);
  XmlParser(archive, part, k_strings_limit, handler).run();
  return std::move(handler.m_strings);
}

}  // namespace kpi::xlsx::detail
