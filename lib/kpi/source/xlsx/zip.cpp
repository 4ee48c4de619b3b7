// libzip behind zip.hpp: open, locate, stream with a cap.

#include "kpi/source/xlsx/zip.hpp"

#include <zip.h>

#include <algorithm>
#include <fstream>

#include "kpi/error.hpp"

namespace kpi::xlsx::detail {

namespace {

std::string libzip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

/// Encrypted workbooks and .xls files are OLE compound documents, not zip archives.
bool is_compound_document(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  return in.read(magic, sizeof magic) &&
         std::string_view(magic, sizeof magic) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
}

}  // namespace

void fail(const std::string& path, const std::string& message, int64_t row, int64_t column) {
  throw Error(
      Diagnostic{"source-file", Severity::error, message, SourceLocation{path, row, column}, {}},
      k_exit_input);
}

ZipEntry::ZipEntry(zip_file* file, std::string path, std::string name, uint64_t limit)
    : m_file(file), m_path(std::move(path)), m_name(std::move(name)), m_limit(limit) {}

ZipEntry::~ZipEntry() { zip_fclose(m_file); }

size_t ZipEntry::read(char* buffer, size_t size) {
  // Ask for one byte beyond the limit, so that reaching it exactly is no error.
  const uint64_t room = m_limit - m_read + 1;
  const zip_int64_t n = zip_fread(m_file, buffer, std::min<uint64_t>(size, room));
  if (n < 0) {
    fail(m_path, "'" + m_path + "' is corrupt: " + m_name + ": " + zip_file_strerror(m_file));
  }
  m_read += static_cast<uint64_t>(n);
  if (m_read > m_limit) {
    fail(m_path, "'" + m_path + "': " + m_name + " inflates to more than " +
                     std::to_string(m_limit >> 20) + " MiB; refused (a zip bomb?)");
  }
  return static_cast<size_t>(n);
}

ZipArchive::ZipArchive(const std::string& path) : m_path(path) {
  int code = 0;
  m_zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (m_zip != nullptr) {
    return;
  }
  if (code == ZIP_ER_NOZIP && is_compound_document(path)) {
    fail(path, "'" + path +
                   "' is not an .xlsx workbook: it is an encrypted workbook or an old .xls file; "
                   "save it as .xlsx without a password");
  }
  if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) {
    fail(path, "'" + path + "' is not an .xlsx workbook: not a zip archive (" +
                   libzip_message(code) + ")");
  }
  fail(path, "cannot read the source file '" + path + "': " + libzip_message(code));
}

ZipArchive::~ZipArchive() { zip_discard(m_zip); }

int64_t ZipArchive::locate(const std::string& name) const {
  zip_int64_t index = zip_name_locate(m_zip, name.c_str(), 0);
  if (index < 0) {
    index = zip_name_locate(m_zip, name.c_str(), ZIP_FL_NOCASE);
  }
  return index;
}

bool ZipArchive::contains(const std::string& name) const { return locate(name) >= 0; }

ZipEntry ZipArchive::open(const std::string& name, uint64_t limit) const {
  const int64_t index = locate(name);
  if (index < 0) {
    fail(m_path, "'" + m_path + "' is not an .xlsx workbook: it has no " + name);
  }
  zip_file* file = zip_fopen_index(m_zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    fail(m_path, "'" + m_path + "' is corrupt: " + name + ": " + zip_strerror(m_zip));
  }
  return ZipEntry(file, m_path, name, limit);
}

}  // namespace kpi::xlsx::detail
