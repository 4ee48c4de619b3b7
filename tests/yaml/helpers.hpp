#pragma once
// Shared by the yaml tests: loading texts, picking findings, temporary workspaces.

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "kpi/yaml/definitions.hpp"

namespace kpi::test {

/// A valid KPI whose last line is line 7; tests append lines from line 8 on.
inline const std::string k_kpi_head =
    "version: 1\n"
    "kpis:\n"
    "  - id: sales.revenue\n"
    "    name: Revenue\n"
    "    owner: sales\n"
    "    unit: VND\n"
    "    period: monthly\n";

inline LoadResult load(std::string_view text) { return load_workspace_text(text, "kpi.yaml"); }

/// "file:line:column" of a finding.
inline std::string where(const Diagnostic& d) {
  return d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
}

/// The one finding of a load; fails the test when there are none or several.
inline Diagnostic only(const LoadResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    BOOST_TEST_MESSAGE(where(d) + " " + d.rule + ": " + d.message);
  }
  BOOST_REQUIRE_EQUAL(result.diagnostics.size(), 1u);
  return result.diagnostics.front();
}

/// A fresh folder under the system temp folder, removed with everything in it; while it
/// lives it is the current folder, so relative paths in positions stay short.
class TempWorkspace {
 public:
  TempWorkspace() : m_old(std::filesystem::current_path()) {
    std::random_device random;
    m_dir = std::filesystem::temp_directory_path() /
            ("kpi-yaml-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_dir);
    std::filesystem::current_path(m_dir);
  }
  ~TempWorkspace() {
    std::error_code ec;
    std::filesystem::current_path(m_old, ec);
    std::filesystem::remove_all(m_dir, ec);
  }
  TempWorkspace(const TempWorkspace&) = delete;
  TempWorkspace& operator=(const TempWorkspace&) = delete;

  const std::filesystem::path& dir() const { return m_dir; }
  void write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = m_dir / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }

 private:
  std::filesystem::path m_old;
  std::filesystem::path m_dir;
};

}  // namespace kpi::test
