#pragma once
// Opening a user's file for reading: only regular files, never blocking, errors said as
// they are; and whether a path stays inside the workspace folder.

#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "kpi/util/progress.hpp"

namespace kpi {

/// Why a file cannot be read: "no such file", "permission denied", "it is a folder",
/// "it is not a regular file (a FIFO)"... `missing` tells a file that does not exist.
struct FileError {
  std::string message;
  bool missing = false;
};

/// A regular file open for reading. Opened with O_NONBLOCK and checked with fstat before
/// any read, so a FIFO, a device or a socket is refused and never blocks; a read that
/// would block (a /proc file that waits) is a read error, not a hang.
class InputFile {
 public:
  /// The open file, or nullopt with `error` saying why.
  static std::optional<InputFile> open(const std::string& path, FileError& error);

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  ~InputFile();

  int fd() const { return m_fd; }
  /// A stream over the file; a read error sets badbit.
  std::istream& stream();
  /// The file's size in bytes when opened.
  uint64_t size() const;
  /// Each block the stream reads is added to `progress` (null: none). Call before reading.
  void report_to(ReadProgress* progress);

 private:
  explicit InputFile(int fd) : m_fd(fd) {}
  int m_fd = -1;
  std::unique_ptr<std::streambuf> m_buffer;
  std::unique_ptr<std::istream> m_stream;
};

/// The whole of a regular file, or nullopt with `error` saying why (as InputFile::open).
std::optional<std::string> read_regular_file(const std::string& path, FileError& error);

/// The bytes of `paths` together, for a progress line: "-" and paths that cannot be
/// looked at count 0.
uint64_t total_size(const std::vector<std::string>& paths);

/// Which file a path names, whatever its spelling or the links on the way: the same
/// device and inode. Nullopt when the path cannot be looked at.
struct FileIdentity {
  unsigned long long device = 0;
  unsigned long long inode = 0;
  auto operator<=>(const FileIdentity&) const = default;
};
std::optional<FileIdentity> file_identity(const std::string& path);

/// What errno says, in the words kpi uses: "no such file", "permission denied", ...
std::string describe_errno(int error);

/// True when `path` (relative to `folder` unless absolute), with every symbolic link and
/// ".." resolved, is `folder` or lies below it (`folder` resolved the same way). Paths
/// that do not exist yet are resolved as far as they exist.
bool is_inside(const std::filesystem::path& folder, const std::filesystem::path& path);

/// True when `path`, read as text without touching the file system, leaves the folder
/// it is relative to: it is absolute or ".." climbs above its start.
bool leaves_lexically(const std::filesystem::path& path);

/// True when `glob`, relative to the folder `from` (inside `folder`), leaves `folder`
/// read as text: it is absolute, or its ".." climb above `folder`.
bool glob_leaves(const std::filesystem::path& folder, const std::filesystem::path& from,
                 const std::filesystem::path& glob);

}  // namespace kpi
