// expat behind xml.hpp: blocks read from the zip entry straight into expat's buffer.

#include "kpi/source/xlsx/xml.hpp"

#include <expat.h>

#include <cstring>
#include <new>

namespace kpi::xlsx::detail {

namespace {

constexpr int k_block = 256 * 1024;
constexpr uint64_t k_max_silent = uint64_t{64} << 20;  // bytes without one event

XML_Parser parser_of(void* p) { return static_cast<XML_Parser>(p); }

}  // namespace

std::string_view local_name(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    if (local_name(a[0]) == name) {
      return a[1];
    }
  }
  return nullptr;
}

/// The callbacks catch everything: no exception may cross expat's C frames.
struct XmlParser::Callbacks {
  static void stop(XmlParser& self) { XML_StopParser(parser_of(self.m_parser), XML_FALSE); }
  /// Stops at the event being reported, which is where the message points.
  static void refuse(XmlParser& self, std::string why) {
    XML_Parser p = parser_of(self.m_parser);
    self.m_refusal = std::move(why);
    self.m_line = XML_GetCurrentLineNumber(p);
    self.m_column = XML_GetCurrentColumnNumber(p) + 1;
    stop(self);
  }
  /// expat may still deliver an event or two after a stop; they are dropped.
  static bool stopped(const XmlParser& self) { return self.m_exception || !self.m_refusal.empty(); }

  static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
    XmlParser& self = *static_cast<XmlParser*>(data);
    if (stopped(self)) {
      return;
    }
    ++self.m_events;
    if (++self.m_depth > k_max_depth) {
      refuse(self, "elements nested deeper than " + std::to_string(k_max_depth));
      return;
    }
    try {
      self.m_handler.start(self.m_depth, local_name(name), attributes);
    } catch (...) {
      self.m_exception = std::current_exception();
      stop(self);
    }
  }

  static void end(void* data, const XML_Char*) {
    XmlParser& self = *static_cast<XmlParser*>(data);
    if (stopped(self)) {
      return;
    }
    ++self.m_events;
    try {
      self.m_handler.end(self.m_depth--);
    } catch (...) {
      self.m_exception = std::current_exception();
      stop(self);
    }
  }

  static void text(void* data, const XML_Char* s, int length) {
    XmlParser& self = *static_cast<XmlParser*>(data);
    if (stopped(self)) {
      return;
    }
    ++self.m_events;
    try {
      self.m_handler.text(std::string_view(s, static_cast<size_t>(length)));
    } catch (...) {
      self.m_exception = std::current_exception();
      stop(self);
    }
  }

  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    XmlParser& self = *static_cast<XmlParser*>(data);
    refuse(self, "a DOCTYPE, which no workbook part has");
  }
};

XmlParser::XmlParser(const ZipArchive& archive, const std::string& part, uint64_t limit,
                     XmlHandler& handler)
    : m_entry(archive.open(part, limit)), m_handler(handler), m_parser(XML_ParserCreate("UTF-8")) {
  if (m_parser == nullptr) {
    throw std::bad_alloc();
  }
  XML_Parser p = parser_of(m_parser);
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, &Callbacks::start, &Callbacks::end);
  XML_SetCharacterDataHandler(p, &Callbacks::text);
  XML_SetStartDoctypeDeclHandler(p, &Callbacks::doctype);
}

XmlParser::~XmlParser() { XML_ParserFree(parser_of(m_parser)); }

void XmlParser::fail_xml(const std::string& what) {
  XML_Parser p = parser_of(m_parser);
  if (m_line == 0) {
    m_line = XML_GetCurrentLineNumber(p);
    m_column = XML_GetCurrentColumnNumber(p) + 1;
  }
  fail(m_entry.path(), "'" + m_entry.path() + "' is corrupt: " + m_entry.name() + ", line " +
                           std::to_string(m_line) + ", column " + std::to_string(m_column) + ": " +
                           what);
}

bool XmlParser::step() {
  if (m_done) {
    return false;
  }
  m_done = true;  // until this block is parsed: a failure ends the part
  XML_Parser p = parser_of(m_parser);
  void* buffer = XML_GetBuffer(p, k_block);
  if (buffer == nullptr) {
    throw std::bad_alloc();
  }
  const size_t n = m_entry.read(static_cast<char*>(buffer), k_block);
  const bool last = n == 0;
  if (XML_ParseBuffer(p, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
    if (m_exception) {
      std::rethrow_exception(m_exception);
    }
    if (!m_refusal.empty()) {
      fail_xml(m_refusal);
    }
    fail_xml(XML_ErrorString(XML_GetErrorCode(p)));
  }
  if (m_events == m_events_seen) {
    m_silent += n;
    if (m_silent > k_max_silent) {
      fail_xml("a single XML token longer than 64 MiB");
    }
  } else {
    m_silent = 0;
    m_events_seen = m_events;
  }
  m_done = last;
  return !m_done;
}

}  // namespace kpi::xlsx::detail
