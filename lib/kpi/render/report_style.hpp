#pragma once
// Internal: the stylesheet inlined into the HTML report.

#include <string_view>

namespace kpi::render {

/// Screen (desktop and phone) and print styles; no remote fonts.
std::string_view report_stylesheet();
/// The charts' rules with literal colours, for a chart drawn alone as a PNG (report_eml).
std::string_view chart_stylesheet();

}  // namespace kpi::render
