// The journal on disk: the lock, reading, appending and replacing, each write synced
// and undone on failure.

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "kpi/record/record.hpp"
#include "kpi/util/file.hpp"

namespace kpi {

namespace fs = std::filesystem;

namespace {

Error write_error(const std::string& path, const std::string& what, int error) {
  return usage_error("write-failed",
                     "cannot " + what + " '" + path + "': " + std::strerror(error) +
                         "; the journal was left as it was",
                     path);
}

/// Closes a descriptor when leaving scope.
class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  void reset() {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

 private:
  int m_fd;
};

/// The system calls that write, with the faults a test asked for.
class Writer {
 public:
  explicit Writer(const WriteFaults& faults) : m_faults(faults) {}

  int open(const char* path, int flags, mode_t mode) const {
    if (m_faults.fail_open) {
      errno = m_faults.error;
      return -1;
    }
    return ::open(path, flags | O_CLOEXEC, mode);
  }

  /// Writes everything; false with errno set when a write fails.
  bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
      size_t chunk = bytes.size();
      if (m_faults.fail_after_bytes >= 0) {
        const int64_t room = m_faults.fail_after_bytes - m_written;
        if (room <= 0) {
          errno = m_faults.error;
          return false;
        }
        chunk = std::min(chunk, static_cast<size_t>(room));
      }
      const ssize_t n = ::write(fd, bytes.data(), chunk);
      if (n < 0) {
        if (errno == EINTR) {
          continue;
        }
        return false;
      }
      m_written += n;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  bool sync(int fd) const {
    if (m_faults.fail_sync) {
      errno = m_faults.error;
      return false;
    }
    return ::fsync(fd) == 0;
  }

  bool rename(const char* from, const char* to) const {
    if (m_faults.fail_rename) {
      errno = m_faults.error;
      return false;
    }
    return ::rename(from, to) == 0;
  }

 private:
  const WriteFaults& m_faults;
  int64_t m_written = 0;
};

std::string folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

/// Makes a new or renamed directory entry durable.
bool sync_folder(const std::string& path, const Writer& writer) {
  Fd dir(::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  return dir.get() >= 0 && writer.sync(dir.get());
}

}  // namespace

JournalLock::JournalLock(const std::string& journal_path) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(journal_path, ec))) {
    // Before the lock: a journal that is no regular file (a FIFO) is refused at once
    // rather than found out while holding the lock.
    FileError why;
    if (!InputFile::open(journal_path, why)) {
      throw usage_error("unreadable-file",
                        "cannot read the journal '" + journal_path + "': " + why.message,
                        journal_path);
    }
  }
  fs::create_directories(folder_of(journal_path), ec);
  if (ec) {
    throw usage_error(
        "write-failed",
        "cannot create the journal's folder '" + folder_of(journal_path) + "': " + ec.message(),
        journal_path);
  }
  const std::string lock = journal_path + ".lock";
  // O_NOFOLLOW: a lock file planted as a symbolic link is not followed out of the folder.
  m_fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
  if (m_fd < 0) {
    throw usage_error("write-failed",
                      "cannot open the lock file '" + lock + "': " + std::strerror(errno), lock);
  }
  while (::flock(m_fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      const int error = errno;
      ::close(m_fd);
      m_fd = -1;
      throw usage_error("write-failed", "cannot lock '" + lock + "': " + std::strerror(error),
                        lock);
    }
  }
}

JournalLock::~JournalLock() {
  if (m_fd >= 0) {
    ::close(m_fd);  // closing releases the flock
  }
}

Journal read_journal(const std::string& path, const MeasurementIndex& index) {
  FileError why;
  std::optional<std::string> content = read_regular_file(path, why);
  if (!content) {
    if (why.missing) {
      Journal journal;
      journal.path = path;
      journal.columns = k_journal_columns;
      return journal;
    }
    throw usage_error("unreadable-file", "cannot read the journal '" + path + "': " + why.message,
                      path);
  }
  return parse_journal(path, std::move(*content), index);
}

void append_to_journal(const Journal& journal, std::string_view bytes, const WriteFaults& faults) {
  Writer writer(faults);
  const std::string& path = journal.path;
  const int flags = O_WRONLY | O_APPEND | (journal.exists ? 0 : O_CREAT | O_EXCL);
  Fd fd(writer.open(path.c_str(), flags, 0644));
  if (fd.get() < 0) {
    throw write_error(path, journal.exists ? "open for writing" : "create", errno);
  }
  const off_t original = static_cast<off_t>(journal.content.size());
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || info.st_size != original) {
    // Only a writer that ignores the lock can have changed it since it was read.
    throw usage_error("write-failed",
                      "the journal '" + path + "' changed while it was being checked; try again",
                      path);
  }
  if (writer.write_all(fd.get(), bytes) && writer.sync(fd.get()) &&
      (journal.exists || sync_folder(path, writer))) {
    return;
  }
  const int error = errno;
  // Undo a part-way append so that no partial row is left behind.
  if (journal.exists) {
    if (::ftruncate(fd.get(), original) == 0) {
      ::fsync(fd.get());
    }
  } else {
    fd.reset();
    ::unlink(path.c_str());
  }
  throw write_error(path, "append to", error);
}

void replace_journal(const Journal& journal, std::string_view content, const WriteFaults& faults) {
  Writer writer(faults);
  const std::string& path = journal.path;
  std::string temp = path + ".tmp-XXXXXX";
  int raw = -1;
  if (faults.fail_open) {
    errno = faults.error;
  } else {
    raw = ::mkostemp(temp.data(), O_CLOEXEC);
  }
  if (raw < 0) {
    throw write_error(folder_of(path), "create a file in", errno);
  }
  Fd fd(raw);
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) {
    ::fchmod(fd.get(), info.st_mode & 07777);  // keep the journal's permissions
  }
  bool done = writer.write_all(fd.get(), content) && writer.sync(fd.get());
  int error = errno;
  fd.reset();
  if (done) {
    done = writer.rename(temp.c_str(), path.c_str());
    error = errno;
    if (done) {
      // The new journal is in place; a failed folder sync can only lose the rename
      // itself on a crash, which leaves the old journal whole.
      if (!sync_folder(path, writer)) {
        throw usage_error(
            "write-failed",
            "the journal '" + path +
                "' was replaced, but syncing its folder failed: " + std::strerror(errno),
            path);
      }
      return;
    }
  }
  ::unlink(temp.c_str());
  throw write_error(path, "replace", error);
}

}  // namespace kpi
