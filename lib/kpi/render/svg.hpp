#pragma once
// Internal: the inline SVG charts of the HTML report. Every label is HTML-escaped here;
// coordinates are printed with one decimal so that output is byte-stable.

#include <optional>
#include <string>
#include <vector>

#include "kpi/model/model.hpp"

namespace kpi::render {

/// One horizontal bar: a label, a value (null: no bar) and the status colouring it.
struct Bar {
  std::string label;
  std::optional<double> value;
  Status status = Status::none;
  std::string text;      ///< printed after the bar, e.g. "105 %"
  bool neutral = false;  ///< one colour for all (totals), not the status's
};

/// Achievement bars against a dashed 100 % line, coloured by status; the axis runs from
/// 0 to 150 % (or further when a bar is longer), labelled at 0, 50, 100, 150.
std::string achievement_chart(const std::vector<Bar>& bars, const std::string& title);

/// Totals (0..100 and beyond) as bars, e.g. the total per person.
std::string total_chart(const std::vector<Bar>& bars, const std::string& title);

/// A small line of the values, oldest first; gaps where a value is missing, a dashed
/// line at `reference` when it lies in range, the last point coloured by `status`.
std::string sparkline(const std::vector<std::optional<double>>& values, double reference,
                      Status status, const std::string& title);

/// A KPI's achievement over the trend periods, readable on its own: a 100 % target line
/// labelled at the left, a line through the periods with a dot at each, the last value
/// at the top right, and the first and last periods named under the axis
/// (`periods`: one token per value, oldest first).
std::string trend_chart(const std::vector<std::optional<double>>& values,
                        const std::vector<std::string>& periods, Status status,
                        const std::string& title);

/// CSS class of a status: "green", "amber", "red", "none".
std::string status_class(Status status);

}  // namespace kpi::render
