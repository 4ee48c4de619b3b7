#!/usr/bin/env bash
# kpi close end to end, on a copy of the worked example of kpi explain (a workspace kept
# outside the project, as a user keeps one):
#  - the seal holds the score as score prints it and the SHA-256 of every file that
#    counted, checked with sha256sum; closing again is refused;
#  - a record into the closed period is refused (period-closed, exit 1, journal
#    unchanged); one into the next month is not, and moves no sealed number: no warning;
#  - a changed data file is warned about (closed-changed) with the file and the numbers,
#    an error under --strict (exit 1), for score and report; removing the seal reopens.
# Usage: close_checks.sh KPI CASES_DIR
set -u
kpi=$(realpath "$1")
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
cp -R "$2/explain_worked"/. "$ws"/
cd "$ws" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
export NO_COLOR=1 KPI_TODAY=2026-11-23

out=$("$kpi" close 2026-10 --as-of 2026-11-05) || fail "close exits $?"
[ "$out" = "closed 2026-10 as of 2026-11-05: closed/2026-10.json seals 2 files; commit it with the payout" ] ||
  fail "close says: $out"
seal=closed/2026-10.json
[ "$(jq -r .schema $seal)" = kpi.closed/1 ] || fail "no kpi.closed/1 schema"
[ "$(jq -c '[.files[].path]' $seal)" = '["data/measurements.csv","kpi.yaml"]' ] || fail "files: $(jq -c '[.files[].path]' $seal)"
for f in data/measurements.csv kpi.yaml; do
  [ "$(jq -r --arg f $f '.files[] | select(.path == $f) | .sha256' $seal)" = "$(sha256sum $f | cut -d' ' -f1)" ] ||
    fail "the seal's SHA-256 of $f is not sha256sum's"
done
"$kpi" score -p 2026-10 --as-of 2026-11-05 -f json 2>/dev/null | jq -S .entities >score.json
jq -S .score.entities $seal | diff -u - score.json || fail "the sealed score is not score's"
rm score.json
[ "$(jq .score.entities[0].total $seal)" = 68 ] || fail "alice's sealed total is not 68"

"$kpi" close 2026-10 --as-of 2026-11-05 2>err && fail "closing twice was allowed"
grep -q 'error\[period-closed\]: 2026-10 is closed already' err || fail "second close: $(cat err)"

before=$(sha256sum data/measurements.csv)
"$kpi" record sales.revenue 5 --entity alice --date 2026-10-30 2>err
[ $? = 1 ] || fail "a record into the closed period did not exit 1"
grep -q "error\[period-closed\]: the row's stamp 2026-10-30 lies in 2026-10, closed by closed/2026-10.json" err ||
  fail "record into a closed period: $(cat err)"
[ "$(sha256sum data/measurements.csv)" = "$before" ] || fail "the refused record changed the journal"
"$kpi" record sales.revenue 5 --entity alice --date 2026-11-02 >/dev/null || fail "a November record was refused"

# The journal grew with November: no sealed number moves, nothing to say.
"$kpi" score -p 2026-10 --as-of 2026-11-05 >/dev/null 2>err || fail "score after a November record"
grep -q closed-changed err && fail "a change outside the period was warned about: $(cat err)"

# An October row added by hand: score names the file and the numbers; --strict fails.
echo "2026-10-29,sales.revenue,alice,100000000," >>data/measurements.csv
"$kpi" score -p 2026-10 --as-of 2026-11-05 >/dev/null 2>err || fail "score exits $? without --strict"
grep -q "warning\[closed-changed\]: 2026-10 was closed (closed/2026-10.json); changed since: data/measurements.csv; 11 numbers differ: alice total: 68 -> 80; alice reward: C x0.5 = 6000000 -> B x1 = 12000000;" err ||
  fail "closed-changed: $(cat err)"
grep -q "alice sales.revenue actual: 1900000000 -> 2000000000" err || fail "the actual that moved is not named"
"$kpi" score -p 2026-10 --as-of 2026-11-05 --strict >/dev/null 2>err
[ $? = 1 ] || fail "score --strict did not exit 1"
grep -q "error\[closed-changed\]" err || fail "no closed-changed error under --strict"
"$kpi" report -p 2026-10 --as-of 2026-11-05 --strict >/dev/null 2>err
[ $? = 1 ] || fail "report --strict did not exit 1"

# Removing the seal reopens the period.
rm $seal
"$kpi" score -p 2026-10 --as-of 2026-11-05 --strict >/dev/null 2>err || fail "score after reopening"
"$kpi" record sales.revenue 7 --entity alice --date 2026-10-31 >/dev/null || fail "record after reopening"
echo "close_checks: ok"
