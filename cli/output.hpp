#pragma once
// Where a command's document goes: stdout, or a file replaced atomically.

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "kpi/period/period.hpp"

namespace kpi::cli {

/// `path` empty: stdout. Otherwise a temporary file in the same folder is written,
/// flushed to disk and renamed over `path`, so readers see the old file or the new one,
/// never a part. Missing parent folders are made. A path that cannot be written is exit 2.
void write_output(const std::string& path, std::string_view text);

/// The same, written as it is rendered, so that a large report is never held whole:
/// render into stream(), then commit(). Without commit() (an exception on the way) the
/// temporary file is removed and `path` is left as it was.
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  std::ostream& stream() { return *stream_; }
  /// Flushes, syncs and renames over `path` (stdout: flushes). Exit 2 when it cannot.
  void commit();

 private:
  class FdBuffer;
  std::string path_;
  std::string temp_;
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> file_stream_;
  std::ostream* stream_;
};

/// An --output path with its placeholders filled in: {period} becomes the period's own
/// token ("2026-10", also for --period last-month), {as_of} the as-of date ("2026-11-05")
/// and {lang} the language of the labels ("en"), so that a cron line can write
/// `reports/{period}.html`. Any other {word} is exit 2, naming the known ones.
std::string expand_output_path(const std::string& pattern, const Period& period, Date as_of,
                               std::string_view lang);

/// "2026-12-01 06:00 UTC" from SOURCE_DATE_EPOCH (seconds since 1970, UTC), or empty when
/// it is not set: nothing else in a report depends on the wall clock. A value that is
/// not a whole number of seconds is exit 2.
std::string generated_stamp();

}  // namespace kpi::cli
