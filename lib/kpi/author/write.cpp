// Atomic file replacement and the starter workspaces' lookup.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "kpi/author/author.hpp"
#include "kpi/error.hpp"
#include "kpi/util/file.hpp"

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

/// Writes `content` to a new temporary file beside `path`, synced and closed, with the
/// permissions of the file it will replace; returns its name. Leaves nothing on failure.
std::string write_temp(const fs::path& path, std::string_view content) {
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
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) {
      throw write_error(path, std::strerror(errno));
    }
  } catch (...) {
    if (fd >= 0) {
      ::close(fd);
    }
    ::unlink(temp.c_str());
    throw;
  }
  return temp;
}

/// What a file held before it was replaced, to put it back.
struct Original {
  bool existed = false;  ///< false: the file is new, and removed to undo
  bool known = true;     ///< false: it could not be read, and is left alone
  std::string text;
};

Original original_of(const fs::path& path) {
  Original original;
  FileError why;
  std::optional<std::string> text = read_regular_file(path.string(), why);
  if (text) {
    original.existed = true;
    original.text = std::move(*text);
  } else if (!why.missing) {
    original.known = false;
  }
  return original;
}

}  // namespace

void write_files_atomic(const std::vector<FileChange>& files) {
  std::vector<Original> originals;
  for (const FileChange& file : files) {
    originals.push_back(original_of(file.path));
  }
  // First every new text into a synced temporary file: a failure here changes nothing.
  std::vector<std::string> temps;
  try {
    for (const FileChange& file : files) {
      temps.push_back(write_temp(file.path, file.text));
    }
  } catch (...) {
    for (const std::string& temp : temps) {
      ::unlink(temp.c_str());
    }
    throw;
  }
  // Then the renames; when one fails, those done are undone.
  for (size_t i = 0; i < files.size(); ++i) {
    if (::rename(temps[i].c_str(), files[i].path.c_str()) == 0) {
      continue;
    }
    const int error = errno;
    for (size_t j = i; j < temps.size(); ++j) {
      ::unlink(temps[j].c_str());
    }
    for (size_t j = 0; j < i; ++j) {
      try {
        if (!originals[j].known) {
          continue;
        }
        if (originals[j].existed) {
          write_file_atomic(files[j].path, originals[j].text);
        } else {
          ::unlink(files[j].path.c_str());
        }
      } catch (const Error&) {
        // A second failure while undoing: the error below still says the write failed.
      }
    }
    throw write_error(files[i].path, std::strerror(error));
  }
}

void write_file_atomic(const fs::path& path, std::string_view content) {
  const std::string temp = write_temp(path, content);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw write_error(path, std::strerror(error));
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
