#pragma once
// Internal to yaml/: bounds on what one definition file may ask of the loader, checked on
// the event stream while lib/kpi/yaml/tree.cpp builds the node tree, before any reader walks
// it (a walk would expand aliases).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kpi/error.hpp"

namespace kpi::yaml {

/// The limits of kpi-format(5), LIMITS.
inline constexpr int k_max_nesting = 64;                 ///< mappings and sequences
inline constexpr size_t k_max_scalar_bytes = 65536;      ///< one scalar (key or value)
inline constexpr int64_t k_max_alias_uses = 10000;       ///< '*name' in one file
inline constexpr uint64_t k_max_alias_bytes = 4u << 20;  ///< scalar bytes aliases repeat
inline constexpr size_t k_max_included_files = 10000;    ///< files all includes match

/// The first limit `text` exceeds, as a `yaml-limit` finding in `file`; nullopt when
/// none is (a syntax error is left to the loader to report).
std::optional<Diagnostic> check_yaml_limits(std::string_view text, const std::string& file);

}  // namespace kpi::yaml
