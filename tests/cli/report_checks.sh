#!/usr/bin/env bash
# Checks of kpi report that a golden case cannot make (needs jq):
#   the report's JSON carries exactly what kpi score prints for the period and the
#   compared period; HTML is byte-identical across runs; --output writes the same bytes
#   and leaves no temporary file; last-month gives the same bytes as the month it names.
set -eu
kpi=$1
workspace=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$workspace"
export NO_COLOR=1 KPI_TODAY=2026-12-03
fail() { echo "FAIL: $*"; exit 1; }

"$kpi" report --period 2026-10 --format json >"$out/report.json"
"$kpi" score --period 2026-10 --format json >"$out/score.json"
"$kpi" score --period 2026-09 --format json >"$out/score-prev.json"
jq -e --slurpfile s "$out/score.json" '.score == $s[0]' "$out/report.json" >/dev/null ||
  fail "report .score differs from kpi score"
jq -e --slurpfile s "$out/score-prev.json" '.compared == $s[0]' "$out/report.json" >/dev/null ||
  fail "report .compared differs from kpi score of the previous period"
jq -e --slurpfile s "$out/score.json" \
  '[.summary.people[].total] == [$s[0].entities[] | select(.kind == "person") | .total]' \
  "$out/report.json" >/dev/null || fail "summary totals differ from kpi score"

"$kpi" report --period 2026-10 --format html >"$out/a.html"
"$kpi" report --period 2026-10 --format html >"$out/b.html"
cmp -s "$out/a.html" "$out/b.html" || fail "HTML differs between two runs"
"$kpi" report --period 2026-10 --format html --output "$out/c.html"
cmp -s "$out/a.html" "$out/c.html" || fail "--output wrote other bytes than stdout"
[ "$(ls -A "$out" | grep -c tmp || true)" = 0 ] || fail "a temporary file was left behind"

"$kpi" report --period last-month --format html >"$out/last.html"
"$kpi" report --period 2026-11 --format html >"$out/named.html"
cmp -s "$out/last.html" "$out/named.html" || fail "last-month differs from 2026-11"

SOURCE_DATE_EPOCH=1796083200 "$kpi" report --period 2026-10 --format html >"$out/d.html"
grep -q "generated 2026-12-01 00:00 UTC" "$out/d.html" || fail "SOURCE_DATE_EPOCH not shown"

# The report streams to stdout: a full disk behind it is exit 2, said, not a silent 0.
if [ -w /dev/full ]; then
  status=0
  "$kpi" report --period 2026-10 --format md >/dev/full 2>"$out/full.err" || status=$?
  [ "$status" = 2 ] || fail "a full stdout gave exit $status, not 2"
  grep -qx "kpi: error\[unwritable\]: cannot write the standard output" "$out/full.err" ||
    fail "a full stdout said: $(cat "$out/full.err")"
fi
echo ok
