// libFuzzer target: the .xlsx sheet reader (lib/kpi/source/xlsx.hpp). Bit 7 of the first
// byte set: the rest is the file itself (a zip archive). Else the rest is split at NUL
// bytes into the first sheet's XML, the shared strings and the styles, and zipped into a
// workbook of two sheets (tests/source/xlsx_fixture.hpp) that is read in memory; bit 0
// reads the second sheet ("Two", empty) instead, bit 1 makes it a 1904-based workbook.
// Every row that comes out must be well formed; a refusal must be a source-file error
// with a message; anything else aborts.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kpi/error.hpp"
#include "kpi/source/xlsx.hpp"
#include "xlsx_fixture.hpp"

namespace {

std::string part(std::string_view& rest) {
  const size_t nul = rest.find('\0');
  const std::string out(rest.substr(0, nul));
  rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  return out;
}

/// The bytes as a file that exists only in memory.
class MemoryFile {
 public:
  explicit MemoryFile(const std::string& bytes) : m_fd(memfd_create("fuzz_xlsx", 0)) {
    if (m_fd < 0 || write(m_fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
      std::abort();
    }
  }
  ~MemoryFile() { close(m_fd); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(m_fd); }

 private:
  int m_fd;
};

void read_all(const std::string& bytes, const std::string& sheet) {
  const MemoryFile file(bytes);
  try {
    kpi::xlsx::SheetReader reader(file.path(), sheet);
    kpi::xlsx::Row row;
    int64_t previous = 0;
    while (reader.next(row)) {
      if (row.number <= previous || row.number > kpi::xlsx::k_max_rows || row.cells.empty()) {
        std::abort();
      }
      previous = row.number;
      int column = -1;
      for (const kpi::xlsx::Cell& cell : row.cells) {
        if (cell.column <= column || cell.column >= kpi::xlsx::k_max_columns) {
          std::abort();
        }
        column = cell.column;
        if (cell.type == kpi::xlsx::Cell::Type::boolean && cell.text != "TRUE" &&
            cell.text != "FALSE") {
          std::abort();
        }
      }
    }
  } catch (const kpi::Error& e) {
    if (e.diagnostic.rule != "source-file" || e.diagnostic.message.empty() ||
        e.exit_status != kpi::k_exit_input) {
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 0x80) {
    read_all(std::string(rest), "");
    return 0;
  }
  const std::string sheet = part(rest);
  const std::string strings = part(rest);
  const std::string styles = part(rest);
  const kpi::test::ZipParts parts =
      kpi::test::workbook_parts({{"One", sheet}, {"Two", kpi::test::sheet_xml("")}}, strings,
                                styles, (data[0] & 2) ? "<workbookPr date1904=\"1\"/>" : "");
  read_all(kpi::test::zip_bytes(parts, true), (data[0] & 1) ? "Two" : "");
  return 0;
}
