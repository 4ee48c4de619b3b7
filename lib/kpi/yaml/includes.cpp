// Files: reading them, following include globs, finding the workspace and its data.

#include <algorithm>

#include "kpi/util/file.hpp"
#include "kpi/util/glob.hpp"
#include "kpi/util/quote.hpp"
#include "kpi/yaml/limits.hpp"
#include "kpi/yaml/loading.hpp"

namespace kpi {

namespace fs = std::filesystem;

namespace yaml {

std::optional<std::string> read_file_text(const fs::path& file, std::string& error) {
  FileError why;
  std::optional<std::string> text = read_regular_file(file.string(), why);
  if (!text) {
    error = why.message;
  }
  return text;
}

std::string display_path(const fs::path& folder, const std::string& relative) {
  std::string path = (folder / relative).lexically_normal().generic_string();
  return path.empty() ? "." : path;
}

void load_includes(const std::vector<GlobEntry>& globs, const fs::path& folder,
                   const LoadOptions& options, LoadResult& into) {
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  std::error_code ec;
  const fs::path boundary = options.allow_outside ? fs::path() : fs::absolute(base, ec);
  std::vector<std::string> seen;
  for (const std::string& file : into.workspace.files) {
    seen.push_back(fs::path(file).lexically_normal().generic_string());
  }
  size_t included = 0;
  for (const auto& [glob, at] : globs) {
    if (!options.allow_outside && leaves_lexically(glob)) {
      into.diagnostics.push_back(path_outside("include glob", glob, at));
      continue;
    }
    std::vector<std::string> matches = expand_glob(base, glob, boundary);
    if (matches.empty()) {
      into.diagnostics.push_back(Diagnostic{
          "include-empty", Severity::warning, "include glob " + quote(glob) + " matches no file",
          at, "check the path; it is relative to the folder of " + at.file});
      continue;
    }
    for (const std::string& match : matches) {
      std::string file = display_path(folder, match);
      if (std::find(seen.begin(), seen.end(), file) != seen.end()) {
        continue;
      }
      if (++included > k_max_included_files) {
        into.diagnostics.push_back(Diagnostic{"yaml-limit", Severity::error,
                                              "the includes match more than " +
                                                  with_thousands(k_max_included_files) +
                                                  " files; the rest are not read",
                                              at, "see LIMITS in kpi-format(5)"});
        return;
      }
      seen.push_back(file);
      if (!options.allow_outside && !is_inside(base, match)) {
        into.diagnostics.push_back(path_outside("included file", file, at));
        continue;
      }
      std::string error;
      std::optional<std::string> text = read_file_text(file, error);
      if (!text) {
        into.diagnostics.push_back(Diagnostic{"include-error",
                                              Severity::error,
                                              "cannot read included file '" + file + "': " + error,
                                              at,
                                              {}});
        continue;
      }
      read_included_text(*text, file, into);
    }
  }
}

}  // namespace yaml

void load_definitions_file(const fs::path& file, LoadResult& into) {
  std::string error;
  std::optional<std::string> text = yaml::read_file_text(file, error);
  if (!text) {
    into.diagnostics.push_back(Diagnostic{"include-error",
                                          Severity::error,
                                          "cannot read file '" + file.string() + "': " + error,
                                          {file.string(), 0, 0},
                                          {}});
    return;
  }
  yaml::read_included_text(*text, file.string(), into);
}

std::optional<fs::path> find_workspace_file(const fs::path& start) {
  std::error_code ec;
  fs::path folder = fs::absolute(start, ec).lexically_normal();
  if (ec) {
    return std::nullopt;
  }
  while (true) {
    fs::path candidate = folder / "kpi.yaml";
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
    fs::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) {
      return std::nullopt;
    }
    folder = parent;
  }
}

std::vector<std::string> test_files(const Workspace& workspace, const LoadOptions& options) {
  const fs::path folder = fs::path(workspace.file).parent_path();
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  std::error_code ec;
  const fs::path boundary = options.allow_outside ? fs::path() : fs::absolute(base, ec);
  std::vector<std::string> out;
  for (const std::string& glob : workspace.tests) {
    if (!options.allow_outside && leaves_lexically(glob)) {
      continue;
    }
    for (const std::string& match : expand_glob(base, glob, boundary)) {
      if (options.allow_outside || is_inside(base, match)) {
        const std::string file = yaml::display_path(folder, match);
        if (std::find(out.begin(), out.end(), file) == out.end()) {
          out.push_back(file);
        }
      }
    }
  }
  return out;
}

