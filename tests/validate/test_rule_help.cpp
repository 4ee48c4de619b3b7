// The longer help of each rule (SARIF's fullDescription and help).

#include <boost/test/unit_test.hpp>

#include "kpi/validate/rule_help.hpp"
#include "kpi/validate/validate.hpp"

using namespace kpi;

BOOST_AUTO_TEST_SUITE(validate_rule_help)

BOOST_AUTO_TEST_CASE(help_is_the_text_of_the_manual_entry) {
  BOOST_TEST(rule_help("yaml-syntax") ==
             "The file is not YAML. Fix the syntax at the position given: indentation, an "
             "unclosed bracket or quote.");
  BOOST_TEST(rule_help("include-error") ==
             "An included file cannot be read (a key that belongs in kpi.yaml is reported as "
             "unknown-key). Fix the glob, the file's permissions, or the path.");
  BOOST_TEST(rule_help("no-such-rule").empty());
  BOOST_TEST(k_rule_help_uri == "man:kpi-validate(1)#RULES");
}

BOOST_AUTO_TEST_CASE(every_rule_has_help) {
  // A warning, not a failure: a rule added without help falls back to its summary in
  // SARIF, and the merge of a new rule should not fail on it; the log still says so.
  int missing = 0;
  for (const RuleInfo& r : rule_catalogue()) {
    BOOST_WARN_MESSAGE(!rule_help(r.id).empty(), "no help for " << r.id);
    missing += rule_help(r.id).empty() ? 1 : 0;
  }
  BOOST_TEST(missing < static_cast<int>(rule_catalogue().size()) / 2);
}

BOOST_AUTO_TEST_SUITE_END()
