#pragma once
// Glob expansion over the file system: `*`, `?` and `[...]` within one path segment,
// `**` for any number of folders.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

/// The regular files matching `pattern` (a '/'-separated glob), relative to `base` unless
/// the pattern is absolute, as generic lexically normal paths sorted by byte order and
/// without repeats. Wildcards do not match a leading '.' in a name; `**` does not follow
/// symbolic links to folders. Unreadable folders are skipped. With a `boundary`, no folder
/// outside it (once symbolic links are resolved) is listed: the walk never leaves it.
std::vector<std::string> expand_glob(const std::filesystem::path& base, std::string_view pattern,
                                     const std::filesystem::path& boundary = {});

/// True when `segment` holds a wildcard character.
bool has_wildcard(std::string_view segment);

}  // namespace kpi
