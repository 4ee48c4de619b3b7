// libFuzzer target: a source's cell parsers (lib/kpi/source/cells.hpp). The first byte
// picks the number format or the date format; the rest is the cell (for a pattern date
// format, the pattern and the cell separated by the first NUL byte).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kpi/source/cells.hpp"

namespace {

void number(uint8_t how, std::string_view cell) {
  kpi::source::NumberFormat format;
  format.decimal = (how & 1) ? ',' : '.';
  static const char k_thousands[] = {0, ',', '.', ' ', '\''};
  format.thousands = k_thousands[(how >> 1) % 5];
  if (format.thousands == format.decimal) {
    format.thousands = 0;
  }
  if (how & 0x10) {
    format.strip = {"EUR", "%", "\xc2\xa0"};
  }
  const kpi::source::NumberParse parse = kpi::source::parse_number_cell(cell, format);
  if (!parse.value && (parse.error.empty() || parse.column < 1 ||
                       static_cast<size_t>(parse.column) > cell.size() + 1)) {
    std::abort();  // a refusal must say why and point into the cell (or just after it)
  }
}

void date(uint8_t how, std::string_view rest) {
  kpi::source::DateFormat format;
  std::string_view cell = rest;
  switch (how % 3) {
    case 0:
      format.kind = kpi::source::DateFormat::Kind::iso;
      break;
    case 1:
      format.kind = kpi::source::DateFormat::Kind::excel;
      break;
    default: {
      const size_t nul = rest.find('\0');
      const kpi::source::DateFormatParse pattern =
          kpi::source::parse_date_format(rest.substr(0, nul));
      if (!pattern.format) {
        return;
      }
      format = *pattern.format;
      cell = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
    }
  }
  const kpi::source::DateParse parse = kpi::source::parse_date_cell(cell, format);
  if (parse.stamp) {
    if (parse.stamp->end < parse.stamp->start) {
      std::abort();
    }
  } else if (parse.error.empty()) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 0x80) {
    date(data[0], rest);
  } else {
    number(data[0], rest);
  }
  return 0;
}
