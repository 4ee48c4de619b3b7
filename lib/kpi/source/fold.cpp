// Case folding through ICU: its tables follow the Unicode version it was built with,
// where a hand-made table would go stale (and miss "ß" -> "ss" and the Greek finals).

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <vector>

#include "kpi/source/cells.hpp"
#include "kpi/source/text.hpp"

namespace kpi::source {

namespace {

bool all_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
  if (all_ascii(utf8)) {
    std::string out(utf8);
    for (char& c : out) {
      c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  std::vector<UChar> wide(utf8.size() + 1);
  u_strFromUTF8(wide.data(), static_cast<int32_t>(wide.size()), &length, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    return std::string(utf8);  // not UTF-8: compared byte for byte
  }
  // Folding can lengthen text (ß -> ss), by at most three code units per unit.
  std::vector<UChar> folded(static_cast<size_t>(length) * 3 + 1);
  const int32_t folded_length = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()),
                                              wide.data(), length, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) {
    return std::string(utf8);
  }
  std::string out(static_cast<size_t>(folded_length) * 3 + 1, '\0');
  int32_t out_length = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, folded.data(),
              folded_length, &status);
  if (U_FAILURE(status)) {
    return std::string(utf8);
  }
  out.resize(static_cast<size_t>(out_length));
  return out;
}

std::string match_key(std::string_view text) { return fold_case(trimmed(text)); }

}  // namespace kpi::source
