#include "kpi/render/json_stream.hpp"

#include <string>

namespace kpi::render {

void JsonStream::indent(size_t depth) {
  for (size_t i = 0; i < depth; ++i) {
    m_out << "  ";
  }
}

void JsonStream::next_item() {
  if (m_after_key) {
    m_after_key = false;  // the value of a key follows it on the same line
    return;
  }
  if (m_levels.empty()) {
    return;
  }
  Level& level = m_levels.back();
  m_out << (level.empty ? "\n" : ",\n");
  level.empty = false;
  indent(m_levels.size());
}

void JsonStream::open(char bracket) {
  next_item();
  m_out << bracket;
  m_levels.push_back(Level{});
}

void JsonStream::close(char bracket) {
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) {
    m_out << '\n';
    indent(m_levels.size());
  }
  m_out << bracket;
  if (m_levels.empty()) {
    m_out << '\n';
  }
}

void JsonStream::key(std::string_view name) {
  next_item();
  m_out << Json(std::string(name)).dump(-1, ' ', false, Json::error_handler_t::replace) << ": ";
  m_after_key = true;
}

void JsonStream::value(const Json& v) {
  next_item();
  // Replace, not throw, on invalid UTF-8 in user text: bad input never crashes.
  const std::string text = v.dump(2, ' ', false, Json::error_handler_t::replace);
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    m_out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    indent(m_levels.size());
    from = nl + 1;
  }
  m_out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  if (m_levels.empty()) {
    m_out << '\n';
  }
}

}  // namespace kpi::render
