#pragma once
// Checking that bytes are UTF-8.

#include <cstddef>
#include <optional>
#include <string_view>

namespace kpi {

/// The offset of the first byte that does not start or continue a well-formed UTF-8
/// sequence (overlong forms, surrogates and code points above U+10FFFF are not), or
/// nullopt when all of `text` is UTF-8.
std::optional<size_t> first_invalid_utf8(std::string_view text);

}  // namespace kpi
