// Atomic file replacement and the starter workspaces' lookup.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kpi/author/author.hpp"
#include "kpi/error.hpp"

namespace kpi {

namespace {

namespace fs = std::filesystem;

Error write_error(const fs::path& path, const std::string& what) {
  return usage_error("write-error", "cannot write '" + path.string() + "': " + what, path.string());
}

void write_all(int fd, std::string_view content, const fs::path& path) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      throw write_error(path, std::strerror(errno));
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

void write_file_atomic(const fs::path& path, std::string_view content) {
  fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    throw write_error(path, std::strerror(errno));
  }
  try {
    write_all(fd, content, path);
    std::error_code ec;
    fs::perms perms = fs::status(path, ec).permissions();
    if (ec || perms == fs::perms::unknown) {
      perms = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
              fs::perms::others_read;
    }
    if (::fchmod(fd, static_cast<mode_t>(perms)) != 0 || ::fsync(fd) != 0) {
      throw write_error(path, std::strerror(errno));
    }
    if (::close(fd) != 0) {
      fd = -1;
      throw write_error(path, std::strerror(errno));
    }
    fd = -1;
    fs::rename(temp, path, ec);
    if (ec) {
      throw write_error(path, ec.message());
    }
  } catch (...) {
    if (fd >= 0) {
      ::close(fd);
    }
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
}

const InitTemplate* find_init_template(std::string_view name) {
  for (const InitTemplate& t : init_templates()) {
    if (t.name == name) {
      return &t;
    }
  }
  return nullptr;
}

}  // namespace kpi
