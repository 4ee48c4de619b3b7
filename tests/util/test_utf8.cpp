#include <boost/test/unit_test.hpp>

#include "kpi/util/utf8.hpp"

using kpi::first_invalid_utf8;

BOOST_AUTO_TEST_SUITE(util_utf8)

BOOST_AUTO_TEST_CASE(well_formed_text_passes) {
  BOOST_TEST(!first_invalid_utf8(""));
  BOOST_TEST(!first_invalid_utf8("plain ascii\n"));
  BOOST_TEST(!first_invalid_utf8("Doanh thu th\xC3\xA1ng"));         // á
  BOOST_TEST(!first_invalid_utf8("\xE2\x82\xAC \xF0\x9F\x98\x80"));  // € 😀
  BOOST_TEST(!first_invalid_utf8("\xEF\xBF\xBF \xF4\x8F\xBF\xBF"));  // U+FFFF, U+10FFFF
}

BOOST_AUTO_TEST_CASE(the_first_bad_byte_is_found) {
  BOOST_TEST(first_invalid_utf8("ab\xFF").value_or(99) == 2u);
  BOOST_TEST(first_invalid_utf8("a\x80").value_or(99) == 1u);                  // lone continuation
  BOOST_TEST(first_invalid_utf8("\xC3").value_or(99) == 0u);                   // cut short
  BOOST_TEST(first_invalid_utf8("\xC0\xAF").value_or(99) == 0u);               // overlong '/'
  BOOST_TEST(first_invalid_utf8("\xE0\x80\xAF").value_or(99) == 0u);           // overlong
  BOOST_TEST(first_invalid_utf8("x\xED\xA0\x80").value_or(99) == 1u);          // a surrogate
  BOOST_TEST(first_invalid_utf8("\xF4\x90\x80\x80").value_or(99) == 0u);       // above U+10FFFF
  BOOST_TEST(first_invalid_utf8("\xC3\xA1\xE9t\xC3\xA9").value_or(99) == 2u);  // Latin-1 é
}

BOOST_AUTO_TEST_SUITE_END()
