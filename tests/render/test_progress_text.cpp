// The words of the progress line (lib/kpi/render/progress_text.hpp), worked by hand.

#include <boost/test/unit_test.hpp>

#include "kpi/render/progress_text.hpp"

BOOST_AUTO_TEST_SUITE(render_progress_text)

BOOST_AUTO_TEST_CASE(bytes_of_the_total_with_rate_and_time_left) {
  // 392 MB in 1.1 s: 356 MB/s; 364 MB left at that rate: 1.02 s, shown as 2 s (rounded up).
  BOOST_TEST(kpi::progress_text(392'000'000, 756'000'000, 1.1) ==
             "reading 392 MB of 756 MB (51 %), 356 MB/s, 2 s left");
  // 18.766 GB left at 123.4 MB/s: 152.07 s, shown as 2 min 33 s.
  BOOST_TEST(kpi::progress_text(1'234'000'000, 20'000'000'000, 10) ==
             "reading 1.2 GB of 20.0 GB (6 %), 123 MB/s, 2 min 33 s left");
  // 5e12 B at 999 B/s: 5.005e9 s = 1,390,279.2 h.
  BOOST_TEST(kpi::progress_text(999, 5'000'000'000'000, 1) ==
             "reading 999 B of 5.0 TB (0 %), 999 B/s, 1390279 h 10 min left");
}

BOOST_AUTO_TEST_CASE(an_unknown_total_shows_bytes_and_rate_only) {
  BOOST_TEST(kpi::progress_text(64'000, 0, 2) == "reading 64.0 KB, 32.0 KB/s");
  BOOST_TEST(kpi::progress_text(0, 0, 0) == "reading 0 B");
  // Past the total (a file that grew while read): 100 %, no time left.
  BOOST_TEST(kpi::progress_text(2000, 1000, 1) == "reading 2.0 KB of 1.0 KB (100 %), 2.0 KB/s");
}

BOOST_AUTO_TEST_CASE(a_table_query_tells_how_long_it_has_run) {
  // The warehouse tells no share of its work: whole seconds run, then minutes.
  BOOST_TEST(kpi::query_progress_text("crm.deals", 12.7) ==
             "querying crm.deals in the warehouse, 12 s");
  BOOST_TEST(kpi::query_progress_text("sales.deals", 75) ==
             "querying sales.deals in the warehouse, 1 min 15 s");
}

BOOST_AUTO_TEST_SUITE_END()
