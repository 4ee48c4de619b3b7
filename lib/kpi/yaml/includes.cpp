// Files: reading them, following include globs, finding the workspace and its data.

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "kpi/util/glob.hpp"
#include "kpi/util/quote.hpp"
#include "kpi/yaml/limits.hpp"
#include "kpi/yaml/loading.hpp"

namespace kpi {

namespace fs = std::filesystem;

namespace yaml {

std::optional<std::string> read_file_text(const fs::path& file, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    error = "it is a folder";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  // Block reads: a string stream fed from rdbuf() took 5 % of validating a large
  // workspace.
  std::string text;
  std::array<char, 1 << 16> block;
  while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
    text.append(block.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

std::string display_path(const fs::path& folder, const std::string& relative) {
  std::string path = (folder / relative).lexically_normal().generic_string();
  return path.empty() ? "." : path;
}

void load_includes(const std::vector<GlobEntry>& globs, const fs::path& folder, LoadResult& into) {
  std::vector<std::string> seen;
  for (const std::string& file : into.workspace.files) {
    seen.push_back(fs::path(file).lexically_normal().generic_string());
  }
  size_t included = 0;
  for (const auto& [glob, at] : globs) {
    std::vector<std::string> matches = expand_glob(folder.empty() ? fs::path(".") : folder, glob);
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

std::vector<std::string> measurement_files(const Workspace& workspace) {
  fs::path folder = fs::path(workspace.file).parent_path();
  std::vector<std::string> files;
  for (const std::string& glob : workspace.data) {
    for (const std::string& match : expand_glob(folder.empty() ? fs::path(".") : folder, glob)) {
      std::string file = yaml::display_path(folder, match);
      if (std::find(files.begin(), files.end(), file) == files.end()) {
        files.push_back(file);
      }
    }
  }
  if (!workspace.journal.empty()) {
    std::string journal = yaml::display_path(folder, workspace.journal);
    std::error_code ec;
    if (std::find(files.begin(), files.end(), journal) == files.end() &&
        fs::is_regular_file(journal, ec)) {
      files.push_back(journal);
    }
  }
  return files;
}

}  // namespace kpi
