#pragma once
// kpi fmt: a definition file rewritten in one canonical layout, keeping every comment and
// blank-line group, and never what the file means.

#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"

namespace kpi {

struct FormatResult {
  std::string text;                  ///< the canonical layout; the input when left as written
  std::vector<Diagnostic> problems;  ///< why the file was left as written; empty otherwise
};

/// `text` (the file `file`) in the layout of kpi-fmt(1): two-space indentation, the keys
/// of each known mapping in kpi-format(5)'s order (unknown keys after them, as written),
/// short bands, rewards, overrides, status, columns and filters as one-line flow
/// mappings, short lists of scalars as flow lists, quotes only where YAML needs them,
/// comments moved with the entry they stand before or after, blank lines kept (runs of
/// them as one). The result is read back and compared with the input, value by value:
/// a difference leaves the file as written, with a `fmt-meaning` problem. A file that
/// does not parse, uses anchors, aliases or tags, or holds more than one document is
/// left as written too, with a problem that says why.
FormatResult format_definition_text(std::string_view text, const std::string& file);

}  // namespace kpi
