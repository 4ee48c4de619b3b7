#pragma once
// The checks of scoring.md: every rule has a stable id, a severity and a sentence.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/error.hpp"
#include "kpi/model/model.hpp"
#include "kpi/period/period.hpp"

namespace kpi {

enum class RuleCategory { structure, smart, system, data };

struct RuleInfo {
  std::string_view id;
  Severity severity;
  RuleCategory category;
  /// Errors that keep `score` and `report` from running (cli.md): the model is not
  /// consistent. Other errors (a non-positive target under basis ratio, ...) do not.
  bool blocks_scoring;
  std::string_view summary;  ///< one sentence for --list-rules and kpi-validate(1)
};

/// Every rule, loader and validator alike, in the order they are documented.
const std::vector<RuleInfo>& rule_catalogue();
const RuleInfo* find_rule(std::string_view id);

/// True when a finding keeps score and report from running.
bool blocks_scoring(const Diagnostic& finding);

/// The checks that need the whole model: references, duplicates, cycles, frames,
/// targets, cascades, SMART and System rules. Loader findings are not repeated.
/// `reference` picks the parent's period slot for the cascade check (the CLI passes
/// today). Findings come in definition order: by file, then line and column.
std::vector<Diagnostic> validate_workspace(const Workspace& workspace, Date reference);

/// The Specific rule's test for vague wording: the first word of `text` that says which
/// way without saying how far ("improve", "more", ...), lower-cased; empty when none.
/// `kpi define` asks the same question while the user types.
std::string vague_word(std::string_view text);

/// How far the target lies beyond the baseline, in percent of the baseline, in the
/// KPI's direction (the Achievable rule compares it with settings.max_stretch); none
/// without a single target and a non-zero baseline, or for direction range.
std::optional<double> stretch_percent(const Kpi& kpi);

}  // namespace kpi
