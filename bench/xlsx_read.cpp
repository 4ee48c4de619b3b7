// kpi-bench-xlsx: every row of a sheet through kpi::xlsx::SheetReader, as the source
// reader will take them; prints what it saw, so that the run cannot be optimised away
// and can be checked against openpyxl's count (bench/xlsx_openpyxl.py).
//
//   kpi-bench-xlsx FILE [SHEET]
//
// Prints "rows R cells C text T number N date D boolean B error E".

#include <cstdio>
#include <exception>
#include <string>

#include "kpi/error.hpp"
#include "kpi/source/xlsx.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: kpi-bench-xlsx FILE [SHEET]\n");
    return 2;
  }
  try {
    kpi::xlsx::SheetReader reader(argv[1], argc == 3 ? argv[2] : "");
    kpi::xlsx::Row row;
    long long rows = 0;
    long long cells = 0;
    long long by_type[5] = {};
    while (reader.next(row)) {
      ++rows;
      cells += static_cast<long long>(row.cells.size());
      for (const kpi::xlsx::Cell& cell : row.cells) {
        ++by_type[static_cast<int>(cell.type)];
      }
    }
    std::printf("rows %lld cells %lld text %lld number %lld date %lld boolean %lld error %lld\n",
                rows, cells, by_type[0], by_type[1], by_type[2], by_type[3], by_type[4]);
  } catch (const kpi::Error& e) {
    std::fprintf(stderr, "kpi-bench-xlsx: %s\n", e.what());
    return 1;
  }
  return 0;
}
