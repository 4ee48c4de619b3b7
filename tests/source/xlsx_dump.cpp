// kpi-xlsx-dump FILE [SHEET]: every cell that kpi::xlsx::SheetReader yields, one a line,
// "C17<TAB>date<TAB>46326", for tests/source/xlsx_openpyxl.py to compare with openpyxl.
// Backslash, tab, line feed and carriage return in a text are written \\ \t \n \r.
// A failure prints "error<TAB>message" and exits 1.

#include <cstdio>
#include <string>

#include "kpi/error.hpp"
#include "kpi/source/xlsx.hpp"

namespace {

std::string escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    out += c == '\\'   ? "\\\\"
           : c == '\t' ? "\\t"
           : c == '\n' ? "\\n"
           : c == '\r' ? "\\r"
                       : std::string(1, c);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: kpi-xlsx-dump FILE [SHEET]\n");
    return 2;
  }
  static const char* const k_types[] = {"text", "number", "date", "boolean", "error"};
  try {
    kpi::xlsx::SheetReader reader(argv[1], argc == 3 ? argv[2] : "");
    kpi::xlsx::Row row;
    while (reader.next(row)) {
      for (const kpi::xlsx::Cell& cell : row.cells) {
        std::printf("%s\t%s\t%s\n", kpi::xlsx::cell_ref(cell.column, row.number).c_str(),
                    k_types[static_cast<int>(cell.type)], escaped(cell.text).c_str());
      }
    }
  } catch (const kpi::Error& e) {
    std::printf("error\t%s\n", e.what());
    return 1;
  }
  return 0;
}
