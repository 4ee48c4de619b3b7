#pragma once
// Internal: user-written text made safe for Markdown, HTML and XML (JUnit) output.

#include <string>
#include <string_view>

namespace kpi::render {

/// For HTML and XML text and attribute values: & < > " ' become entities; control characters
/// become spaces; invalid UTF-8 bytes become U+FFFD.
std::string html_escape(std::string_view text);

/// For a Markdown table cell, heading or list item: no line breaks, and \ | < > ` [ ] *
/// backslash-escaped so that user text neither ends a cell nor becomes markup or HTML.
std::string md_escape(std::string_view text);

}  // namespace kpi::render
