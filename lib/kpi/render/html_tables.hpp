#pragma once
// Internal: tables of kpi's own HTML that a phone can show without scrolling sideways.

#include <string>

namespace kpi::render {

/// `html` with each table cell labelled by its column's title (data-label="Actual"), so
/// that the phone layout can show a row as a list of "title: value" lines. Only for
/// kpi's own markup: user text in it is escaped, so "<td" and "<th" are kpi's.
std::string label_table_cells(const std::string& html);

}  // namespace kpi::render
