#pragma once
// Internal to the validator: the context every group of checks writes its findings to.

#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace kpi::checks {

/// The model being checked and the findings made so far.
class Context {
 public:
  Context(const Workspace& workspace, Date reference)
      : m_workspace(workspace), m_reference(reference) {}

  const Workspace& workspace() const { return m_workspace; }
  Date reference() const { return m_reference; }

  /// Adds a finding; the severity comes from the rule catalogue.
  void add(std::string_view rule, const SourceLocation& where, std::string message,
           std::string hint = {});

  std::vector<Diagnostic> take() { return std::move(m_findings); }

 private:
  const Workspace& m_workspace;
  Date m_reference;
  std::vector<Diagnostic> m_findings;
};

void check_duplicates(Context& context);  // duplicates.cpp
void check_references(Context& context);  // references.cpp
void check_cycles(Context& context);      // cycles.cpp
void check_frames(Context& context);      // frames_targets.cpp
void check_targets(Context& context);     // frames_targets.cpp
void check_smart(Context& context);       // smart.cpp
void check_system(Context& context);      // system.cpp
void check_cascade(Context& context);     // cascade.cpp
void check_sources(Context& context);     // sources.cpp
void check_payroll(Context& context);     // payroll.cpp

/// A number as people write it: integers without a fraction (12000000000, not 1.2e+10),
/// others in the shortest form that reads back the same.
std::string format_number(double value);

/// `where` moved `offset` columns to the right (a formula operand inside the text).
SourceLocation shifted(const SourceLocation& where, int offset);

/// "a file:line" reference to another definition, for messages.
std::string line_of(const SourceLocation& where);

}  // namespace kpi::checks
