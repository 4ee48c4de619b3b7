#pragma once
// Internal to yaml/: reading files and following include globs.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kpi/yaml/definitions.hpp"

namespace kpi::yaml {

/// A glob as written and where it was written.
using GlobEntry = std::pair<std::string, SourceLocation>;

/// The whole file, or nullopt with `error` saying why it cannot be read.
std::optional<std::string> read_file_text(const std::filesystem::path& file, std::string& error);

/// `folder` joined with `relative`, lexically normal, '/'-separated, no leading "./".
std::string display_path(const std::filesystem::path& folder, const std::string& relative);

/// Reads the text of an included file (units, people, frames, rewards, kpis only).
void read_included_text(std::string_view text, const std::string& file, LoadResult& into);

/// Reads the files `globs` match, relative to `folder`, in glob order and each glob's
/// matches sorted; a file already in into.workspace.files is skipped.
void load_includes(const std::vector<GlobEntry>& globs, const std::filesystem::path& folder,
                   const LoadOptions& options, LoadResult& into);

/// An `encoding` finding at the first byte of `text` that is not UTF-8, if any.
void check_encoding(std::string_view text, const std::string& file, std::vector<Diagnostic>& into);

/// `path-outside` findings for sources' `files` globs (relative to the file defining
/// each source) and the files they match that leave `folder`.
void check_source_paths(const std::vector<Source>& sources, const std::filesystem::path& folder,
                        std::vector<Diagnostic>& into);

/// `path-outside` findings for `data` globs and the journal that leave `folder`.
void check_data_paths(const std::vector<GlobEntry>& data, const GlobEntry& journal,
                      const std::filesystem::path& folder, std::vector<Diagnostic>& into);

/// A `path-outside` finding: `what` ("included file", "data file", "journal") `path` lies
/// outside the workspace folder.
Diagnostic path_outside(const std::string& what, const std::string& path, const SourceLocation& at);

}  // namespace kpi::yaml
