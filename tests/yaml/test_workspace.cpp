// The workspace file: top-level keys, version, syntax errors, the file as a whole.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

using kpi::test::load;
using kpi::test::only;
using kpi::test::where;

BOOST_AUTO_TEST_SUITE(yaml_workspace)

BOOST_AUTO_TEST_CASE(full_workspace_round_trip) {
  kpi::LoadResult r = kpi::load_workspace_text(
      "version: 1                      # required\n"  // 1
      "name: ACME Corp\n"                             // 2
      "include: [kpis/*.yaml]\n"                      // 3
      "data: [data/*.csv, more/*.csv]\n"              // 4
      "journal: data/journal.csv\n"                   // 5
      "settings:\n"                                   // 6
      "  max_kpis_per_entity: 7\n"                    // 7
      "  default_frame: standard\n"                   // 8
      "units:\n"                                      // 9
      "  - {id: company, name: ACME Corp}\n"          // 10
      "people:\n"                                     // 11
      "  - {id: alice, member_of: company}\n"         // 12
      "frames:\n"                                     // 13
      "  - id: standard\n"                            // 14
      "    bands: [{points: 0}]\n"                    // 15
      "rewards:\n"                                    // 16
      "  - {label: D, multiplier: 0}\n"               // 17
      "kpis:\n"                                       // 18
      "  - id: company.revenue\n"                     // 19
      "    name: Revenue\n"                           // 20
      "    owner: company\n"                          // 21
      "    unit: VND\n"                               // 22
      "    period: yearly\n"                          // 23
      "    target: 24000000000\n",                    // 24
      "nowhere/kpi.yaml");
  // The include glob matches nothing below nowhere/: one warning, nothing else.
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "include-empty");
  BOOST_TEST(where(d) == "nowhere/kpi.yaml:3:11");
  const kpi::Workspace& ws = r.workspace;
  BOOST_TEST(ws.version == 1);
  BOOST_TEST(ws.name == "ACME Corp");
  BOOST_TEST(ws.file == "nowhere/kpi.yaml");
  BOOST_TEST(ws.root == (std::filesystem::current_path() / "nowhere").string());
  BOOST_TEST((ws.include == std::vector<std::string>{"kpis/*.yaml"}));
  BOOST_TEST((ws.data == std::vector<std::string>{"data/*.csv", "more/*.csv"}));
  BOOST_TEST(ws.journal == "data/journal.csv");
  BOOST_TEST((ws.files == std::vector<std::string>{"nowhere/kpi.yaml"}));
  BOOST_TEST(ws.settings.default_frame == "standard");
  BOOST_TEST(ws.units.size() == 1u);
  BOOST_TEST(ws.people.size() == 1u);
  BOOST_TEST(ws.frames.at(0).bands.size() == 1u);
  BOOST_TEST(ws.rewards.at(0).label == "D");
  BOOST_TEST(ws.kpis.at(0).target->value() == 24e9);
  BOOST_TEST(ws.kpis.at(0).pos.at("target").file == "nowhere/kpi.yaml");
  BOOST_TEST(ws.kpis.at(0).pos.at("target").line == 24);
  BOOST_TEST(ws.kpis.at(0).pos.at("target").column == 13);
  BOOST_TEST(ws.pos.at("kpis").line == 19);
  BOOST_TEST(ws.pos.key_at("kpis").line == 18);
  BOOST_TEST(ws.pos.at("journal").column == 10);
}

BOOST_AUTO_TEST_CASE(defaults_of_data_and_journal) {
  kpi::LoadResult r = load("version: 1\n");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST((r.workspace.data == std::vector<std::string>{"data/*.csv"}));
  BOOST_TEST(r.workspace.journal == "data/measurements.csv");
  BOOST_TEST(r.workspace.include.empty());
  kpi::LoadResult one = load("version: 1\ndata: in/*.csv\ninclude: defs.yaml\n");
  BOOST_TEST((one.workspace.data == std::vector<std::string>{"in/*.csv"}));
  BOOST_TEST((one.workspace.include == std::vector<std::string>{"defs.yaml"}));
}

