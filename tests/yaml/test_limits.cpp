// Bounds on one definition file (kpi-format(5), LIMITS), checked before nodes are built.

#include <boost/test/unit_test.hpp>

#include "helpers.hpp"
#include "kpi/yaml/limits.hpp"

using namespace kpi::test;

namespace {

/// "line:column: message" of the limit `text` exceeds, or "none".
std::string limit(const std::string& text) {
  std::optional<kpi::Diagnostic> d = kpi::yaml::check_yaml_limits(text, "kpi.yaml");
  if (!d) {
    return "none";
  }
  BOOST_TEST(d->rule == "yaml-limit");
  BOOST_TEST(d->where.file == "kpi.yaml");
  return std::to_string(d->where.line) + ":" + std::to_string(d->where.column) + ": " + d->message;
}

std::string repeat(const std::string& text, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += text;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_limits)

BOOST_AUTO_TEST_CASE(an_ordinary_file_is_within_every_limit) {
  BOOST_TEST(limit(k_kpi_head) == "none");
  BOOST_TEST(limit("a: &x {b: 1}\nc: *x\n") == "none");
  BOOST_TEST(limit("a: [unclosed\n") == "none");  // syntax is the loader's to report
}

BOOST_AUTO_TEST_CASE(nesting_deeper_than_64_is_refused_where_it_passes) {
  // The document mapping is level 1; the 64th '[' opens level 65 at column 67.
  BOOST_TEST(limit("a: " + repeat("[", 63) + repeat("]", 63) + "\n") == "none");
  BOOST_TEST(limit("a: " + repeat("[", 64) + repeat("]", 64) + "\n") ==
             "1:67: mappings and sequences nest more than 64 deep");
  // 100,000 levels: refused at the same place, no stack overflow.
  BOOST_TEST(limit("a: " + repeat("[", 100000) + repeat("]", 100000) + "\n") ==
             "1:67: mappings and sequences nest more than 64 deep");
}

BOOST_AUTO_TEST_CASE(a_value_longer_than_64_kib_is_refused) {
  BOOST_TEST(limit("a: " + std::string(65536, 'x') + "\n") == "none");
  BOOST_TEST(limit("a: b\nc: " + std::string(65537, 'x') + "\n") ==
             "2:4: a value of 65,537 bytes is longer than 65,536 bytes");
}

BOOST_AUTO_TEST_CASE(aliases_are_counted_and_what_they_repeat_is_bounded) {
  // 10,001 uses of a tiny anchor: refused at the last.
  std::string many = "a: &x 1\nb:\n" + repeat("  - *x\n", 10001);
  BOOST_TEST(limit(many) == "10003:5: more than 10,000 aliases ('*name') in one file");
  // A 60,000-byte value repeated 70 times is 4.2 MB: refused at the 70th alias.
  std::string big = "a: &x " + std::string(60000, 'x') + "\nb:\n" + repeat("  - *x\n", 70);
  BOOST_TEST(limit(big) ==
             "72:5: aliases ('*name') would repeat more than 4,194,304 bytes of text in one file");
  // A billion laughs: each level repeats the one before ten times.
  std::string laughs = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    const std::string before = "*l" + std::to_string(i - 1);
    laughs += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" +
              repeat(before + ", ", 9) + before + "]\n";
  }
  BOOST_TEST(limit(laughs).find("aliases ('*name') would repeat more than") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_lone_comma_does_not_hang_the_check) {
  // yaml-cpp's event parser reports an empty document after another for ever on ",":
  // only the first document, the one the loader reads, is checked.
  BOOST_TEST(limit(",") == "none");
  BOOST_TEST(limit("version: 1\n,\n") == "none");
  BOOST_TEST(limit("a: 1\n---\n" + repeat("[", 70) + repeat("]", 70) + "\n") == "none");
}

BOOST_AUTO_TEST_CASE(the_loader_reports_a_limit_as_a_finding) {
  kpi::Diagnostic d = only(load("version: 1\nname: " + repeat("[", 70) + repeat("]", 70) + "\n"));
  BOOST_TEST(d.rule == "yaml-limit");
  BOOST_TEST(where(d) == "kpi.yaml:2:70");
  BOOST_TEST(d.message == "mappings and sequences nest more than 64 deep");
  BOOST_TEST(d.hint == "see LIMITS in kpi-format(5)");
}

BOOST_AUTO_TEST_SUITE_END()