DataFiles data_files(const Workspace& workspace, const LoadOptions& options) {
  fs::path folder = fs::path(workspace.file).parent_path();
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  std::error_code ec;
  const fs::path boundary = options.allow_outside ? fs::path() : fs::absolute(base, ec);
  DataFiles out;
  // A file two globs match is listed twice: the reader reads it once and warns
  // (data-repeated), since naming a file twice is most likely a mistake.
  for (const std::string& glob : workspace.data) {
    if (!options.allow_outside && leaves_lexically(glob)) {
      continue;  // the loader has reported it as path-outside
    }
    std::vector<std::string> matches = expand_glob(base, glob, boundary);
    if (matches.empty()) {
      out.warnings.push_back(Diagnostic{
          "data-empty", Severity::warning, "data glob '" + glob + "' matches no file",
          workspace.pos.has("data") ? workspace.pos.at("data") : SourceLocation{workspace.file},
          "check the path; it is relative to the folder of " + workspace.file});
    }
    for (const std::string& match : matches) {
      if (!options.allow_outside && !is_inside(base, match)) {
        continue;
      }
      out.files.push_back(yaml::display_path(folder, match));
    }
  }
  if (!workspace.journal.empty() &&
      (options.allow_outside ||
       (!leaves_lexically(workspace.journal) && is_inside(base, workspace.journal)))) {
    std::string journal = yaml::display_path(folder, workspace.journal);
    // The journal is read once, also where a glob matches it: no warning for that.
    const bool matched = std::any_of(out.files.begin(), out.files.end(), [&](const auto& f) {
      std::error_code same;
      return f == journal || fs::equivalent(f, journal, same);
    });
    if (!matched && fs::exists(fs::symlink_status(journal, ec))) {
      // A journal that exists but cannot be read (or is no regular file) is listed, so
      // that reading it says why instead of scoring without it.
      out.files.push_back(journal);
    }
  }
  return out;
}

std::vector<std::string> measurement_files(const Workspace& workspace, const LoadOptions& options) {
  std::vector<std::string> files;
  for (std::string& file : data_files(workspace, options).files) {
    if (std::find(files.begin(), files.end(), file) == files.end()) {
      files.push_back(std::move(file));
    }
  }
  return files;
}

namespace yaml {

Diagnostic path_outside(const std::string& what, const std::string& path,
                        const SourceLocation& at) {
  return Diagnostic{"path-outside", Severity::error,
                    what + " '" + path + "' lies outside the workspace folder", at,
                    "keep every file the workspace names inside its folder, or run with "
                    "--allow-outside if this is meant"};
}

void check_data_paths(const std::vector<GlobEntry>& data, const GlobEntry& journal,
                      const fs::path& folder, std::vector<Diagnostic>& into) {
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  std::error_code ec;
  const fs::path boundary = fs::absolute(base, ec);
  for (const auto& [glob, at] : data) {
    if (leaves_lexically(glob)) {
      into.push_back(path_outside("data glob", glob, at));
      continue;
    }
    for (const std::string& match : expand_glob(base, glob, boundary)) {
      if (!is_inside(base, match)) {
        into.push_back(path_outside("data file", display_path(folder, match), at));
      }
    }
  }
  const auto& [path, at] = journal;
  if (!path.empty() && (leaves_lexically(path) || !is_inside(base, path))) {
    into.push_back(path_outside("journal", path, at));
  }
}

void check_source_paths(const std::vector<Source>& sources, const fs::path& folder,
                        std::vector<Diagnostic>& into) {
  const fs::path base = folder.empty() ? fs::path(".") : folder;
  std::error_code ec;
  const fs::path boundary = fs::absolute(base, ec);
  for (const Source& s : sources) {
    const fs::path defined_in = fs::path(s.at.file).parent_path();
    const fs::path from = defined_in.empty() ? fs::path(".") : defined_in;
    for (size_t g = 0; g < s.files.size() && g < s.file_positions.size(); ++g) {
      const std::string& glob = s.files[g];
      // Relative to the file naming it, which may sit in a folder of the workspace.
      if (glob_leaves(base, from, glob)) {
        into.push_back(path_outside("source glob", glob, s.file_positions[g]));
        continue;
      }
      for (const std::string& match : expand_glob(from, glob, boundary)) {
        if (!is_inside(base, from / match)) {
          into.push_back(path_outside("source file", display_path(folder, (from / match).string()),
                                      s.file_positions[g]));
        }
      }
    }
  }
}

}  // namespace yaml

}  // namespace kpi
