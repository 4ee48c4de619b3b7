#pragma once
// Period arithmetic for reports: what kind of period a range is, the period before it,
// the same period a year earlier, the last N periods, and the absolute token naming it.

#include <string>
#include <vector>

#include "kpi/period/period.hpp"

namespace kpi {

/// What a period is made of: one whole calendar slot, or any other range of days.
enum class PeriodKind { day, week, month, quarter, year, custom };

/// A whole year, quarter, month or ISO week (checked in that order), one day, else custom.
PeriodKind period_kind(const Period& period);

/// The period of the same kind just before: the month before a month, the ISO week
/// before a week; a custom range gives the same number of days just before it.
Period previous_period(const Period& period);

/// The same period one year earlier: 2026-11 -> 2025-11, 2026-W47 -> 2025-W47 (the last
/// week of that year when it has no week 53), 2024-02-29 -> 2023-02-28; a custom range
/// has each end moved back one year (29 February becoming the 28th).
Period year_ago_period(const Period& period);

/// Whether a period lies within 0001-01-01..9999-12-31, the days kpi can name. The
/// shifts above may step outside (the month before 0001-01); callers check with this.
bool within_calendar(const Period& period);

/// The last `count` periods of the same kind ending with `period`, oldest first.
std::vector<Period> trailing_periods(const Period& period, int count);

/// The absolute token naming a period: 2026-10 for a whole month, 2026-Q4, 2026-W43, 2026,
/// a day, else START..END. Relative words are shown this way so that output never
/// depends on the day it was made (last-month run on 2026-11-03 says 2026-10).
std::string absolute_token(const Period& period);

}  // namespace kpi
