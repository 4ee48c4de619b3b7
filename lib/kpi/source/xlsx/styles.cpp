// Which cell formats are dates (sources.md, "Dates"): a cell's s= indexes cellXfs, whose
// numFmtId is a built-in format or one of numFmts' custom codes.

#include <charconv>
#include <unordered_map>

#include "kpi/source/xlsx/parts.hpp"
#include "kpi/source/xlsx/xml.hpp"

namespace kpi::xlsx::detail {

namespace {

long number_attribute(const char** attributes, std::string_view name) {
  const char* value = attribute(attributes, name);
  if (value == nullptr) {
    return 0;
  }
  const std::string_view v(value);
  long n = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && ptr == v.data() + v.size() ? n : -1;
}

class StylesHandler : public XmlHandler {
 public:
  void start(int depth, std::string_view name, const char** attributes) override {
    if (depth == 2) {
      m_section = name == "numFmts"   ? Section::formats
                  : name == "cellXfs" ? Section::cell_formats
                                      : Section::other;
    } else if (depth == 3 && m_section == Section::formats && name == "numFmt") {
      const char* code = attribute(attributes, "formatCode");
      m_custom[number_attribute(attributes, "numFmtId")] =
          code != nullptr && is_date_format_code(code);
    } else if (depth == 3 && m_section == Section::cell_formats && name == "xf") {
      m_xf_formats.push_back(number_attribute(attributes, "numFmtId"));
    }
  }
  void end(int depth) override {
    if (depth == 2) {
      m_section = Section::other;
    }
  }
  void text(std::string_view) override {}

  std::vector<bool> dates() const {
    std::vector<bool> out;
    out.reserve(m_xf_formats.size());
    for (const long id : m_xf_formats) {
      const auto custom = m_custom.find(id);
      out.push_back(is_builtin_date_format(id) || (custom != m_custom.end() && custom->second));
    }
    return out;
  }

 private:
  enum class Section { other, formats, cell_formats };
  Section m_section = Section::other;
  std::unordered_map<long, bool> m_custom;
  std::vector<long> m_xf_formats;
};

}  // namespace

bool is_builtin_date_format(long id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

bool is_date_format_code(std::string_view code) {
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) {
        return false;
      }
      i = close;
    } else if (c == '[') {
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) {
        return false;
      }
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or a width, or a fill)
    } else if (c == 'd' || c == 'D' || c == 'm' || c == 'M' || c == 'y' || c == 'Y') {
      return true;
    }
  }
  return false;
}

std::vector<bool> read_date_styles(const ZipArchive& archive, const std::string& part) {
  StylesHandler handler;
  XmlParser(archive, part, k_small_limit, handler).run();
  return handler.dates();
}

}  // namespace kpi::xlsx::detail