BOOST_AUTO_TEST_CASE(include_and_data_must_be_strings) {
  kpi::Diagnostic d = only(load("version: 1\ndata: [a.csv, {x: 1}]\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:2:15");
  BOOST_TEST(d.message == "each entry of 'data' must be a string, not a mapping");
  kpi::LoadResult include = load("version: 1\ninclude: [{x: 1}]\n");
  BOOST_TEST(only(include).rule == "wrong-type");
  BOOST_TEST(where(only(include)) == "kpi.yaml:2:11");
  kpi::Diagnostic map = only(load("version: 1\ndata: {a: 1}\n"));
  BOOST_TEST(map.message == "'data' must be a string or a list of strings, not a mapping");
}

BOOST_AUTO_TEST_CASE(version_is_required_at_line_one) {
  kpi::Diagnostic d = only(load("# a comment\nname: ACME\n"));
  BOOST_TEST(d.rule == "missing-field");
  BOOST_TEST(where(d) == "kpi.yaml:1:1");
  BOOST_TEST(d.message ==
             "the workspace lacks the required key 'version'; add 'version: 1' at the top");
}

BOOST_AUTO_TEST_CASE(only_version_one_is_supported) {
  kpi::LoadResult r = load("name: x\nversion: 2\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "bad-value");
  BOOST_TEST(where(d) == "kpi.yaml:2:10");
  BOOST_TEST(d.message == "unsupported version 2; the only version is 1, write 'version: 1'");
  BOOST_TEST(r.workspace.version == 2);
  BOOST_TEST(only(load("version: \"1\"\n")).rule == "wrong-type");
}

BOOST_AUTO_TEST_CASE(syntax_error_at_the_line_yaml_cpp_names) {
  kpi::LoadResult r = load("version: 1\nunits: [a\nkpis: []\n");
  kpi::Diagnostic d = only(r);
  BOOST_TEST(d.rule == "yaml-syntax");
  BOOST_TEST(d.where.line == 3);
  BOOST_TEST(d.message.find("the file is not valid YAML: ") == 0);
  // The file contributes nothing else.
  BOOST_TEST(r.workspace.version == 0);
  kpi::Diagnostic value = only(load("version: 1\nname: a: b\n"));
  BOOST_TEST(value.rule == "yaml-syntax");
  BOOST_TEST(where(value) == "kpi.yaml:2:8");
}

BOOST_AUTO_TEST_CASE(top_level_must_be_a_mapping) {
  kpi::Diagnostic d = only(load("- version: 1\n"));
  BOOST_TEST(d.rule == "wrong-type");
  BOOST_TEST(where(d) == "kpi.yaml:1:1");
  BOOST_TEST(d.message == "the workspace file must be a mapping (key: value lines), not a list");
}

BOOST_AUTO_TEST_CASE(empty_workspace_file_still_needs_a_version) {
  for (const char* text : {"", "# only a comment\n"}) {
    kpi::Diagnostic d = only(load(text));
    BOOST_TEST(d.rule == "missing-field");
    BOOST_TEST(where(d) == "kpi.yaml:1:1");
  }
}

BOOST_AUTO_TEST_CASE(unreadable_workspace_file_is_a_usage_error) {
  try {
    kpi::load_workspace("no/such/folder/kpi.yaml");
    BOOST_FAIL("expected kpi::Error");
  } catch (const kpi::Error& e) {
    BOOST_TEST(e.exit_status == 2);
    BOOST_TEST(e.diagnostic.rule == "no-workspace");
    BOOST_TEST(e.diagnostic.where.file == "no/such/folder/kpi.yaml");
  }
}

BOOST_AUTO_TEST_CASE(loads_a_workspace_file_from_disk) {
  kpi::test::TempWorkspace temp;
  temp.write("kpi.yaml", "version: 1\nname: Disk\n");
  kpi::LoadResult r = kpi::load_workspace("kpi.yaml");
  BOOST_TEST(r.diagnostics.empty());
  BOOST_TEST(r.workspace.name == "Disk");
  BOOST_TEST(r.workspace.file == "kpi.yaml");
  BOOST_TEST(r.workspace.root == std::filesystem::current_path().string());
}

BOOST_AUTO_TEST_SUITE_END()
