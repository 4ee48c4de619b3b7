#!/usr/bin/env bash
# examples_ci_recipes: the recipes of examples/ci/ work as a user would use them.
#  - pre-commit: in a fresh git repository holding the example workspace, a clean
#    commit passes, a staged mistake is refused, and a fix left unstaged still is;
#    an unformatted file is refused by name until kpi fmt puts it back.
#  - github-actions.yml and gitlab-ci.yml are YAML whose kpi commands use real formats.
#  - crontab: the payout line, run by sh with its paths moved, writes the CSV.
#  - kpi-payout.timer: systemd reads its OnCalendar (when systemd-analyze exists).
# Usage: ci_recipes.sh KPI EXAMPLES_DIR
set -u
kpi=$(realpath "$1")
examples=$(realpath "$2")
recipes=$examples/ci
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$kpi" "$work/bin/kpi"
export PATH="$work/bin:$PATH"
fail() { echo "FAIL: $*"; exit 1; }
# The example's data runs to 2026-11-20: on a later day `validate --strict --data` rightly
# calls it stale (stale-data), so the recipes are tried on a day when it was fresh.
export KPI_TODAY=2026-11-23

# pre-commit
repo=$work/repo
mkdir -p "$repo"
cp -R "$examples"/. "$repo"/
rm -rf "$repo/ci"
cd "$repo" || exit 1
git init -q . && git config user.email t@example.com && git config user.name t
cp "$recipes/pre-commit" .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
git add -A && git commit -qm "the workspace" >"$work/out" 2>&1 || { cat "$work/out"; fail "a clean commit was refused"; }
sed -i 's/^    target: 800000000 .*/    target: eight hundred million/' kpis/sales.yaml
git add kpis/sales.yaml
git commit -qm "a typo" >"$work/out" 2>&1 && fail "the hook let a broken target through"
grep -q 'error\[' "$work/out" || fail "the hook said no finding: $(cat "$work/out")"
git checkout -q HEAD -- kpis/sales.yaml  # fixed in the tree ...
sed -i 's/^    target: 800000000 .*/    target: eight hundred million/' kpis/sales.yaml
git add kpis/sales.yaml
git checkout -q HEAD -- kpis/sales.yaml  # ... but the broken version is what is staged
git commit -qm "staged typo" >"$work/out" 2>&1 && fail "the hook checked the tree, not the index"
git reset -q --hard
# A valid change out of kpi fmt's layout is refused, naming the file; formatted, it passes.
sed -i 's/^data: \[data\/\*.csv\]$/data:\n  - data\/*.csv/' kpi.yaml
grep -qxF "  - data/*.csv" kpi.yaml || fail "the test could not unformat kpi.yaml"
git add kpi.yaml
git commit -qm "unformatted" >"$work/out" 2>&1 && fail "the hook let an unformatted file through"
grep -qx 'kpi.yaml' "$work/out" || fail "the hook did not name kpi.yaml: $(cat "$work/out")"
kpi -q fmt >/dev/null && git add kpi.yaml
git commit -qm "formatted" >"$work/out" 2>&1 && fail "kpi fmt left a change to commit"  # nothing left
git diff --cached --quiet || fail "kpi fmt did not restore kpi.yaml"
git reset -q --hard

# CI files: YAML, and kpi called with formats it has.
for f in github-actions.yml gitlab-ci.yml; do
  /usr/bin/python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$recipes/$f" ||
    fail "$f is not YAML"
done
grep -q -- '--format github' "$recipes/github-actions.yml" || fail "no annotations in github-actions.yml"
grep -q -- '--format junit' "$recipes/gitlab-ci.yml" || fail "no JUnit in gitlab-ci.yml"
# Each kpi command of the CI files runs on the example workspace as written (the
# findings' output aside): a subcommand or format that does not exist fails here.
grep -ho 'kpi -C "$WORKSPACE" [^>|]*' "$recipes/github-actions.yml" "$recipes/gitlab-ci.yml" |
  sed 's/^kpi -C "$WORKSPACE" //' | sort -u | while read -r -a args; do
  (cd "$work" && kpi -C "$examples" "${args[@]}" >/dev/null 2>&1)
  status=$?
  [ "$status" -le 1 ] || fail "kpi ${args[*]} (from the CI files) exits $status"
done

# crontab: the payout line as cron's sh runs it (\% is cron's escape for %).
line=$(grep -m1 'score --period last-month' "$recipes/crontab" | cut -d' ' -f7-)
mkdir -p "$work/out-dir"
line=${line//\/srv\/kpi\/out/$work/out-dir}
(cd "$work" && KPI_WORKSPACE=$repo sh -c "$line") || fail "the crontab payout line failed"
ls "$work/out-dir"/payout-*.csv >/dev/null 2>&1 || fail "the crontab line wrote no payout CSV"
head -n 1 "$work/out-dir"/payout-*.csv | grep -q '^entity' || fail "the payout CSV has no header"

if command -v systemd-analyze >/dev/null; then
  calendar=$(sed -n 's/^OnCalendar=//p' "$recipes/kpi-payout.timer")
  systemd-analyze calendar "$calendar" >/dev/null || fail "systemd cannot read OnCalendar=$calendar"
else
  echo "(systemd-analyze missing: the timer's calendar is not checked)"
fi
echo "examples_ci_recipes: ok"
