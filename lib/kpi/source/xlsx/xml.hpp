#pragma once
// One XML part of a workbook parsed as a stream of events (expat, used in xml.cpp only).
// Names come without their prefix ("x:row" is "row"): the parts are matched by their
// place in the tree, not by namespace. A DOCTYPE, nesting deeper than k_max_depth and a
// single token of more than 64 MiB are refused, so no input can make the parser expand
// entities or hold unbounded state.

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "kpi/source/xlsx/zip.hpp"

namespace kpi::xlsx::detail {

inline constexpr int k_max_depth = 64;

/// The events of a part. A handler may throw (kpi::Error): the parser stops and the
/// exception comes out of XmlParser::step().
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  /// `depth` is 1 for the root. `attributes` is expat's list: name, value, ..., null.
  virtual void start(int depth, std::string_view name, const char** attributes) = 0;
  virtual void end(int depth) = 0;
  /// Character data, in pieces of any size.
  virtual void text(std::string_view piece) = 0;
};

/// The value of the attribute whose name (without prefix) is `name`, or null.
const char* attribute(const char** attributes, std::string_view name);

/// Strips a name's prefix: "r:id" is "id".
std::string_view local_name(std::string_view name);

class XmlParser {
 public:
  XmlParser(const ZipArchive& archive, const std::string& part, uint64_t limit,
            XmlHandler& handler);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  /// Parses the next block of the part; false once the whole part is parsed.
  bool step();
  void run() {
    while (step()) {
    }
  }

  /// Called from the expat callbacks in xml.cpp.
  struct Callbacks;

 private:
  [[noreturn]] void fail_xml(const std::string& what);

  ZipEntry m_entry;
  XmlHandler& m_handler;
  void* m_parser;  // XML_Parser
  int m_depth = 0;
  bool m_done = false;
  uint64_t m_events = 0;       // callbacks so far
  uint64_t m_events_seen = 0;  // m_events after the previous block
  uint64_t m_silent = 0;       // bytes fed since the last block that gave an event
  std::string m_refusal;
  uint64_t m_line = 0;  // where the refusal points, 1-based
  uint64_t m_column = 0;
  std::exception_ptr m_exception;
};

}  // namespace kpi::xlsx::detail
