// What each rule checks and how to fix a finding, at more length than the catalogue's
// one-line summary: the text of the RULES section of kpi-validate(1), for SARIF's
// fullDescription and help (code scanning shows it beside each result).

#include "kpi/validate/rule_help.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace kpi {

std::string_view rule_help(std::string_view id) {
  static const std::vector<std::pair<std::string_view, std::string_view>> k_help = {
      {"yaml-syntax",
       "The file is not YAML. Fix the syntax at the position given: indentation, an unclosed "
       "bracket or quote."},
      {"unknown-key",
       "A mapping holds a key the format does not know. Fix the spelling (the nearest known key is "
       "suggested) or remove it."},
      {"duplicate-key", "A key is written twice in one mapping. Keep one."},
      {"wrong-type",
       "A value has the wrong type, such as text where a number is due. Write a value of the "
       "expected type."},
      {"missing-field",
       "A required field is absent: id, name, owner, unit, period on a KPI, member_of on a person, "
       "version at the top. Add it; the position is the start of the mapping."},
      {"bad-value",
       "A value cannot be read: an unknown enum word or period, a deadline that is not a real day, "
       "an unsupported version. Use one of the allowed values."},
      {"bad-id",
       "An id is not made of lower-case letters, digits, underscores, dots and hyphens (starting "
       "with a letter or digit), or is longer than 64 characters. Rename it."},
      {"duplicate-id",
       "Two definitions share an id. Units and people share one namespace; KPIs, frames and reward "
       "labels each have their own. Reported at the second definition, naming the line of the "
       "first; rename one."},
      {"include-error",
       "An included file cannot be read (a key that belongs in kpi.yaml is reported as "
       "unknown-key). Fix the glob, the file's permissions, or the path."},
      {"unknown-entity",
       "An owner, an assigned_to entry or an override's entity names no unit or person. Fix the "
       "name (the nearest id is suggested) or define the entity."},
      {"unknown-unit", "A parent or member_of names no unit. Fix the name or define the unit."},
      {"unknown-person", "A manager names no person. Fix the name or define the person."},
      {"unknown-kpi",
       "aligned_to or an operand of a formula names no KPI. For a formula the column points at the "
       "operand inside the formula. Fix the name or define the KPI."},
      {"unknown-frame",
       "A KPI's frame or settings.default_frame names no frame. Fix the name or define the frame."},
      {"unit-cycle",
       "Unit parents loop back, e.g. a -> b -> a. Reported once per loop; remove one of the parent "
       "links."},
      {"alignment-cycle",
       "aligned_to links loop back. Align one of the KPIs to a goal outside the loop."},
      {"formula-cycle",
       "Formulas refer to each other in a loop. Make one of the KPIs measured, or change its "
       "formula."},
      {"formula-syntax",
       "A formula does not parse. Use numbers, KPI ids, + - * / and parentheses, with spaces "
       "around a minus sign."},
      {"formula-aggregate",
       "A formula KPI sets aggregate. Remove it: the actual comes from the formula."},
      {"frame-catch-all",
       "A band frame does not end with a band without min and max, or has such a band before the "
       "end, where it hides the bands after it. Add a last catch-all band such as {points: 0}, or "
       "give the early one bounds."},
      {"frame-points",
       "A linear frame has fewer than two points, or an x that is not above the one before. Make x "
       "strictly increasing."},
      {"range-target",
       "A range target has low above high, a range target sits on a KPI whose direction is not "
       "range, or a KPI with direction range has a single-number target. Write [low, high] with "
       "direction: range, or a single number otherwise."},
      {"target-not-positive",
       "A target (or an override's target, or a range's low bound) is zero or negative while the "
       "KPI's frame has basis ratio, so achievement is undefined and the KPI goes unscored. Use a "
       "positive target or a frame with basis progress or value. Does not stop kpi score."},
      {"baseline-equals-target",
       "Baseline and target are equal under basis progress, so achievement is undefined. Change "
       "one. Does not stop kpi score."},
      {"smart-description",
       "The KPI has no description, or one of fewer than three words. Say what is counted and "
       "how."},
      {"smart-vague",
       "The name or description uses a vague goal word (improve, increase, better, enhance, "
       "optimize, maximize, minimize, more, boost, reduce) with no digit anywhere in either, and "
       "the KPI has no target. State how far: add a target or a number."},
      {"smart-target", "The KPI has no target, so it is tracked but not scored. Add one."},
      {"smart-source",
       "The KPI does not say where its number comes from. Add source. Formula KPIs are exempt."},
      {"smart-stretch",
       "The target lies more than settings.max_stretch percent beyond the baseline in the KPI's "
       "direction (above for higher, below for lower). Set a nearer target or raise max_stretch. "
       "Skipped for range KPIs and a baseline of 0."},
      {"smart-aligned",
       "A KPI that is not of type strategic has no aligned_to. Name the KPI it serves, or mark it "
       "strategic."},
      {"smart-deadline",
       "The deadline lies before the start of the period of one of the KPI's period overrides. "
       "Move the deadline or drop the override."},
      {"weights-sum",
       "The weights of an entity's KPIs (after the entity's overrides that have no period) do not "
       "sum to 100 although some KPI writes weight or a weight override. Reported at the entity's "
       "definition; change the weights."},
      {"too-many-kpis",
       "An entity is assigned more KPIs than settings.max_kpis_per_entity. Keep the few that "
       "matter, or raise the limit."},
      {"only-lagging",
       "Every KPI of an entity declares indicator: lagging. Add a leading indicator."},
      {"cascade-gap",
       "The KPIs aligned_to a cascade: sum KPI with the same unit of measure have targets that do "
       "not add up to its target. Each target is rolled up to the parent's period slot holding "
       "today's date, as kpi score rolls targets up; the message names the sum, the gap and the "
       "parent's target. Change the children's targets or the parent's."},
      {"frame-scale",
       "A frame's highest points are less than half its scale, so nobody reaches a full score. Set "
       "scale to the highest points, or raise them."},
      {"include-empty", "An include or data glob matches no file. Fix the glob or remove it."},
      {"csv-syntax",
       "A measurement file is not valid CSV: an unterminated quote, a row with more fields than "
       "the header."},
      {"missing-column", "The header lacks kpi, date (or period) or value."},
      {"bad-number",
       "A value is not a plain decimal number (1,5 and 5% and NaN are not). Write digits with a "
       "point."},
      {"bad-date",
       "A date is not a real day or period token. Write YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Www or "
       "YYYY."},
      {"unknown-row-kpi", "A row names a KPI that is not defined."},
      {"formula-row",
       "A row gives a value for a formula KPI, whose actual is computed. Record its operands "
       "instead."},
      {"unknown-row-entity", "A row names an entity that is not defined."},
      {"unassigned-entity", "A row names an entity that is not assigned the KPI."},
      {"missing-entity",
       "A row has no entity while its KPI has several assignees. Fill the entity column."},
      {"partial-overlap",
       "A row's period overlaps the scored period only in part, so it does not count (kpi score)."},
      {"skipped-row", "An invalid row was skipped under --skip-invalid."},
      {"missing-data",
       "A KPI has no measurement that counts for the scored period (reported by kpi score, not by "
       "validate)."},
  };
  auto it =
      std::find_if(k_help.begin(), k_help.end(), [&](const auto& e) { return e.first == id; });
  return it == k_help.end() ? std::string_view() : it->second;
}

}  // namespace kpi
