#include "kpi/util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <utility>
#include <vector>

namespace kpi {

namespace fs = std::filesystem;

namespace {

/// Reads a descriptor in blocks; a failed read throws, which the istream turns into badbit.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : m_fd(fd), m_block(64 * 1024) {}
  void report_to(ReadProgress* progress) { m_progress = progress; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    while (true) {
      const ssize_t n = ::read(m_fd, m_block.data(), m_block.size());
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        throw std::runtime_error(describe_errno(errno));
      }
      if (n == 0) {
        return traits_type::eof();
      }
      setg(m_block.data(), m_block.data(), m_block.data() + n);
      if (m_progress != nullptr) {
        m_progress->add(static_cast<uint64_t>(n));
      }
      return traits_type::to_int_type(*gptr());
    }
  }

 private:
  int m_fd;
  std::vector<char> m_block;
  ReadProgress* m_progress = nullptr;
};

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "it is a folder";
  }
  if (S_ISFIFO(mode)) {
    return "it is not a regular file (a FIFO)";
  }
  if (S_ISCHR(mode) || S_ISBLK(mode)) {
    return "it is not a regular file (a device)";
  }
  if (S_ISSOCK(mode)) {
    return "it is not a regular file (a socket)";
  }
  return "it is not a regular file";
}

}  // namespace

std::string describe_errno(int error) {
  switch (error) {
    case ENOENT:
      return "no such file";
    case EACCES:
    case EPERM:
      return "permission denied";
    case EISDIR:
      return "it is a folder";
    case ENOTDIR:
      return "a part of the path is not a folder";
    case EAGAIN:
      return "reading it would wait for more input (not a regular file)";
    default:
      return std::strerror(error);
  }
}

std::optional<InputFile> InputFile::open(const std::string& path, FileError& error) {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    error = FileError{describe_errno(errno), errno == ENOENT};
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    error = FileError{describe_errno(errno), false};
    ::close(fd);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = FileError{kind_of(info.st_mode), false};
    ::close(fd);
    return std::nullopt;
  }
  // O_NONBLOCK stays: it changes nothing for a file on disk, and turns a /proc file that
  // would wait (/proc/kmsg) into a read error.
  return InputFile(fd);
}

InputFile::InputFile(InputFile&& other) noexcept
    : m_fd(other.m_fd), m_buffer(std::move(other.m_buffer)), m_stream(std::move(other.m_stream)) {
  other.m_fd = -1;
}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  std::swap(m_fd, other.m_fd);
  std::swap(m_buffer, other.m_buffer);
  std::swap(m_stream, other.m_stream);
  return *this;
}

InputFile::~InputFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

std::istream& InputFile::stream() {
  if (!m_stream) {
    m_buffer = std::make_unique<FdBuffer>(m_fd);
    m_stream = std::make_unique<std::istream>(m_buffer.get());
  }
  return *m_stream;
}

uint64_t InputFile::size() const {
  struct stat info {};
  return ::fstat(m_fd, &info) == 0 ? static_cast<uint64_t>(info.st_size) : 0;
}

void InputFile::report_to(ReadProgress* progress) {
  stream();
  static_cast<FdBuffer*>(m_buffer.get())->report_to(progress);
}

uint64_t total_size(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    const auto size = path == "-" ? 0 : fs::file_size(path, ec);
    total += ec ? 0 : static_cast<uint64_t>(size);
  }
  return total;
}

std::optional<std::string> read_regular_file(const std::string& path, FileError& error) {
  std::optional<InputFile> file = InputFile::open(path, error);
  if (!file) {
    return std::nullopt;
  }
  std::string text;
  std::vector<char> block(64 * 1024);
  while (true) {
    const ssize_t n = ::read(file->fd(), block.data(), block.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      error = FileError{describe_errno(errno), false};
      return std::nullopt;
    }
    if (n == 0) {
      return text;
    }
    text.append(block.data(), static_cast<size_t>(n));
  }
}

std::optional<FileIdentity> file_identity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return std::nullopt;
  }
  return FileIdentity{static_cast<unsigned long long>(info.st_dev),
                      static_cast<unsigned long long>(info.st_ino)};
}

bool is_inside(const fs::path& folder, const fs::path& path) {
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
  if (ec) {
    return false;
  }
  const fs::path full = path.is_absolute() ? path : root / path;
  const fs::path resolved = fs::weakly_canonical(full, ec);
  if (ec) {
    return false;
  }
  auto r = root.begin();
  auto p = resolved.begin();
  for (; r != root.end(); ++r, ++p) {
    if (r->empty() && std::next(r) == root.end()) {
      break;  // a trailing separator on the root
    }
    if (p == resolved.end() || *r != *p) {
      return false;
    }
  }
  return true;
}

bool leaves_lexically(const fs::path& path) {
  if (path.is_absolute() || path.has_root_name() || path.has_root_directory()) {
    return true;
  }
  int depth = 0;
  for (const fs::path& part : path) {
    const std::string name = part.string();
    if (name == "..") {
      if (--depth < 0) {
        return true;
      }
    } else if (!name.empty() && name != ".") {
      ++depth;
    }
  }
  return false;
}

bool glob_leaves(const fs::path& folder, const fs::path& from, const fs::path& glob) {
  if (glob.is_absolute() || glob.has_root_name() || glob.has_root_directory()) {
    return true;
  }
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  const fs::path start = from.empty() ? fs::path(".") : from;
  const fs::path joined = (start / glob).lexically_normal();
  if (base == fs::path(".")) {
    return leaves_lexically(joined);
  }
  const fs::path rel = joined.lexically_relative(base.lexically_normal());
  return !rel.empty() && leaves_lexically(rel);
}

}  // namespace kpi
