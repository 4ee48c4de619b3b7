// The workspace is the boundary: include, data and journal that leave its folder.

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "helpers.hpp"

namespace fs = std::filesystem;
using kpi::test::TempWorkspace;
using kpi::test::where;

namespace {

std::string kpi_in(const std::string& id) {
  return "kpis:\n  - id: " + id + "\n    name: K\n    owner: u\n    unit: x\n    period: monthly\n";
}

/// The path-outside findings of a load, as "file:line:col message".
std::vector<std::string> outside(const kpi::LoadResult& r) {
  std::vector<std::string> found;
  for (const kpi::Diagnostic& d : r.diagnostics) {
    if (d.rule == "path-outside") {
      BOOST_TEST((d.severity == kpi::Severity::error));
      found.push_back(where(d) + " " + d.message);
    }
  }
  return found;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_boundary)

BOOST_AUTO_TEST_CASE(includes_that_leave_the_folder_are_not_read) {
  TempWorkspace temp;
  temp.write("secret/s.yaml", kpi_in("secret.kpi"));
  temp.write("ws/kpi.yaml",
             "version: 1\ninclude:\n  - ../secret/*.yaml\n  - /etc/passwd\n  - \"/**/*.yaml\"\n"
             "  - defs/*.yaml\n");
  temp.write("ws/defs/own.yaml", kpi_in("own.kpi"));
  fs::create_symlink("../../secret/s.yaml", "ws/defs/link.yaml");
  kpi::LoadResult r = kpi::load_workspace("ws/kpi.yaml");
  BOOST_TEST(
      (outside(r) ==
       std::vector<std::string>{
           "ws/kpi.yaml:3:5 include glob '../secret/*.yaml' lies outside the workspace folder",
           "ws/kpi.yaml:4:5 include glob '/etc/passwd' lies outside the workspace folder",
           "ws/kpi.yaml:5:5 include glob '/**/*.yaml' lies outside the workspace folder",
           "ws/kpi.yaml:6:5 included file 'ws/defs/link.yaml' lies outside the workspace "
           "folder"}));
  BOOST_REQUIRE_EQUAL(r.workspace.kpis.size(), 1u);
  BOOST_TEST(r.workspace.kpis[0].id == "own.kpi");
  BOOST_TEST((r.workspace.files == std::vector<std::string>{"ws/kpi.yaml", "ws/defs/own.yaml"}));
}

BOOST_AUTO_TEST_CASE(a_glob_does_not_walk_a_linked_folder_outside) {
  TempWorkspace temp;
  temp.write("secret/s.yaml", kpi_in("secret.kpi"));
  temp.write("ws/kpi.yaml", "version: 1\ninclude: \"*/*.yaml\"\n");
  fs::create_symlink("../secret", "ws/linked");
  kpi::LoadResult r = kpi::load_workspace("ws/kpi.yaml");
  BOOST_TEST(r.workspace.kpis.empty());
  BOOST_TEST(r.diagnostics.size() == 1u);
  BOOST_TEST(r.diagnostics[0].rule == "include-empty");
}

BOOST_AUTO_TEST_CASE(allow_outside_reads_them) {
  TempWorkspace temp;
  temp.write("secret/s.yaml", kpi_in("secret.kpi"));
  temp.write("ws/kpi.yaml", "version: 1\ninclude: ../secret/*.yaml\n");
  kpi::LoadOptions options;
  options.allow_outside = true;
  kpi::LoadResult r = kpi::load_workspace("ws/kpi.yaml", options);
  BOOST_TEST(outside(r).empty());
  BOOST_REQUIRE_EQUAL(r.workspace.kpis.size(), 1u);
  BOOST_TEST(r.workspace.kpis[0].id == "secret.kpi");
}

BOOST_AUTO_TEST_CASE(data_and_journal_outside_are_findings_and_not_listed) {
  TempWorkspace temp;
  temp.write("ws/kpi.yaml",
             "version: 1\ndata: [data/*.csv, /proc/self/environ, ../x/*.csv]\n"
             "journal: /tmp/elsewhere/j.csv\n");
  temp.write("ws/data/a.csv", "kpi,date,value\n");
  fs::create_symlink("/etc/passwd", "ws/data/zz.csv");
  kpi::LoadResult r = kpi::load_workspace("ws/kpi.yaml");
  BOOST_TEST(
      (outside(r) ==
       std::vector<std::string>{
           "ws/kpi.yaml:2:8 data file 'ws/data/zz.csv' lies outside the workspace folder",
           "ws/kpi.yaml:2:20 data glob '/proc/self/environ' lies outside the workspace folder",
           "ws/kpi.yaml:2:40 data glob '../x/*.csv' lies outside the workspace folder",
           "ws/kpi.yaml:3:10 journal '/tmp/elsewhere/j.csv' lies outside the workspace "
           "folder"}));
  BOOST_TEST((kpi::measurement_files(r.workspace) == std::vector<std::string>{"ws/data/a.csv"}));
  kpi::LoadOptions options;
  options.allow_outside = true;
  BOOST_TEST((kpi::measurement_files(r.workspace, options) ==
              std::vector<std::string>{"ws/data/a.csv", "ws/data/zz.csv", "/proc/self/environ"}));
}

BOOST_AUTO_TEST_CASE(the_default_data_glob_is_checked_too) {
  TempWorkspace temp;
  temp.write("ws/kpi.yaml", "version: 1\n");
  fs::create_directories("ws/data");
  fs::create_symlink("/etc/passwd", "ws/data/zz.csv");
  kpi::LoadResult r = kpi::load_workspace("ws/kpi.yaml");
  BOOST_TEST((outside(r) == std::vector<std::string>{
                                "ws/kpi.yaml:1:1 data file 'ws/data/zz.csv' lies outside the "
                                "workspace folder"}));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_an_encoding_error_at_its_position) {
  kpi::LoadResult r = kpi::test::load("version: 1\nname: \"Doanh thu th\xC3\xA1ng \xE9t\"\n");
  kpi::Diagnostic d = kpi::test::only(r);
  BOOST_TEST(d.rule == "encoding");
  BOOST_TEST((d.severity == kpi::Severity::error));
  BOOST_TEST(where(d) == "kpi.yaml:2:24");
  BOOST_TEST(d.message == "the file is not valid UTF-8: byte 0xE9 here starts no UTF-8 character");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_an_included_file) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: more.yaml\n");
  temp.write("more.yaml", "units:\n  - id: u\n    name: \"\xFF\"\n");
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  kpi::Diagnostic d = kpi::test::only(r);
  BOOST_TEST(d.rule == "encoding");
  BOOST_TEST(where(d) == "more.yaml:3:12");
}

BOOST_AUTO_TEST_CASE(fifos_are_never_opened) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: [pipe.yaml]\n");
  BOOST_REQUIRE(::mkfifo("pipe.yaml", 0600) == 0);
  BOOST_REQUIRE(::mkfifo("ws.yaml", 0600) == 0);
  // A glob matches regular files only, so the FIFO is not even opened.
  kpi::Diagnostic d = kpi::test::only(kpi::load_workspace("kpi.yaml"));
  BOOST_TEST(d.rule == "include-empty");
  // A FIFO named as the workspace file is refused at once (a wrong call).
  try {
    kpi::load_workspace("ws.yaml");
    BOOST_FAIL("a FIFO was loaded");
  } catch (const kpi::Error& e) {
    BOOST_TEST(e.exit_status == kpi::k_exit_usage);
    BOOST_TEST(e.diagnostic.message ==
               "cannot read workspace file 'ws.yaml': it is not a regular file (a FIFO)");
  }
}

BOOST_AUTO_TEST_SUITE_END()
