#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "kpi/author/author.hpp"
#include "kpi/validate/validate.hpp"
#include "kpi/yaml/definitions.hpp"

using namespace kpi;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(author_stage)

namespace {

/// The starter's kpi.yaml as embedded.
std::string starter_yaml(const char* name) {
  for (const kpi::TemplateFile& f : kpi::find_init_template(name)->files) {
    if (std::string_view(f.path) == "kpi.yaml") {
      return std::string(f.content);
    }
  }
  return {};
}

/// A starter written to a fresh folder; returns its kpi.yaml.
fs::path write_starter(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kpi-test-author-stage-" + name);
  fs::remove_all(dir);
  for (const TemplateFile& f : find_init_template(name)->files) {
    fs::create_directories((dir / f.path).parent_path());
    std::ofstream(dir / f.path, std::ios::binary) << f.content;
  }
  return dir / "kpi.yaml";
}

Kpi calls(const std::string& owner) {
  Kpi k;
  k.id = "sales.calls";
  k.name = "Customer calls";
  k.description = "Calls to customers in the month, from the phone system";
  k.owner = owner;
  k.unit = "calls";
  k.source = "Phone system export";
  k.period = SlotKind::monthly;
  k.target = Target{40, 40, false};
  k.baseline = 35;
  k.aligned_to = "sales.revenue";
  return k;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_starter_is_clean_under_strict) {
  for (const InitTemplate& t : init_templates()) {
    fs::path file = write_starter(std::string(t.name));
    LoadResult load = load_workspace(file);
    std::vector<Diagnostic> all = load.diagnostics;
    std::vector<Diagnostic> more = validate_workspace(load.workspace, make_date(2026, 11, 23));
    all.insert(all.end(), more.begin(), more.end());
    for (const Diagnostic& d : all) {
      BOOST_ERROR(t.name << ": " << d.where.line << ": " << d.rule << ": " << d.message);
    }
    BOOST_TEST(load.workspace.kpis.size() >= 4u);
    fs::remove_all(file.parent_path());
  }
}

BOOST_AUTO_TEST_CASE(a_clean_change_adds_no_finding_and_writes_nothing) {
  fs::path file = write_starter("sales");
  const std::string before = starter_yaml("sales");
  std::string text = insert_kpi(before, calls("ha"), file.string());
  ChangeCheck check = check_changes(file, {{file.string(), text}}, make_date(2026, 11, 23));
  // Ha's weights now sum to 101 (the new KPI weighs 1): the one finding it brings.
  BOOST_REQUIRE(check.added.size() == 1u);
  BOOST_TEST(check.added[0].rule == "weights-sum");
  BOOST_TEST(check.added[0].where.file == file.string());
  BOOST_TEST(check.names == std::vector<std::string>{file.string()});
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  BOOST_TEST(first.rfind("# kpi.yaml", 0) == 0);
  fs::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_CASE(an_unknown_owner_is_an_error_at_its_new_line) {
  fs::path file = write_starter("sales");
  const std::string before = starter_yaml("sales");
  std::string text = insert_kpi(before, calls("nobody"), file.string());
  ChangeCheck check = check_changes(file, {{file.string(), text}}, make_date(2026, 11, 23));
  BOOST_REQUIRE(!check.added.empty());
  BOOST_TEST(check.added[0].rule == "unknown-entity");
  BOOST_TEST((check.added[0].severity == Severity::error));
  // The owner line of the appended entry: 4 lines after the id line, after a blank.
  const int lines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  BOOST_TEST(check.added[0].where.line == lines + 5);
  fs::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_CASE(a_new_file_not_included_is_not_loaded) {
  fs::path file = write_starter("sales");
  fs::path extra = file.parent_path() / "kpis" / "extra.yaml";
  ChangeCheck check =
      check_changes(file, {{extra.string(), insert_kpi("", calls("ha"), extra.string())}},
                    make_date(2026, 11, 23));
  BOOST_TEST(check.added.empty());
  BOOST_TEST(check.files == std::vector<std::string>{file.string()});
  BOOST_TEST(!fs::exists(extra));
  fs::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_CASE(a_change_outside_the_workspace_is_refused) {
  fs::path file = write_starter("sales");
  BOOST_CHECK_THROW(
      check_changes(file, {{"/tmp/elsewhere.yaml", "kpis: []\n"}}, make_date(2026, 11, 23)), Error);
  fs::remove_all(file.parent_path());
}

BOOST_AUTO_TEST_SUITE_END()
