#pragma once
// Text as sources compare it (sources.md): trimmed, and ignoring case by Unicode default
// case folding.

#include <string>
#include <string_view>

namespace kpi::source {

/// Unicode default case folding of UTF-8 text (ICU's u_strFoldCase with
/// U_FOLD_CASE_DEFAULT, as Python's str.casefold): "NGUYỄN VĂN AN" and "Nguyễn Văn An"
/// fold alike, "Straße" to "strasse". Bytes that are not valid UTF-8 are kept as they are.
std::string fold_case(std::string_view utf8);

/// The key two cells are compared by: trimmed (see cells.hpp), then folded.
std::string match_key(std::string_view text);

}  // namespace kpi::source
