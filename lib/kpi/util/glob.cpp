#include "kpi/util/glob.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "kpi/util/file.hpp"

namespace kpi {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_segments(std::string_view pattern) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    std::size_t slash = pattern.find('/', start);
    if (slash == std::string_view::npos) {
      slash = pattern.size();
    }
    if (slash > start) {
      segments.emplace_back(pattern.substr(start, slash - start));
    }
    start = slash + 1;
  }
  return segments;
}

class Walker {
 public:
  Walker(const fs::path& base, std::vector<std::string> segments, const fs::path& boundary)
      : m_base(base), m_segments(std::move(segments)), m_boundary(boundary) {}

  std::vector<std::string> run() {
    walk(fs::path(), 0);
    std::sort(m_found.begin(), m_found.end());
    m_found.erase(std::unique(m_found.begin(), m_found.end()), m_found.end());
    return m_found;
  }

 private:
  /// `rel` is the path matched so far, relative to the base; `index` the next segment.
  void walk(const fs::path& rel, std::size_t index) {
    std::error_code ec;
    fs::path here = m_base / rel;
    if (index == m_segments.size()) {
      if (fs::is_regular_file(here, ec)) {
        m_found.push_back(rel.lexically_normal().generic_string());
      }
      return;
    }
    if (!m_boundary.empty() &&
        !is_inside(m_boundary, fs::absolute(here.empty() ? fs::path(".") : here, ec))) {
      return;  // a symbolic link or ".." led out of the boundary: list nothing there
    }
    const std::string& segment = m_segments[index];
    if (segment == "**") {
      walk(rel, index + 1);
      for (const fs::path& child : children(here)) {
        // Like a shell, ** walks no hidden folders.
        if (child.string()[0] != '.' && fs::is_directory(fs::symlink_status(here / child, ec))) {
          walk(rel / child, index);
        }
      }
      return;
    }
    if (!has_wildcard(segment)) {
      bool last = index + 1 == m_segments.size();
      if (last || fs::is_directory(here / segment, ec)) {
        walk(rel / segment, index + 1);
      }
      return;
    }
    for (const fs::path& child : children(here)) {
      if (fnmatch(segment.c_str(), child.c_str(), FNM_PERIOD) == 0) {
        walk(rel / child, index + 1);
      }
    }
  }

  /// The names in a folder (FNM_PERIOD keeps wildcards off hidden ones); none when it
  /// cannot be listed.
  static std::vector<fs::path> children(const fs::path& folder) {
    std::vector<fs::path> names;
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (!it->path().filename().empty()) {
        names.push_back(it->path().filename());
      }
    }
    return names;
  }

  fs::path m_base;
  std::vector<std::string> m_segments;
  fs::path m_boundary;
  std::vector<std::string> m_found;
};

}  // namespace

bool has_wildcard(std::string_view segment) {
  return segment.find_first_of("*?[") != std::string_view::npos;
}

std::vector<std::string> expand_glob(const fs::path& base, std::string_view pattern,
                                     const fs::path& boundary) {
  if (pattern.empty()) {
    return {};
  }
  bool absolute = pattern.front() == '/';
  Walker walker(absolute ? fs::path("/") : base, split_segments(pattern), boundary);
  std::vector<std::string> found = walker.run();
  if (absolute) {
    for (std::string& path : found) {
      path = std::string("/").append(path);
    }
  }
  return found;
}

}  // namespace kpi
