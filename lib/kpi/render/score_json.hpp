#pragma once
// Internal: kpi.score/1 as a JSON value, shared by `kpi score` and `kpi report` so that
// the report carries exactly the numbers score prints.

#include <nlohmann/json.hpp>
#include <optional>

#include "kpi/render/json_stream.hpp"
#include "kpi/score/score.hpp"

namespace kpi::render {

using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

/// A number, [low, high] for a range, or null.
Json target_json(const std::optional<Target>& target);
/// {rule, severity, file, line, column, message}; unknown parts null.
Json warning_json(const Diagnostic& d);
/// The kpi.score/1 document, an entity at a time (at any depth of a larger document).
void write_score_json(JsonStream& j, const ScoreResult& result);
/// The whole kpi.score/1 document as a tree (kpi close and kpi explain keep it whole).
Json score_json(const ScoreResult& result);

}  // namespace kpi::render
