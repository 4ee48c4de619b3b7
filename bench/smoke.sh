#!/usr/bin/env bash
# bench_smoke: kpi-bench-gen writes a tiny workspace (2 units, 2,000 rows) that
# `kpi validate --strict` accepts and `kpi score` reads whole: every row counts.
# Usage: smoke.sh KPI_BENCH_GEN KPI SCRATCH_DIR
set -euo pipefail
gen=$1 kpi=$2 dir=$3
rm -rf "$dir"
"$gen" --out "$dir" --units 2 --rows 2000
"$kpi" -C "$dir" validate --strict
"$kpi" -C "$dir" score --period 2026 --as-of 2027-01-15 --format json > "$dir/score.json"
rows=$(jq '[.entities[].kpis[].rows // 0] | add' "$dir/score.json")
if [ "$rows" != 2000 ]; then
  echo "bench_smoke: the score counts $rows rows, the generator wrote 2000" >&2
  exit 1
fi
# Same arguments, same bytes.
"$gen" --out "$dir/again" --units 2 --rows 2000
cmp "$dir/data/measurements.csv" "$dir/again/data/measurements.csv"
cmp "$dir/kpis/kpis.yaml" "$dir/again/kpis/kpis.yaml"
echo "bench_smoke: ok ($rows rows)"
