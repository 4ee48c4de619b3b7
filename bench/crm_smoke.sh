#!/usr/bin/env bash
# bench_crm_smoke: kpi-bench-crm-gen writes a small CRM workspace (3,000 deals) that
# `kpi validate --strict` accepts; `kpi score` must give, for every salesperson, the
# won revenue, the won count and the lost value that crm_check.py computes from the
# export with Python's Decimal. Same arguments, same bytes.
# Usage: crm_smoke.sh KPI_BENCH_CRM_GEN KPI SCRATCH_DIR
set -euo pipefail
gen=$1 kpi=$2 dir=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir"
"$gen" --out "$dir" --rows 3000
"$kpi" -C "$dir" validate --strict
"$kpi" -C "$dir" score --period 2026 --as-of 2027-01-15 --format json > "$dir/score.json"
python3 "$here/crm_check.py" "$dir/exports/deals.csv" "$dir/score.json"
"$gen" --out "$dir/again" --rows 3000
cmp "$dir/exports/deals.csv" "$dir/again/exports/deals.csv"
cmp "$dir/kpi.yaml" "$dir/again/kpi.yaml"
