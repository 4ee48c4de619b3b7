#include "output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/period/period.hpp"
#include "kpi/period/shift.hpp"

namespace kpi::cli {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw usage_error("unwritable", "cannot write '" + path + "': " + what);
}

}  // namespace

/// A stream buffer over a file descriptor that keeps the first write error, so that a
/// full disk is reported at commit, not lost.
class OutputFile::FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int fd() const { return fd_; }
  int error() const { return error_; }
  /// Writes what is buffered; false on a write error (kept in error()).
  bool drain() {
    const char* at = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, at, left);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        error_ = n < 0 ? errno : ENOSPC;
        break;
      }
      at += n;
      left -= static_cast<size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) {
      return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

OutputFile::OutputFile(std::string path) : path_(std::move(path)), stream_(&std::cout) {
  if (path_.empty()) {
    return;
  }
  const std::filesystem::path target(path_);
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // A cron line writes reports/{period}/summary.html: the month's folder is made first.
  std::error_code made;
  std::filesystem::create_directories(folder, made);
  std::string pattern = (folder / ("." + target.filename().string() + ".tmpXXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    fail(path_, std::strerror(errno));
  }
  temp_ = name.data();
  buffer_ = std::make_unique<FdBuffer>(fd);
  file_stream_ = std::make_unique<std::ostream>(buffer_.get());
  stream_ = file_stream_.get();
}

OutputFile::~OutputFile() {
  if (buffer_) {  // not committed
    ::close(buffer_->fd());
    ::unlink(temp_.c_str());
  }
}

void OutputFile::commit() {
  if (!buffer_) {
    std::cout << std::flush;
    if (!std::cout) {  // a full disk behind `>`, a closed pipe with SIGPIPE ignored
      throw usage_error("unwritable", "cannot write the standard output");
    }
    return;
  }
  const int fd = buffer_->fd();
  const bool written = buffer_->drain();
  const int write_error = buffer_->error();
  stream_ = &std::cout;  // the file's stream is gone; nothing more goes to it
  file_stream_.reset();
  buffer_.reset();
  const auto give_up = [&](int error) {
    ::close(fd);
    ::unlink(temp_.c_str());
    fail(path_, std::strerror(error));
  };
  if (!written) {
    give_up(write_error);
  }
  // mkstemp makes the file 0600; a report is meant to be read like any other file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0) {
    give_up(errno);
  }
  if (::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    fail(path_, why);
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    fail(path_, why);
  }
}

void write_output(const std::string& path, std::string_view text) {
  OutputFile out(path);
  out.stream().write(text.data(), static_cast<std::streamsize>(text.size()));
  out.commit();
}

std::string expand_output_path(const std::string& pattern, const Period& period, Date as_of,
                               std::string_view lang) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += pattern[i];
      continue;
    }
    const std::string_view name = std::string_view(pattern).substr(i + 1, close - i - 1);
    if (name == "period") {
      out += absolute_token(period);
    } else if (name == "as_of") {
      out += format_date(as_of);
    } else if (name == "lang") {
      out += lang;
    } else {
      throw usage_error("bad-output", "unknown placeholder '{" + std::string(name) +
                                          "}' in --output '" + pattern +
                                          "' (known: {period}, {as_of}, {lang})");
    }
    i = close;
  }
  return out;
}

std::string generated_stamp() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr || *value == '\0') {
    return "";
  }
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(value, &end, 10);
  // Up to the year 9999, so that the date prints as YYYY-MM-DD.
  if (*end != '\0' || errno != 0 || seconds < 0 || seconds > 253402300799LL) {
    throw usage_error("bad-value", std::string("SOURCE_DATE_EPOCH: '") + value +
                                       "' is not a number of seconds since 1970");
  }
  const Date day{static_cast<int>(seconds / 86400)};
  const long long rest = seconds % 86400;
  return fmt::format("{} {:02}:{:02} UTC", format_date(day), rest / 3600, rest % 3600 / 60);
}

}  // namespace kpi::cli
