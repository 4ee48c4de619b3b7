#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kpi/validate/validate.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(validate_catalogue)

BOOST_AUTO_TEST_CASE(ids_are_unique_and_found) {
  std::set<std::string_view> ids;
  for (const RuleInfo& r : rule_catalogue()) {
    BOOST_TEST(ids.insert(r.id).second, "twice: " << r.id);
    BOOST_TEST(find_rule(r.id) == &r);
  }
  BOOST_TEST(find_rule("no-such-rule") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_man_page_documents_every_rule) {
  // tests/data -> the repository's man/ folder, lexically (tests/data may not exist).
  std::filesystem::path root = std::filesystem::path(KPI_TEST_DATA).parent_path().parent_path();
  std::ifstream in(root / "man" / "kpi-validate.1");
  BOOST_REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  for (const RuleInfo& r : rule_catalogue()) {
    // In roff a hyphen is written \-.
    std::string escaped;
    for (char c : r.id) {
      escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    }
    const char* severity = r.severity == Severity::error ? "error" : "warning";
    BOOST_TEST(text.str().find(".BR " + escaped + " \" (" + severity + ")\"") != std::string::npos,
               "undocumented: " << r.id);
  }
}

BOOST_AUTO_TEST_CASE(blocking_follows_the_rule) {
  BOOST_TEST(blocks_scoring(Diagnostic{"unknown-kpi", Severity::error, "", {}, ""}));
  BOOST_TEST(!blocks_scoring(Diagnostic{"target-not-positive", Severity::error, "", {}, ""}));
  BOOST_TEST(!blocks_scoring(Diagnostic{"smart-source", Severity::warning, "", {}, ""}));
}

BOOST_AUTO_TEST_SUITE_END()
