// Text made safe for terminals and XML: escapes, windows of long lines, carets.

#include <boost/test/unit_test.hpp>

#include "kpi/render/escape.hpp"
#include "kpi/render/visible.hpp"

using namespace kpi::render;

BOOST_AUTO_TEST_SUITE(render_visible)

BOOST_AUTO_TEST_CASE(control_characters_and_escape_sequences_become_visible) {
  BOOST_TEST(visible("\x1b]0;owned\x07\x1b[2J ALL GOOD") == "\\x1b]0;owned\\x07\\x1b[2J ALL GOOD");
  BOOST_TEST(visible(std::string("a\0b", 3)) == "a\\x00b");
  BOOST_TEST(visible("tab\there\r\nnext\x7f") == "tab\\there\\r\\nnext\\x7f");
  BOOST_TEST(visible("csi \xC2\x9B"
                     "31m") == "csi \\u009B31m");  // U+009B, the 8-bit CSI
  BOOST_TEST(visible("rtl \xE2\x80\xAE"
                     "txt") == "rtl \\u202Etxt");  // U+202E override
  BOOST_TEST(visible("\xEF\xBF\xBE \xF0\x9F\xBF\xBF") == "\\uFFFE \\U01FFFF");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_become_hex_and_text_stays_as_it_is) {
  BOOST_TEST(visible("Doanh thu th\xC3\xA1ng \xE4\xB8\xAD") ==
             "Doanh thu th\xC3\xA1ng \xE4\xB8\xAD");
  BOOST_TEST(visible("a\xff"
                     "b\xC3") == "a\\xffb\\xc3");
  BOOST_TEST(visible("\xC0\xAF") == "\\xc0\\xaf");           // overlong '/'
  BOOST_TEST(visible("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate
}

BOOST_AUTO_TEST_CASE(a_short_line_is_shown_whole_with_the_caret_under_its_character) {
  LineWindow w = line_window("  owner: salse", 10);
  BOOST_TEST(w.text == "  owner: salse");
  BOOST_TEST(w.caret == 9);
  // After Vietnamese text: 'x' is the 16th character but the 17th byte.
  w = line_window("t\xC3\xAAn: Doanh thu x", 16);
  BOOST_TEST(w.caret == 15);
  w = line_window("t\xC3\xAAn: th\xC3\xA1ng x", 12);
  BOOST_TEST(w.text.substr(w.text.size() - 1) == "x");
  BOOST_TEST(w.caret == 11);
  // Past the end of the line (a missing value): the caret goes after it.
  w = line_window("key:", 6);
  BOOST_TEST(w.caret == 5);
}

BOOST_AUTO_TEST_CASE(a_line_that_fits_is_never_cut_and_the_end_stays_in_view) {
  const std::string line = "  - {id: kinh.doanh, name: Ph\xC3\xB2ng Kinh doanh, parent: cong.tyy}";
  LineWindow w = line_window(line, 54);  // 63 characters: all of them
  BOOST_TEST(w.text == line);
  BOOST_TEST(w.caret == 53);
  std::string tail(120, 'a');
  tail += "END";  // 123 characters; the column near the end shows the last 80
  w = line_window(tail, 121);
  BOOST_TEST(w.text == "\u2026" + std::string(77, 'a') + "END");
  BOOST_TEST(w.caret == 1 + 77);
}

BOOST_AUTO_TEST_CASE(the_caret_counts_escapes_and_wide_characters_as_shown) {
  LineWindow w = line_window("\x1b[2Jx", 5);  // 'x' is the 5th character
  BOOST_TEST(w.text == "\\x1b[2Jx");
  BOOST_TEST(w.caret == 7);
  w = line_window("\xE4\xB8\xAD\xE6\x96\x87 x", 4);  // two wide characters, a space
  BOOST_TEST(w.caret == 5);
}

BOOST_AUTO_TEST_CASE(a_long_line_shows_a_window_around_the_column) {
  std::string line(100000, 'a');
  line[50000] = 'X';
  LineWindow w = line_window(line, 50001);
  BOOST_TEST(w.text.size() == 80u + 2 * 3);  // 80 characters and two ellipses
  BOOST_TEST(w.text.substr(0, 3) == "\u2026");
  BOOST_TEST(w.text.substr(w.text.size() - 3) == "\u2026");
  BOOST_TEST(w.caret == 41);  // the ellipsis and the 40 characters before the column
  BOOST_TEST(w.text.substr(3 + 40, 1) == "X");
  // At the start: no ellipsis before.
  w = line_window(line, 1);
  BOOST_TEST(w.caret == 0);
  BOOST_TEST(w.text.size() == 80u + 3);
}

BOOST_AUTO_TEST_CASE(xml_keeps_any_text_well_formed) {
  BOOST_TEST(xml_escape("a<b & 'c' \"d\">", false) == "a&lt;b &amp; &#39;c&#39; &quot;d&quot;&gt;");
  BOOST_TEST(xml_escape("two\nlines\tand\r", true) == "two&#10;lines&#9;and&#13;");
  BOOST_TEST(xml_escape("two\nlines\tand\r", false) == "two\nlines\tand&#13;");
  BOOST_TEST(xml_escape("\x1b[31m\x01\x7f", false) == "\\x1b[31m\\x01\\x7f");
  BOOST_TEST(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xB7\x90", true) == "\\uFFFE\\uFFFF\\uFDD0");
  BOOST_TEST(xml_escape("bad \xff", false) == "bad \\xff");
  BOOST_TEST(xml_escape("ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t", true) ==
             "ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
}

BOOST_AUTO_TEST_CASE(markdown_is_valid_utf8) {
  BOOST_TEST(md_escape("a\xff|b \xC3\xA1") == "a\xEF\xBF\xBD\\|b \xC3\xA1");
  BOOST_TEST(valid_utf8("\xC3\xA1\xC3") == "\xC3\xA1\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(html_writes_noncharacters_visibly) {
  BOOST_TEST(html_escape("x\xEF\xBF\xBFy") == "x\\uFFFFy");
}

BOOST_AUTO_TEST_SUITE_END()
