#!/usr/bin/env bash
# kpi init and kpi define end to end, from a clean folder:
#   every starter validates with --strict and scores October 2026;
#   define from flags adds a KPI that show prints, keeps the file's comments,
#   refuses a duplicate id (exit 1), and the workspace still validates.
set -u
kpi=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 KPI_TODAY=2026-11-23
fail() { echo "FAIL: $*"; exit 1; }
expect_status() {  # expected, then the command
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = "$want" ] || { cat "$work/out" "$work/err"; fail "exit $got, expected $want: $*"; }
}

cd "$work" || exit 1
for example in sales marketing personal; do
  expect_status 0 "$kpi" init "$example" --example "$example"
  expect_status 0 "$kpi" -C "$example" validate --strict
  expect_status 0 "$kpi" -C "$example" score --period 2026-10 --as-of 2026-11-05 --format json
  grep -q '"total": null' "$work/out" && fail "$example: an entity scored nothing"
  # A second init refuses to overwrite; --force does.
  expect_status 1 "$kpi" init "$example" --example "$example"
  grep -q 'workspace-exists' "$work/err" || fail "$example: no workspace-exists"
  expect_status 0 "$kpi" init "$example" --example "$example" --force
done
expect_status 2 "$kpi" init other --example finance
grep -q "no example 'finance'" "$work/err" || fail "unknown example not named"
[ -e other ] && fail "an unknown example wrote something"

# define from flags, into kpi.yaml (the file of sales.revenue, which it serves).
cd sales || exit 1
grep -q '^# kpi.yaml -- a KPI workspace' kpi.yaml || fail "starter comment missing"
cp kpi.yaml "$work/before.yaml"
expect_status 0 "$kpi" define sales.calls --name 'Customer calls' \
  --description 'Calls to customers in the month, from the phone system' \
  --owner sales --assigned-to members --unit calls --source 'Phone system export' \
  --indicator leading --period monthly --target 40 --baseline 35 --weight 0 \
  --aligned-to sales.revenue --tag q4
head -c "$(wc -c <"$work/before.yaml")" kpi.yaml | cmp -s - "$work/before.yaml" \
  || fail "define changed bytes before its entry"
grep -q '^  - id: sales.calls$' kpi.yaml || fail "entry not appended"
grep -q '    tags: \[q4\]' kpi.yaml || fail "tag not written"
expect_status 0 "$kpi" show sales.calls
grep -q '^  assigned to  lan, hung, ha$' "$work/out" || fail "show: $(cat "$work/out")"
grep -q '^  defined at   kpi.yaml:' "$work/out" || fail "show: no position"
expect_status 0 "$kpi" validate --strict

# A duplicate id is refused; nothing changes.
cp kpi.yaml "$work/after.yaml"
expect_status 1 "$kpi" define sales.calls --name X --owner sales --unit u --period monthly
grep -q 'error\[duplicate-id\]' "$work/err" || fail "no duplicate-id"
cmp -s kpi.yaml "$work/after.yaml" || fail "a refused define wrote"

# An error found by the check writes nothing either.
expect_status 1 "$kpi" define sales.bad --name 'Bad owner' --owner nobody --unit u \
  --period monthly --no-input
grep -q "kpi.yaml:[0-9]*:12: error\[unknown-entity\]" "$work/err" || fail "$(cat "$work/err")"
cmp -s kpi.yaml "$work/after.yaml" || fail "an invalid define wrote"

# --dry-run prints the entry and writes nothing.
expect_status 0 "$kpi" define sales.dry --name 'Dry run' --owner lan --unit u \
  --period weekly --dry-run
[ "$(head -1 "$work/out")" = "  - id: sales.dry" ] || fail "dry run: $(cat "$work/out")"
cmp -s kpi.yaml "$work/after.yaml" || fail "--dry-run wrote"

# --file creates a file, includes it, and the comments of kpi.yaml stay.
expect_status 0 "$kpi" define team.lunch --name 'Team lunches' \
  --description 'Lunches the whole team takes together in the month' --owner sales \
  --assigned-to members --unit lunches --source 'Expense reports' --period monthly --target 1 --weight 0 \
  --type functional --aligned-to sales.visits --file kpis/team.yaml
[ -f kpis/team.yaml ] || fail "--file not created"
grep -q '^include: \[kpis/team.yaml\]$' kpi.yaml || fail "not included"
grep -q '^# Score frames turn achievement' kpi.yaml || fail "a comment was lost"
expect_status 0 "$kpi" show team.lunch
grep -q 'defined at   kpis/team.yaml:2:5' "$work/out" || fail "show: $(cat "$work/out")"
expect_status 0 "$kpi" validate --strict
echo ok
