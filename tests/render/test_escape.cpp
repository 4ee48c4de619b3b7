#include <boost/test/unit_test.hpp>

#include "kpi/render/escape.hpp"

BOOST_AUTO_TEST_SUITE(render_escape)

BOOST_AUTO_TEST_CASE(html_escapes_the_five_special_characters) {
  BOOST_TEST(kpi::render::html_escape("<script>a & \"b\" 'c'</script>") ==
             "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;");
  BOOST_TEST(kpi::render::html_escape("Zo\u00eb \u6771\u4eac") == "Zo\u00eb \u6771\u4eac");
}

BOOST_AUTO_TEST_CASE(html_replaces_controls_and_bad_utf8) {
  BOOST_TEST(kpi::render::html_escape("a\nb\x1b[31m") == "a b [31m");
  BOOST_TEST(kpi::render::html_escape(std::string("x\xff"
                                                  "y\xc3")) == "x\uFFFDy\uFFFD");
  // An overlong encoding of '<' is not let through as '<'.
  BOOST_TEST(kpi::render::html_escape(std::string("\xc0\xbc")) == "\uFFFD\uFFFD");
}

BOOST_AUTO_TEST_CASE(markdown_escapes_what_would_become_markup) {
  BOOST_TEST(kpi::render::md_escape("a|b\\c <x> `y` [z] *w*") ==
             "a\\|b\\\\c \\<x\\> \\`y\\` \\[z\\] \\*w\\*");
  BOOST_TEST(kpi::render::md_escape("line\nbreak & under_score ~~s~~ $x$") ==
             "line break \\& under\\_score \\~\\~s\\~\\~ \\$x\\$");
}

BOOST_AUTO_TEST_CASE(markdown_escapes_what_would_open_a_block_only_at_the_start) {
  BOOST_TEST(kpi::render::md_escape("# Heading") == "\\# Heading");
  BOOST_TEST(kpi::render::md_escape("> quote") == "\\> quote");
  BOOST_TEST(kpi::render::md_escape("- item") == "\\- item");
  BOOST_TEST(kpi::render::md_escape("+ item") == "\\+ item");
  BOOST_TEST(kpi::render::md_escape("---") == "\\---");
  BOOST_TEST(kpi::render::md_escape("===") == "\\===");
  BOOST_TEST(kpi::render::md_escape("12. Twelfth") == "12\\. Twelfth");
  BOOST_TEST(kpi::render::md_escape("3) Third") == "3\\) Third");
  // Not block openers: a negative number, a decimal, a word with a hyphen.
  BOOST_TEST(kpi::render::md_escape("-5") == "-5");
  BOOST_TEST(kpi::render::md_escape("80.00") == "80.00");
  BOOST_TEST(kpi::render::md_escape("net-revenue 1. x") == "net-revenue 1. x");
}

BOOST_AUTO_TEST_CASE(markdown_stops_bare_links) {
  BOOST_TEST(kpi::render::md_escape("see https://evil.example") == "see https\\://evil.example");
  BOOST_TEST(kpi::render::md_escape("www.evil.example") == "www\\.evil.example");
  BOOST_TEST(kpi::render::md_escape("[link](x)") == "\\[link\\](x)");
}

BOOST_AUTO_TEST_SUITE_END()
