#include "kpi/yaml/limits.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "kpi/util/quote.hpp"

namespace kpi::yaml {

namespace {

/// Thrown from the event handler to stop the parser at the first limit exceeded.
struct LimitExceeded {
  Diagnostic finding;
};

/// Counts, for every anchored node, the scalar bytes it holds (its aliases included), so
/// that each alias adds what it would expand to: a billion laughs is stopped at the
/// alias that passes the bound, before any node is built.
class LimitChecker : public YAML::EventHandler {
 public:
  explicit LimitChecker(std::string file) : m_file(std::move(file)) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { leaf(anchor, 0); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (++m_alias_uses > k_max_alias_uses) {
      fail(mark, "more than " + with_thousands(static_cast<size_t>(k_max_alias_uses)) +
                     " aliases ('*name') in one file");
    }
    auto it = m_anchor_bytes.find(anchor);
    const uint64_t bytes = it != m_anchor_bytes.end() ? it->second : 0;
    m_alias_bytes = add(m_alias_bytes, bytes);
    if (m_alias_bytes > k_max_alias_bytes) {
      fail(mark, "aliases ('*name') would repeat more than " +
                     with_thousands(static_cast<size_t>(k_max_alias_bytes)) +
                     " bytes of text in one file");
    }
    leaf(0, bytes);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    if (value.size() > k_max_scalar_bytes) {
      fail(mark, "a value of " + with_thousands(value.size()) + " bytes is longer than " +
                     with_thousands(k_max_scalar_bytes) + " bytes");
    }
    leaf(anchor, value.size());
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor = 0;
    uint64_t bytes = 0;
  };

  static uint64_t add(uint64_t a, uint64_t b) {
    return std::min<uint64_t>(a + b, k_max_alias_bytes + 1);  // saturates: never wraps
  }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    SourceLocation at{m_file, mark.is_null() ? 0 : mark.line + 1,
                      mark.is_null() ? 0 : mark.column + 1};
    throw LimitExceeded{
        Diagnostic{"yaml-limit", Severity::error, message, at, "see LIMITS in kpi-format(5)"}};
  }

  void leaf(YAML::anchor_t anchor, uint64_t bytes) {
    if (anchor != 0) {
      m_anchor_bytes[anchor] = bytes;
    }
    if (!m_open.empty()) {
      m_open.back().bytes = add(m_open.back().bytes, bytes);
    }
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(m_open.size()) >= k_max_nesting) {
      fail(mark,
           "mappings and sequences nest more than " + std::to_string(k_max_nesting) + " deep");
    }
    m_open.push_back(Open{anchor, 0});
  }

  void close() {
    if (m_open.empty()) {
      return;
    }
    const Open done = m_open.back();
    m_open.pop_back();
    leaf(done.anchor, done.bytes);
  }

  std::string m_file;
  std::vector<Open> m_open;
  std::map<YAML::anchor_t, uint64_t> m_anchor_bytes;
  int64_t m_alias_uses = 0;
  uint64_t m_alias_bytes = 0;
};

}  // namespace

std::optional<Diagnostic> check_yaml_limits(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  LimitChecker checker(file);
  try {
    // The first document only: it is all YAML::Load reads, and on some broken input
    // (a lone ",") yaml-cpp 0.7's HandleNextDocument reports a new empty document
    // forever without reading on (found by tests/fuzz/fuzz_yaml).
    YAML::Parser parser(in);
    parser.HandleNextDocument(checker);
  } catch (const LimitExceeded& exceeded) {
    return exceeded.finding;
  } catch (const YAML::Exception&) {
    // Syntax errors are the loader's to report, with its own message.
  }
  return std::nullopt;
}

}  // namespace kpi::yaml
