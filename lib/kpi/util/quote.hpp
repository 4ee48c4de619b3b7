#pragma once
// A user's value echoed in a message, cut to a readable length.

#include <string>
#include <string_view>

namespace kpi {

/// Values up to this many bytes are quoted whole.
inline constexpr size_t k_max_quoted = 64;

/// 'value' for a value of at most k_max_quoted bytes; a longer one keeps its first bytes
/// (cut at a UTF-8 character boundary) and says its size: 'xxxx…' (52,428,800 bytes).
/// A 50 MB id thus costs a message about a hundred bytes, however often it is named.
std::string quote(std::string_view value);

/// The value itself when short, else its first bytes and "…" (no quotes, no size): for
/// values that a message names without quotes, such as KPI ids in a path.
std::string cut(std::string_view value);

/// 52428800 -> "52,428,800".
std::string with_thousands(size_t n);

}  // namespace kpi
