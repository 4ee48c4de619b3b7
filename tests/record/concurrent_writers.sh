#!/usr/bin/env bash
# Eight writers record 40 distinct keys each, all at the same moment, one `kpi record`
# call per row: the lock must make every row land, whole, exactly once.
#   concurrent_writers.sh KPI_BINARY WORKSPACE_FOLDER
set -eu
kpi=$1
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
cp -R "$2"/. "$ws"/

writer() {  # writer W: days W*40 .. W*40+39 of 2026, one row each
  local w=$1 i day
  for ((i = 0; i < 40; i++)); do
    day=$(date -u -d "2026-01-01 + $((w * 40 + i)) days" +%F)
    "$kpi" -C "$ws" -q record sales.calls 1 --date "$day" --note "writer $w, row $i" || return 1
  done
}

start=$(date +%s%N)
pids=()
for ((w = 0; w < 8; w++)); do
  writer "$w" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
echo "8 writers x 40 rows: $((($(date +%s%N) - start) / 1000000)) ms"
[ "$failed" = 0 ] || { echo "a writer failed"; exit 1; }

journal=$ws/data/measurements.csv
lines=$(wc -l <"$journal")
[ "$lines" = 321 ] || { echo "journal has $lines lines, expected 321"; exit 1; }
[ "$(sort -u "$journal" | wc -l)" = 321 ] || { echo "duplicate lines in the journal"; exit 1; }
json=$("$kpi" -C "$ws" score --period 2026 --as-of 2027-01-01 --entity alice --kpi sales.calls \
  --format json)
rows=$(jq '.entities[] | select(.id == "alice") | .kpis[] | select(.id == "sales.calls") | .rows' \
  <<<"$json")
actual=$(jq '.entities[] | select(.id == "alice") | .kpis[] | select(.id == "sales.calls") | .actual' \
  <<<"$json")
[ "$rows" = 320 ] || { echo "kpi score counted $rows rows, expected 320"; exit 1; }
[ "$actual" = 320 ] || { echo "kpi score summed $actual, expected 320"; exit 1; }
echo "ok: 320 rows recorded and scored"

# Four cron jobs re-importing the same export at once with --replace: each replace
# renames a new journal into place under the lock, so the rows end up there once.
for ((d = 1; d <= 10; d++)); do
  printf 'sales.revenue,bob,2026-12-%02d,%d.25,"re-import, %d"\n' "$d" "$d" "$d"
done | sed '1i kpi,entity,date,value,note' >"$ws/export.csv"
pids=()
for ((w = 0; w < 4; w++)); do
  "$kpi" -C "$ws" -q record --file "$ws/export.csv" --replace &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || { echo "a --replace import failed"; exit 1; }
done
lines=$(wc -l <"$journal")
[ "$lines" = 331 ] || { echo "journal has $lines lines after the re-imports, expected 331"; exit 1; }
actual=$("$kpi" -C "$ws" score --period 2026-12 --as-of 2027-01-01 --format json |
  jq '.entities[] | select(.id == "bob") | .kpis[] | select(.id == "sales.revenue") | .actual')
[ "$actual" = 57.5 ] || { echo "bob's December revenue is $actual, expected 57.5"; exit 1; }
[ -z "$(find "$ws/data" -name '*.tmp-*')" ] || { echo "a temporary file was left"; exit 1; }
echo "ok: four concurrent --replace imports left one copy"
