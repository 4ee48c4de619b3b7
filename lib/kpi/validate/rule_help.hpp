#pragma once
// The longer text of each rule, for formats that show help beside a finding (SARIF).

#include <string_view>

namespace kpi {

/// What rule `id` checks and how to fix a finding: its text in the RULES section of
/// kpi-validate(1); empty for an id without one (the catalogue's summary then serves).
std::string_view rule_help(std::string_view id);

/// Where the rules are documented, as a URI: the RULES section of the kpi-validate(1)
/// manual page.
inline constexpr std::string_view k_rule_help_uri = "man:kpi-validate(1)#RULES";

}  // namespace kpi
