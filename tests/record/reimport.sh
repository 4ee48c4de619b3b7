#!/usr/bin/env bash
# An import with a bad last row changes nothing; importing the same export twice is
# refused without --replace and, with it, leaves the totals of one import.
#   reimport.sh KPI_BINARY WORKSPACE_FOLDER
set -eu
kpi=$1
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
cp -R "$2"/. "$ws"/
mkdir -p "$ws/data"
journal=$ws/data/measurements.csv
printf 'kpi,entity,date,value,note\nsales.revenue,alice,2026-10-01,100,earlier\n' >"$journal"
cp "$journal" "$ws/before.csv"

fail() { echo "FAIL: $*"; exit 1; }
total() {  # the actual of sales.revenue for bob in 2026-10
  "$kpi" -C "$ws" score --period 2026-10 --as-of 2026-11-01 --format json |
    jq '.entities[] | select(.id == "bob") | .kpis[] | select(.id == "sales.revenue") | .actual'
}

cat >"$ws/export.csv" <<'CSV'
kpi,entity,date,value,note
sales.revenue,bob,2026-10-01,250.50,"first, week"
sales.revenue,bob,2026-10-08,300,
sales.revenue,bob,2026-10-15,125.25,
sales.revenue,bob,2026-10-22,nope,
CSV
status=0
"$kpi" -C "$ws" record --file export.csv 2>"$ws/err" || status=$?
[ "$status" = 1 ] || fail "bad last row: exit $status, expected 1"
grep -q 'export.csv:5:30: error\[bad-number\]' "$ws/err" || fail "bad row not reported: $(cat "$ws/err")"
cmp "$journal" "$ws/before.csv" || fail "the journal changed after a rejected import"

sed -i '$d' "$ws/export.csv"
out=$("$kpi" -C "$ws" record --file export.csv)
[ "$out" = "recorded 3 rows in data/measurements.csv" ] || fail "first import said: $out"
[ "$(total)" = 675.75 ] || fail "total after one import: $(total)"
cp "$journal" "$ws/once.csv"

status=0
"$kpi" -C "$ws" record --file export.csv 2>"$ws/err" || status=$?
[ "$status" = 1 ] || fail "re-import without --replace: exit $status, expected 1"
grep -q 'rows have a key (kpi, entity, date) already recorded' "$ws/err" || fail "$(cat "$ws/err")"
cmp "$journal" "$ws/once.csv" || fail "the journal changed after a refused re-import"

out=$("$kpi" -C "$ws" record --file export.csv --replace)
[ "$out" = "recorded 3 rows in data/measurements.csv, replacing 3 rows" ] || fail "replace said: $out"
cmp "$journal" "$ws/once.csv" || fail "re-import with --replace differs from one import"
[ "$(total)" = 675.75 ] || fail "total after the replace: $(total)"

"$kpi" -C "$ws" -q record --file export.csv --append
[ "$(total)" = 1351.5 ] || fail "total after --append: $(total)"
echo "ok"
