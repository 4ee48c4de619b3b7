#pragma once
// Where a command's document goes: stdout, or a file replaced atomically.

#include <string>

namespace kpi::cli {

/// `path` empty: stdout. Otherwise a temporary file in the same folder is written,
/// flushed to disk and renamed over `path`, so readers see the old file or the new one,
/// never a part. A path that cannot be written is exit 2.
void write_output(const std::string& path, const std::string& text);

/// "2026-12-01 06:00 UTC" from SOURCE_DATE_EPOCH (seconds since 1970, UTC), or empty when
/// it is not set: nothing else in a report depends on the wall clock. A value that is
/// not a whole number of seconds is exit 2.
std::string generated_stamp();

}  // namespace kpi::cli
