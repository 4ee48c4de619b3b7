#!/usr/bin/env bash
# A nightly import that re-exports the month: --replace-period drops the journal's rows
# that have disappeared from the export (a deal that went from Won to Lost), accepts
# rows that share a key (two visits on one day), refuses rows outside its scope, and
# leaves the journal of one run when it runs twice.
#   replace_period.sh KPI_BINARY WORKSPACE_FOLDER
set -eu
kpi=$1
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
cp -R "$2"/. "$ws"/
mkdir -p "$ws/data"
journal=$ws/data/measurements.csv
printf 'kpi,entity,date,value,note\nsales.revenue,bob,2026-09-30,1,September\n' >"$journal"

fail() { echo "FAIL: $*"; exit 1; }
actual() {  # the actual of KPI $2 for $1 in 2026-10
  "$kpi" -C "$ws" score --period 2026-10 --as-of 2026-11-01 --format json |
    jq ".entities[] | select(.id == \"$1\") | .kpis[] | select(.id == \"$2\") | .actual"
}

cat >"$ws/deals.csv" <<'CSV'
kpi,entity,date,value,note
sales.revenue,bob,2026-10-03,345000000,D1
sales.revenue,bob,2026-10-09,270000000,D2
CSV
out=$("$kpi" -C "$ws" record --file deals.csv --replace-period 2026-10 --kpi sales.revenue)
[ "$out" = "recorded 2 rows in data/measurements.csv, replacing 0 rows" ] || fail "first run: $out"
[ "$(actual bob sales.revenue)" = 615000000 ] || fail "before: $(actual bob sales.revenue)"

# D1 went from Won to Lost: the next export no longer holds it.
printf 'kpi,entity,date,value,note\nsales.revenue,bob,2026-10-09,270000000,D2\n' >"$ws/deals.csv"
"$kpi" -C "$ws" -q record --file deals.csv --replace
[ "$(actual bob sales.revenue)" = 615000000 ] || fail "--replace is key-based: $(actual bob sales.revenue)"
out=$("$kpi" -C "$ws" record --file deals.csv --replace-period 2026-10 --kpi sales.revenue)
[ "$out" = "recorded 1 row in data/measurements.csv, replacing 2 rows" ] || fail "re-export: $out"
[ "$(actual bob sales.revenue)" = 270000000 ] || fail "after: $(actual bob sales.revenue)"
grep -q '^sales.revenue,bob,2026-09-30,1,September$' "$journal" || fail "September's row is gone"
cp "$journal" "$ws/once.csv"
"$kpi" -C "$ws" -q record --file deals.csv --replace-period 2026-10 --kpi sales.revenue
cmp "$journal" "$ws/once.csv" || fail "a second run changed the journal"

# Two complaints on the same day share a key: refused by the key-based modes, taken here.
cat >"$ws/complaints.csv" <<'CSV'
kpi,entity,date,value,note
sales.complaints,alice,2026-10-05,,morning
sales.complaints,alice,2026-10-05,,afternoon
CSV
status=0
"$kpi" -C "$ws" record --file complaints.csv 2>"$ws/err" || status=$?
[ "$status" = 1 ] || fail "same-day rows without --replace-period: exit $status, expected 1"
out=$("$kpi" -C "$ws" record --file complaints.csv --replace-period 2026-10 --kpi sales.complaints \
  --kpi sales.revenue)
[ "$out" = "recorded 2 rows in data/measurements.csv, replacing 1 row" ] || fail "same day: $out"
[ "$(actual alice sales.complaints)" = 2 ] || fail "complaints: $(actual alice sales.complaints)"
[ "$(actual bob sales.revenue)" = null ] || fail "revenue not replaced: $(actual bob sales.revenue)"

# A row outside the scope is refused and nothing changes.
cp "$journal" "$ws/before.csv"
printf 'kpi,entity,date,value\nsales.revenue,bob,2026-11-02,5\n' >"$ws/late.csv"
status=0
"$kpi" -C "$ws" record --file late.csv --replace-period 2026-10 --kpi sales.revenue 2>"$ws/err" ||
  status=$?
[ "$status" = 1 ] || fail "row outside the period: exit $status, expected 1"
grep -q 'late.csv:2:1: error\[replace-scope\]' "$ws/err" || fail "not reported: $(cat "$ws/err")"
cmp "$journal" "$ws/before.csv" || fail "the journal changed after a refused import"

# Wrong calls: exit 2.
for args in "--replace-period 2026-10" "--kpi sales.revenue" \
  "--replace-period 2026-13 --kpi sales.revenue" "--replace-period 2026-10 --kpi sales.revenu" \
  "--replace-period 2026-10 --kpi sales.per_call" "--replace-period 2026-10 --kpi sales.revenue --replace"; do
  status=0
  # shellcheck disable=SC2086
  "$kpi" -C "$ws" record --file deals.csv $args 2>"$ws/err" || status=$?
  [ "$status" = 2 ] || fail "$args: exit $status, expected 2: $(cat "$ws/err")"
done
grep -q "did you mean 'sales.revenue'" <("$kpi" -C "$ws" record --file deals.csv \
  --replace-period 2026-10 --kpi sales.revenu 2>&1) || fail "no suggestion for a typo"
echo "ok"
