#pragma once
// The zip container of a workbook (libzip, used in zip.cpp only): entries read as streams,
// each with a cap on the bytes it may inflate to, so that a zip bomb is refused instead
// of filling memory or disk.

#include <cstddef>
#include <cstdint>
#include <string>

struct zip;
struct zip_file;

namespace kpi::xlsx::detail {

/// Throws kpi::Error (rule "source-file", exit 1) for the workbook at `path`; a cell's
/// row and 1-based column go into the position when given.
[[noreturn]] void fail(const std::string& path, const std::string& message, int64_t row = 0,
                       int64_t column = 0);

/// One entry of the archive, open for reading.
class ZipEntry {
 public:
  ZipEntry(zip_file* file, std::string path, std::string name, uint64_t limit);
  ~ZipEntry();
  ZipEntry(const ZipEntry&) = delete;
  ZipEntry& operator=(const ZipEntry&) = delete;

  /// Up to `size` bytes into `buffer`; 0 at the end. Throws when the entry inflates to
  /// more than its limit or cannot be inflated (a bad CRC, a truncated stream).
  size_t read(char* buffer, size_t size);

  const std::string& name() const { return m_name; }
  const std::string& path() const { return m_path; }

 private:
  zip_file* m_file;
  std::string m_path;
  std::string m_name;
  uint64_t m_limit;
  uint64_t m_read = 0;
};

class ZipArchive {
 public:
  /// Throws for a file that cannot be opened or is no zip archive.
  explicit ZipArchive(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool contains(const std::string& name) const;
  /// The entry `name` (exact, else ignoring ASCII case); throws when it is missing.
  ZipEntry open(const std::string& name, uint64_t limit) const;
  const std::string& path() const { return m_path; }

 private:
  int64_t locate(const std::string& name) const;

  zip* m_zip = nullptr;
  std::string m_path;
};

}  // namespace kpi::xlsx::detail
