#pragma once
// "Did you mean" hints for unknown keys and ids.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

/// Levenshtein distance between two byte strings.
int edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word`, when it is near enough to be a plausible typo
/// (distance at most a third of the word's length, at least 1, at most 3).
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

/// "did you mean 'x'?" or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kpi
