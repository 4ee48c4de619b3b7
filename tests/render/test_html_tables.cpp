#include <boost/test/unit_test.hpp>

#include "kpi/render/html_tables.hpp"

BOOST_AUTO_TEST_SUITE(render_html_tables)

BOOST_AUTO_TEST_CASE(each_cell_gets_its_columns_title) {
  const std::string in =
      "<p>x</p><table><thead><tr><th>Who</th><th class=\"num\">Total <b>%</b></th></tr></thead>"
      "<tbody><tr><td>Ana</td><td class=\"num\">82.50</td></tr>"
      "<tr><td>Ben</td><td class=\"num\"><svg><text>1</text></svg></td></tr></tbody></table>"
      "<table><thead><tr><th>KPI</th></tr></thead><tbody><tr><td>Visits</td></tr></tbody></table>"
      "<td>outside</td>";
  const std::string out = kpi::render::label_table_cells(in);
  BOOST_TEST(out ==
             "<p>x</p><table><thead><tr><th>Who</th><th class=\"num\">Total <b>%</b></th></tr>"
             "</thead><tbody><tr><td data-label=\"Who\">Ana</td><td data-label=\"Total %\" "
             "class=\"num\">82.50</td></tr><tr><td data-label=\"Who\">Ben</td><td "
             "data-label=\"Total %\" class=\"num\"><svg><text>1</text></svg></td></tr></tbody>"
             "</table><table><thead><tr><th>KPI</th></tr></thead><tbody><tr><td "
             "data-label=\"KPI\">Visits</td></tr></tbody></table><td>outside</td>");
}

BOOST_AUTO_TEST_CASE(a_row_longer_than_its_head_keeps_its_extra_cells_unlabelled) {
  BOOST_TEST(kpi::render::label_table_cells("<table><tr><th>A</th></tr><tr><td>1</td><td>2</td>"
                                            "</tr></table>") ==
             "<table><tr><th>A</th></tr><tr><td data-label=\"A\">1</td><td>2</td></tr></table>");
}

BOOST_AUTO_TEST_SUITE_END()
