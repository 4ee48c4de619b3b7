#pragma once
// Internal: user-written text made safe for Markdown, HTML and XML (JUnit) output.

#include <initializer_list>
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

/// For a GitHub-flavoured Markdown table cell, heading or list item: no line breaks, and
/// every character that could end a cell or start markup backslash-escaped (\ ` * _ ~ [ ]
/// < > | & $ anywhere; what would open a block at the start ("# ", "> ", "- ", "1. ",
/// "---"); the ':' of "://" and the '.' of "www."), so that user text is shown as written, never as
/// markup, HTML or a link; bytes that are not UTF-8 become U+FFFD.
std::string md_escape(std::string_view text);

/// A GFM table's head: the titles (translated as column labels, escaped) and the
/// alignment row; a title starting with '>' is right-aligned (numbers), the '>' dropped.
std::string md_table_head(std::initializer_list<const char*> titles);

/// `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace kpi::render
