#pragma once
// Internal: user-written text made safe for Markdown, HTML and XML (JUnit) output.

#include <string>
#include <string_view>

namespace kpi::render {

/// For HTML and XML text and attribute values: & < > " ' become entities; control characters
/// become spaces; invalid UTF-8 bytes become U+FFFD; noncharacters (U+FFFE...), which
/// neither XML nor HTML allows, are written visibly as "\uFFFE".
std::string html_escape(std::string_view text);

/// For XML 1.0 (JUnit) that must stay well-formed and keep what it can: & < > " ' become
/// entities; in an attribute (`attribute`) tab, line feed and carriage return become
/// &#9; &#10; &#13; (a parser would flatten them to spaces), in text carriage return
/// becomes &#13;; every other character XML forbids or discourages (C0 and C1 controls,
/// DEL, noncharacters) and every byte that is not UTF-8 is written visibly ("\x1b").
std::string xml_escape(std::string_view text, bool attribute);

/// For a Markdown table cell, heading or list item: no line breaks, and \ | < > ` [ ] *
/// backslash-escaped so that user text neither ends a cell nor becomes markup or HTML;
/// bytes that are not UTF-8 become U+FFFD.
std::string md_escape(std::string_view text);

/// `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace kpi::render
