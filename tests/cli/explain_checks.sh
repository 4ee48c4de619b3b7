#!/usr/bin/env bash
# kpi explain against kpi score (explain_check.py) on the worked example and on examples/,
# for a month, a paced month, a quarter, a year and a week.
set -eu
kpi=$1 root=$2
here=$(dirname "$0")
python3 "$here/explain_check.py" "$kpi" "$here/cases/explain_worked" 2026-10 2026-11-05
python3 "$here/explain_check.py" "$kpi" "$here/cases/explain_worked" 2026-10 2026-10-25
for period in 2026-10 2026-Q3 2026 2026-W40; do
  python3 "$here/explain_check.py" "$kpi" "$root/examples" "$period" 2026-11-05
done
