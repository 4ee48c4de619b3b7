#pragma once
// SHA-256 of files and texts, in lowercase hex (OpenSSL's libcrypto, used here only).

#include <optional>
#include <string>
#include <string_view>

namespace kpi {

/// The SHA-256 of `data`: 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

/// The SHA-256 of the file's bytes, or nullopt with `error` set ("no such file").
std::optional<std::string> sha256_file(const std::string& path, std::string& error);

}  // namespace kpi
