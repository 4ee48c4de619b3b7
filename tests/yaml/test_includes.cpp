// Included files, measurement files and finding the workspace, on real folders.

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using kpi::test::only;
using kpi::test::TempWorkspace;
using kpi::test::where;

namespace {

std::string kpi_in(const std::string& id) {
  return "kpis:\n  - {id: " + id + ", name: N, owner: o, unit: u, period: daily}\n";
}

std::vector<std::string> kpi_ids(const kpi::Workspace& ws) {
  std::vector<std::string> ids;
  for (const kpi::Kpi& k : ws.kpis) {
    ids.push_back(k.id);
  }
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_includes)

BOOST_AUTO_TEST_CASE(globs_in_written_order_matches_sorted_each_file_once) {
  TempWorkspace temp;
  temp.write("kpi.yaml",
             "version: 1\ninclude: [b/*.yaml, a/*.yaml, a/2.yaml, \"*.yaml\"]\n" + kpi_in("main"));
  temp.write("a/2.yaml", kpi_in("a2"));
  temp.write("a/10.yaml", kpi_in("a10"));
  temp.write("b/x.yaml", kpi_in("bx"));
  temp.write("a/notes.txt", "not yaml: [");
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_TEST(r.diagnostics.empty());
  // Byte order puts a/10.yaml before a/2.yaml; kpi.yaml and a/2.yaml are read once.
  BOOST_TEST((r.workspace.files ==
              std::vector<std::string>{"kpi.yaml", "b/x.yaml", "a/10.yaml", "a/2.yaml"}));
  BOOST_TEST((kpi_ids(r.workspace) == std::vector<std::string>{"main", "bx", "a10", "a2"}));
  BOOST_TEST(r.workspace.kpis[1].pos.at("id").file == "b/x.yaml");
  BOOST_TEST(r.workspace.kpis[1].pos.at("id").line == 2);
  BOOST_TEST(r.workspace.kpis[1].pos.at("id").column == 10);
}

BOOST_AUTO_TEST_CASE(positions_join_the_workspace_folder_and_the_relative_path) {
  TempWorkspace temp;
  temp.write("examples/kpi.yaml", "version: 1\ninclude: ./kpis/../kpis/*.yaml\n");
  temp.write("examples/kpis/sales.yaml", kpi_in("s"));
  kpi::LoadResult r = kpi::load_workspace("./examples/kpi.yaml");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST((r.workspace.files ==
              std::vector<std::string>{"./examples/kpi.yaml", "examples/kpis/sales.yaml"}));
  BOOST_TEST(r.workspace.kpis.at(0).pos.mapping.file == "examples/kpis/sales.yaml");
}

BOOST_AUTO_TEST_CASE(double_star_matches_any_depth) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: \"defs/**/*.yaml\"\n");
  temp.write("defs/top.yaml", kpi_in("top"));
  temp.write("defs/x/y/deep.yaml", kpi_in("deep"));
  temp.write("defs/x/mid.yaml", kpi_in("mid"));
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST((kpi_ids(r.workspace) == std::vector<std::string>{"top", "mid", "deep"}));
}

BOOST_AUTO_TEST_CASE(glob_matching_nothing_is_a_warning_at_the_glob) {
  kpi::LoadResult r = kpi::load_workspace_text("version: 1\ninclude:\n  - nothing/here/*.yaml\n",
                                               "kpi-yaml-test-none/kpi.yaml");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "include-empty");
  BOOST_TEST((d.severity == kpi::Severity::warning));
  BOOST_TEST(where(d) == "kpi-yaml-test-none/kpi.yaml:3:5");
  BOOST_TEST(d.message == "include glob 'nothing/here/*.yaml' matches no file");
}

BOOST_AUTO_TEST_CASE(included_file_may_hold_only_definition_lists) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: more.yaml\n");
  temp.write("more.yaml", "version: 1\nunits: [{id: u}]\nkpi: []\n");
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 2u);
  BOOST_TEST(r.diagnostics[0].rule == "unknown-key");
  BOOST_TEST(where(r.diagnostics[0]) == "more.yaml:1:1");
  BOOST_TEST(r.diagnostics[0].message ==
             "key 'version' is not allowed in an included file; only units, people, frames, "
             "rewards, kpis and sources are (move it to the workspace file)");
  BOOST_TEST(r.diagnostics[1].rule == "unknown-key");
  BOOST_TEST(where(r.diagnostics[1]) == "more.yaml:3:1");
  BOOST_TEST(r.diagnostics[1].message == "unknown key 'kpi' in an included file");
  BOOST_TEST(r.diagnostics[1].hint == "did you mean 'kpis'?");
  BOOST_TEST(r.workspace.units.size() == 1u);
}

