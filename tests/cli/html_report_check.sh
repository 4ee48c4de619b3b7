#!/usr/bin/env bash
# The HTML report checked with the tools that judge it: the Nu HTML Checker (vnu-jar on
# the JRE) finds no error, and axe-core's WCAG 2.1 AA rules in Debian's chromium find no
# violation at 1280 and 390 px, nor does html_check.js find a table cut off or a chart
# label drawn over another or over the 100 % line; for examples/ (English and
# Vietnamese, closed and running), a workspace of hostile names and one without data.
# Usage: html_report_check.sh KPI SOURCE_DIR [SCREENSHOT_DIR]
# Needs node with tests/node's packages (KPI_NODE_MODULES), java and /usr/bin/chromium
# (.ci/install-deps installs them); without them the test says so and skips (exit 77).
set -u
kpi=$(realpath "$1")
src=$(realpath "$2")
shots=${3:-}
modules=${KPI_NODE_MODULES:-}
vnu=$modules/vnu-jar/build/dist/vnu.jar
for need in node java; do
  command -v $need >/dev/null || { echo "SKIPPED: $need is not installed"; exit 77; }
done
[ -x "${KPI_CHROMIUM:-/usr/bin/chromium}" ] || { echo "SKIPPED: chromium is not installed"; exit 77; }
[ -f "$vnu" ] && [ -d "$modules/axe-core" ] && [ -d "$modules/puppeteer-core" ] ||
  { echo "SKIPPED: vnu-jar, axe-core or puppeteer-core missing (set KPI_NODE_MODULES)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
report() {  # report FOLDER NAME ARGS...
  local folder=$1 name=$2
  shift 2
  (cd "$folder" && KPI_TODAY=2026-11-23 "$kpi" -q report --format html --output "$tmp/$name.html" "$@")
  [ $? -le 1 ] || { echo "FAIL: kpi report $* in $folder"; exit 1; }
}
report "$src/examples" report-desktop --period 2026-10 --as-of 2026-11-05
report "$src/examples" report-vi --period 2026-10 --as-of 2026-11-05 --lang vi
report "$src/examples" report-running --period 2026-11 --as-of 2026-11-18
report "$src/tests/cli/workspaces/markdown_hostile" report-hostile --period 2026-10 --as-of 2026-11-05
report "$src/tests/cli/workspaces/payout" report-payout --period 2026-10 --as-of 2026-11-05
report "$src/tests/cli/workspaces/payout" report-empty --period 2025-01 --as-of 2025-02-05
fail=0
timeout 300 java -jar "$vnu" --errors-only "$tmp"/*.html || { echo "FAIL: the Nu HTML Checker found errors"; fail=1; }
echo "vnu: $(ls "$tmp"/*.html | wc -l) reports checked"
shot_args=()
[ -n "$shots" ] && shot_args=(--screenshots "$shots")
(cd "$tmp" && NODE_PATH=$modules timeout 300 node "$src/tests/cli/html_check.js" "${shot_args[@]}" ./*.html) || fail=1
exit $fail
