#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kpi/author/author.hpp"

using namespace kpi;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(author_write)

namespace {

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kpi-test-author-write-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

BOOST_AUTO_TEST_CASE(writes_a_new_file_and_leaves_no_temporary_behind) {
  fs::path dir = scratch("new");
  write_file_atomic(dir / "a.yaml", "kpis:\n");
  BOOST_TEST(slurp(dir / "a.yaml") == "kpis:\n");
  BOOST_TEST(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(replaces_a_file_keeping_its_permissions) {
  fs::path dir = scratch("replace");
  write_file_atomic(dir / "a.yaml", "old\n");
  fs::permissions(dir / "a.yaml", fs::perms::owner_read | fs::perms::owner_write);
  write_file_atomic(dir / "a.yaml", "new\n");
  BOOST_TEST(slurp(dir / "a.yaml") == "new\n");
  BOOST_TEST((fs::status(dir / "a.yaml").permissions() ==
              (fs::perms::owner_read | fs::perms::owner_write)));
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_a_usage_error) {
  try {
    write_file_atomic("/nonexistent-kpi-folder/a.yaml", "x");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(e.exit_status == k_exit_usage);
    BOOST_TEST(e.diagnostic.rule == "write-error");
  }
}

BOOST_AUTO_TEST_CASE(several_files_are_written_all_or_none) {
  // The second target is a folder with a file in it: its rename fails after the first
  // file was renamed into place, which must then be put back (or removed when new).
  fs::path dir = scratch("several");
  write_file_atomic(dir / "a.yaml", "old\n");
  fs::create_directories(dir / "b.yaml");
  write_file_atomic(dir / "b.yaml" / "x", "x");
  try {
    write_files_atomic({{(dir / "a.yaml").string(), "new\n"},
                        {(dir / "c.yaml").string(), "c\n"},
                        {(dir / "b.yaml").string(), "b\n"}});
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_TEST(e.exit_status == k_exit_usage);
    BOOST_TEST(e.diagnostic.rule == "write-error");
  }
  BOOST_TEST(slurp(dir / "a.yaml") == "old\n");
  BOOST_TEST(!fs::exists(dir / "c.yaml"));
  BOOST_TEST(slurp(dir / "b.yaml" / "x") == "x");
  // a.yaml and the folder b.yaml: no temporary file left.
  BOOST_TEST(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
  write_files_atomic({{(dir / "a.yaml").string(), "new\n"}, {(dir / "c.yaml").string(), "c\n"}});
  BOOST_TEST(slurp(dir / "a.yaml") == "new\n");
  BOOST_TEST(slurp(dir / "c.yaml") == "c\n");
  BOOST_TEST(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(the_starters_are_embedded_byte_for_byte) {
  std::vector<std::string> names;
  for (const InitTemplate& t : init_templates()) {
    names.emplace_back(t.name);
  }
  BOOST_TEST(names == (std::vector<std::string>{"marketing", "personal", "sales"}));
  const InitTemplate* sales = find_init_template("sales");
  BOOST_REQUIRE(sales != nullptr);
  BOOST_TEST(find_init_template("finance") == nullptr);
  const fs::path source = fs::path(KPI_TEST_DATA).parent_path().parent_path() / "examples" / "init";
  for (const InitTemplate& t : init_templates()) {
    for (const TemplateFile& f : t.files) {
      BOOST_TEST(std::string(f.content) == slurp(source / t.name / f.path),
                 t.name << "/" << f.path);
    }
  }
  std::vector<std::string> files;
  for (const TemplateFile& f : sales->files) {
    files.emplace_back(f.path);
  }
  BOOST_TEST(files == (std::vector<std::string>{"data/measurements.csv", "data/sales.csv",
                                                "exports/invoices-2026.csv", "kpi.yaml",
                                                "tests/october.yaml"}));
}

BOOST_AUTO_TEST_SUITE_END()