BOOST_AUTO_TEST_CASE(syntax_error_in_an_included_file_stops_only_that_file) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: [bad.yaml, good.yaml]\n");
  temp.write("bad.yaml", "units: [\n");
  temp.write("good.yaml", kpi_in("good"));
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "yaml-syntax");
  BOOST_TEST(d.where.file == "bad.yaml");
  BOOST_TEST((kpi_ids(r.workspace) == std::vector<std::string>{"good"}));
  BOOST_TEST((r.workspace.files == std::vector<std::string>{"kpi.yaml", "bad.yaml", "good.yaml"}));
}

BOOST_AUTO_TEST_CASE(empty_included_file_is_fine) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: empty.yaml\n");
  temp.write("empty.yaml", "");
  BOOST_TEST(kpi::load_workspace("kpi.yaml").diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(unreadable_included_file_is_an_include_error_at_the_glob) {
  if (geteuid() == 0) {
    return;  // root reads anything; nothing to test
  }
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\ninclude: [locked.yaml]\n");
  temp.write("locked.yaml", kpi_in("x"));
  std::filesystem::permissions("locked.yaml", std::filesystem::perms::none);
  kpi::Diagnostic d = only(kpi::load_workspace("kpi.yaml"));
  BOOST_TEST(d.rule == "include-error");
  BOOST_TEST(where(d) == "kpi.yaml:2:11");
  BOOST_TEST(d.message.find("cannot read included file 'locked.yaml': ") == 0);
}

BOOST_AUTO_TEST_CASE(definitions_file_alone) {
  TempWorkspace temp;
  temp.write("alone.yaml", kpi_in("solo") + "settings: {}\n");
  kpi::LoadResult r;
  kpi::load_definitions_file("alone.yaml", r);
  BOOST_TEST((kpi_ids(r.workspace) == std::vector<std::string>{"solo"}));
  BOOST_TEST((r.workspace.files == std::vector<std::string>{"alone.yaml"}));
  BOOST_TEST(only(r).rule == "unknown-key");
  BOOST_TEST(where(only(r)) == "alone.yaml:3:1");
  kpi::LoadResult missing;
  kpi::load_definitions_file("missing.yaml", missing);
  BOOST_TEST(only(missing).rule == "include-error");
  BOOST_TEST(only(missing).message == "cannot read file 'missing.yaml': no such file");
  kpi::LoadResult folder;
  kpi::load_definitions_file(".", folder);
  BOOST_TEST(only(folder).message == "cannot read file '.': it is a folder");
}

BOOST_AUTO_TEST_CASE(measurement_files_in_glob_order_with_the_journal_once) {
  TempWorkspace temp;
  temp.write("ws/kpi.yaml", "version: 1\ndata: [data/*.csv, extra/*.csv]\n");
  temp.write("ws/data/b.csv", "");
  temp.write("ws/data/a.csv", "");
  temp.write("ws/data/measurements.csv", "");
  temp.write("ws/extra/x.csv", "");
  kpi::LoadResult r = kpi::load_workspace("ws/kpi.yaml");
  BOOST_TEST((kpi::measurement_files(r.workspace) ==
              std::vector<std::string>{"ws/data/a.csv", "ws/data/b.csv", "ws/data/measurements.csv",
                                       "ws/extra/x.csv"}));
  // A journal outside the globs comes last, and only when it exists.
  r.workspace.journal = "log/journal.csv";
  BOOST_TEST(kpi::measurement_files(r.workspace).size() == 4u);
  temp.write("ws/log/journal.csv", "");
  BOOST_TEST(kpi::measurement_files(r.workspace).back() == "ws/log/journal.csv");
  BOOST_TEST(kpi::measurement_files(r.workspace).size() == 5u);
}

BOOST_AUTO_TEST_CASE(default_data_glob_and_journal) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\n");
  temp.write("data/measurements.csv", "");
  temp.write("data/2026.csv", "");
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_TEST((kpi::measurement_files(r.workspace) ==
              std::vector<std::string>{"data/2026.csv", "data/measurements.csv"}));
}

BOOST_AUTO_TEST_CASE(workspace_file_is_found_upwards) {
  TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\n");
  std::filesystem::create_directories(temp.dir() / "a" / "b");
  std::optional<std::filesystem::path> found = kpi::find_workspace_file(temp.dir() / "a" / "b");
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(found->string() == (temp.dir() / "kpi.yaml").lexically_normal().string());
  BOOST_TEST(kpi::find_workspace_file("a/b").value() == found.value());
}

BOOST_AUTO_TEST_SUITE_END()
