// The encoding of a definition file: UTF-8 only (format.md).

#include <cstdio>

#include "kpi/util/utf8.hpp"
#include "kpi/yaml/loading.hpp"

namespace kpi::yaml {

void check_encoding(std::string_view text, const std::string& file, std::vector<Diagnostic>& into) {
  const std::optional<size_t> bad = first_invalid_utf8(text);
  if (!bad) {
    return;
  }
  // The position as for every other finding: line, and column in characters.
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < *bad; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int column = 1;
  for (size_t i = line_start; i < *bad; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
  into.push_back(Diagnostic{
      "encoding", Severity::error,
      std::string("the file is not valid UTF-8: byte ") + hex + " here starts no UTF-8 character",
      SourceLocation{file, line, column}, "save the file as UTF-8"});
}

}  // namespace kpi::yaml
