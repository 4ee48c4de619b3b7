// Targets, baselines and weights after overrides, and their roll-up over a stretch of
// days (scoring.md, "Target (and baseline)"). Every sum is taken in slot order and
// every product as the spec writes it, left to right, so that an independent
// implementation of scoring.md gets the same doubles.

#include "kpi/score/targets.hpp"

#include <algorithm>
#include <vector>

namespace kpi {

namespace {

/// How specific an override is; higher wins. An override with neither entity nor
/// period (the spec does not foresee one) replaces the KPI's own value and loses to
/// every override that names an entity or a period.
int specificity(const Override& o) {
  if (o.entity && o.period) {
    return 3;
  }
  if (o.entity) {
    return 2;
  }
  if (o.period) {
    return 1;
  }
  return 0;
}

/// Does the override apply to (entity, span)? A period override applies when `span`
/// (a slot, or the scored period for weights) lies inside its period. An entity
/// override never applies when `entity` is empty (the KPI's own target).
bool matches(const Override& o, std::string_view entity, const Period& span) {
  if (!o.period_token.empty() && !o.period) {
    return false;  // a period that could not be read: the validator reports it
  }
  if (o.entity && (entity.empty() || *o.entity != entity)) {
    return false;
  }
  return !o.period || o.period->contains(span);
}

/// The override that decides a field for (entity, span), or null when none sets it.
/// Entity+period > entity > period > neither; among overrides of equal rank that
/// name a period, the narrowest period (fewest days) wins; on a full tie the first
/// written wins.
template <typename HasField>
const Override* deciding_override(const Kpi& kpi, std::string_view entity, const Period& span,
                                  HasField has_field) {
  const Override* best = nullptr;
  for (const Override& o : kpi.overrides) {
    if (!has_field(o) || !matches(o, entity, span)) {
      continue;
    }
    if (best == nullptr) {
      best = &o;
      continue;
    }
    int rank = specificity(o);
    int best_rank = specificity(*best);
    if (rank > best_rank) {
      best = &o;
    } else if (rank == best_rank && o.period && best->period &&
               o.period->days() < best->period->days()) {
      best = &o;
    }
  }
  return best;
}

int overlap_days(const Period& a, const Period& b) {
  Date start = std::max(a.start, b.start);
  Date end = std::min(a.end, b.end);
  return end < start ? 0 : end.days - start.days + 1;
}

enum class RollRule { sum, mean, last };

RollRule roll_rule(const Kpi& kpi) {
  if (kpi.is_formula()) {
    return RollRule::mean;  // scoring.md: a formula KPI's target rolls up like a mean KPI's
  }
  switch (kpi.aggregate) {
    case Aggregate::sum:
    case Aggregate::count:
      return RollRule::sum;
    case Aggregate::mean:
    case Aggregate::min:
    case Aggregate::max:
      return RollRule::mean;
    case Aggregate::last:
      return RollRule::last;
  }
  return RollRule::sum;
}

/// One slot's value (a target bound or a baseline), or none.
struct SlotValue {
  Period slot;
  std::optional<double> value;
};

/// Rolls per-slot values up over `stretch`. A slot without a value, when others have
/// one, is left out: under sum it adds nothing, under mean it is left out of both
/// sums (the mean is taken over the slots that have a value), and under last the
/// latest slot that has a value counts. Only when no slot has a value is the result
/// null. (scoring.md is silent on a target that some slots lack, e.g. a KPI without a
/// target of its own and a period override for one month.)
std::optional<double> roll(const std::vector<SlotValue>& values, const Period& stretch,
                           RollRule rule) {
  std::optional<double> result;
  double numerator = 0;
  double denominator = 0;
  for (const SlotValue& sv : values) {
    if (!sv.value) {
      continue;
    }
    double t = *sv.value;
    double days = static_cast<double>(sv.slot.days());
    double f = static_cast<double>(overlap_days(sv.slot, stretch)) / days;
    switch (rule) {
      case RollRule::sum:
        numerator += t * f;
        result = numerator;
        break;
      case RollRule::mean:
        numerator += t * f * days;
        denominator += f * days;
        result = numerator / denominator;
        break;
      case RollRule::last:
        result = t;  // slots come in order: the last one with a value wins
        break;
    }
  }
  return result;
}

std::vector<Period> slots_of(const Kpi& kpi, const Period& stretch) {
  if (!kpi.period) {
    return {};  // a KPI without a period is broken; the loader reports it
  }
  return slots_overlapping(*kpi.period, stretch);
}

const Override* target_override(const Kpi& kpi, std::string_view entity, const Period& slot) {
  return deciding_override(kpi, entity, slot,
                           [](const Override& x) { return x.target.has_value(); });
}

const Override* baseline_override(const Kpi& kpi, std::string_view entity, const Period& slot) {
  return deciding_override(kpi, entity, slot,
                           [](const Override& x) { return x.baseline.has_value(); });
}

}  // namespace

std::optional<Target> slot_target(const Kpi& kpi, std::string_view entity, const Period& slot) {
  const Override* o = target_override(kpi, entity, slot);
  return o != nullptr ? o->target : kpi.target;
}

std::optional<double> slot_baseline(const Kpi& kpi, std::string_view entity, const Period& slot) {
  const Override* o = baseline_override(kpi, entity, slot);
  return o != nullptr ? o->baseline : kpi.baseline;
}

std::vector<SlotDetail> slot_details(const Kpi& kpi, std::string_view entity,
                                     const Period& stretch) {
  std::vector<SlotDetail> out;
  for (const Period& slot : slots_of(kpi, stretch)) {
    SlotDetail d;
    d.slot = slot;
    // The same division roll() makes.
    d.factor = static_cast<double>(overlap_days(slot, stretch)) / static_cast<double>(slot.days());
    d.target_from = target_override(kpi, entity, slot);
    d.target = slot_target(kpi, entity, slot);
    d.baseline_from = baseline_override(kpi, entity, slot);
    d.baseline = slot_baseline(kpi, entity, slot);
    out.push_back(d);
  }
  return out;
}

const Override* weight_override(const Kpi& kpi, std::string_view entity, const Period& period) {
  return deciding_override(kpi, entity, period,
                           [](const Override& x) { return x.weight.has_value(); });
}

RolledUp roll_up(const Kpi& kpi, std::string_view entity, const Period& stretch) {
  std::vector<Period> slots = slots_of(kpi, stretch);
  RollRule rule = roll_rule(kpi);
  std::vector<SlotValue> lows;
  std::vector<SlotValue> highs;
  std::vector<SlotValue> baselines;
  bool any_range = false;
  for (const Period& slot : slots) {
    std::optional<Target> t = slot_target(kpi, entity, slot);
    SlotValue low{slot, {}};
    SlotValue high{slot, {}};
    if (t) {
      // A plain number among range targets (the validator rejects the mix) counts as
      // the range [v, v].
      any_range = any_range || t->is_range;
      low.value = t->low;
      high.value = t->is_range ? t->high : t->low;
    }
    lows.push_back(low);
    highs.push_back(high);
    baselines.push_back(SlotValue{slot, slot_baseline(kpi, entity, slot)});
  }
  RolledUp result;
  result.baseline = roll(baselines, stretch, rule);
  std::optional<double> low = roll(lows, stretch, rule);
  if (low) {
    Target target;
    target.low = *low;
    target.is_range = any_range;
    if (any_range) {
      target.high = roll(highs, stretch, rule).value_or(*low);
    }
    result.target = target;
  }
  return result;
}

double weight_for(const Kpi& kpi, std::string_view entity, const Period& period) {
  const Override* o = weight_override(kpi, entity, period);
  return o != nullptr ? *o->weight : kpi.weight;
}

}  // namespace kpi
