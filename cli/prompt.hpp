#pragma once
// Asking on the terminal: one question at a time, the default in brackets.

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "define_fields.hpp"
#include "kpi/model/model.hpp"

namespace kpi::cli {

class Prompter {
 public:
  Prompter(std::istream& in, std::ostream& out) : m_in(in), m_out(out) {}

  /// Asks `question`; an empty answer takes `fallback` (shown in brackets when not
  /// empty). None when the input ends (Ctrl-D).
  std::optional<std::string> ask(std::string_view question, std::string_view fallback = {});

  /// A line of guidance under a question.
  void say(std::string_view text);

 private:
  std::istream& m_in;
  std::ostream& m_out;
};

/// Asks for every field of `fields` that is missing, in the SMART order: what outcome,
/// how it is measured, target and baseline, who is accountable, which goal it serves,
/// how often. False when the user stopped (Ctrl-D, or no answer to a required question).
bool interview(const std::string& id, DefineFields& fields, const Workspace& workspace,
               Prompter& prompter);

}  // namespace kpi::cli
