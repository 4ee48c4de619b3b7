#pragma once
// Internal: a JSON document written a part at a time, byte for byte as nlohmann's
// dump(2) prints the whole tree, so that a large document (a report of 1,000 people)
// never needs its whole tree in memory: containers are opened and closed here, and each
// value handed over is a small tree, dumped and indented to its depth.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>
#include <vector>

namespace kpi::render {

class JsonStream {
 public:
  using Json = nlohmann::ordered_json;

  explicit JsonStream(std::ostream& out) : m_out(out) {}

  void begin_object() { open('{'); }
  void begin_array() { open('['); }
  void end_object() { close('}'); }
  void end_array() { close(']'); }
  /// The next member's key (inside an object).
  void key(std::string_view name);
  /// A whole value: an element of an array, or the value of the last key.
  void value(const Json& v);
  /// A key and its value.
  void member(std::string_view name, const Json& v) {
    key(name);
    value(v);
  }

 private:
  struct Level {
    bool empty = true;
  };
  void open(char bracket);
  void close(char bracket);
  /// Before an element or key: the comma and line break after the previous one.
  void next_item();
  void indent(size_t depth);

  std::ostream& m_out;
  std::vector<Level> m_levels;
  bool m_after_key = false;
};

}  // namespace kpi::render
