#pragma once
// Internal helpers shared by the renderers: number formatting and terminal display width.

#include <optional>
#include <string>
#include <string_view>

#include "kpi/score/score.hpp"

namespace kpi::render {

/// Shortest text that reads back as the same double, without an exponent, so that
/// spreadsheets take it as a number: 1e20 -> "100000000000000000000", 1e-7 -> "0.0000001".
std::string plain_number(double value);

/// For people: rounded to at most `max_decimals` places, trailing zeros dropped, thousands
/// separated by commas: 2100000000 -> "2,100,000,000", 87.5 -> "87.5", -0.001 -> "0".
std::string human_number(double value, int max_decimals);

/// A plain decimal ("-1234567.5") in the language's style: "-1,234,567.5" in en,
/// "-1.234.567,5" in vi (labels.hpp); "-0" and "-0.00" lose their sign.
std::string styled_number(std::string plain);

/// Columns a terminal gives the UTF-8 text: East Asian wide and fullwidth characters take
/// 2, combining marks and other zero-width characters 0, everything else 1 (a byte that
/// is not valid UTF-8 counts as one replacement character).
int display_width(std::string_view utf8);

/// `text` followed (pad_right) or preceded (pad_left) by spaces up to `width` columns.
std::string pad_right(std::string_view text, int width);
std::string pad_left(std::string_view text, int width);

/// What people see for a value that does not exist.
inline constexpr std::string_view k_dash = "\u2014";

/// human_number with at most 2 places, or the dash for null.
std::string human_value(const std::optional<double>& value);
/// "2,000,000,000", a range as "10–20", or the dash.
std::string human_target(const std::optional<Target>& target);
/// "B ×1.5 = 12,000,000", "B ×1" without an amount, or the dash.
std::string human_reward(const std::optional<Reward>& reward);
/// Where a row or finding is: "data/a.csv:12", "book.xlsx:Deals!C17", or the file alone.
std::string place_text(const SourceLocation& at);
/// "error" or "warning".
std::string_view severity_name(Severity severity);
/// `file:line: message` (parts that are unknown left out), then the hint in parentheses.
std::string where_and_message(const Diagnostic& d);
/// A status as the table shows it, in the labels' language: green, amber, red, none.
std::string status_label(Status status);
/// The KPI's name for people, or its id when it has none.
const std::string& kpi_label(const KpiScore& k);
/// The name of the entity `id` in the result, else `id` itself.
std::string entity_name(const ScoreResult& result, std::string_view id);
/// Control characters (C0, DEL, C1) become spaces, so that user text can neither break
/// a line nor send escape sequences to a terminal.
std::string strip_controls(std::string_view text);

}  // namespace kpi::render
