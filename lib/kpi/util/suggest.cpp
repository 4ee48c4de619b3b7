#include "kpi/util/suggest.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "kpi/util/quote.hpp"

namespace kpi {

namespace {

/// Levenshtein distance with `row` as the work buffer, so that a search over many
/// candidates allocates once. Stops early with a value of at least `bound` once every
/// cell of a row has reached it: the rows' minimum never decreases.
int distance_with(std::string_view a, std::string_view b, std::vector<int>& row,
                  int bound = std::numeric_limits<int>::max()) {
  row.resize(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int smallest = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      int substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
      smallest = std::min(smallest, row[j]);
      diagonal = above;
    }
    if (smallest >= bound) {
      return smallest;
    }
  }
  return row[b.size()];
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  std::vector<int> row;
  return distance_with(a, b, row);
}

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  const int limit = std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
  const std::string* best = nullptr;
  int best_distance = limit + 1;
  std::vector<int> row;
  for (const std::string& candidate : candidates) {
    // The distance is at least the difference in length: a candidate that cannot come
    // strictly nearer than the best so far is skipped (the first of equals stays).
    const size_t longer = std::max(word.size(), candidate.size());
    const size_t shorter = std::min(word.size(), candidate.size());
    if (longer - shorter >= static_cast<size_t>(best_distance)) {
      continue;
    }
    int d = distance_with(word, candidate, row, best_distance);
    if (d < best_distance) {
      best_distance = d;
      best = &candidate;
      if (d == 0) {
        break;
      }
    }
  }
  return best != nullptr ? std::optional<std::string>(*best) : std::nullopt;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> match = nearest(word, candidates);
  return match ? "did you mean " + quote(*match) + "?" : std::string();
}

}  // namespace kpi
