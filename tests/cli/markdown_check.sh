#!/usr/bin/env bash
# kpi's Markdown (score, report, explain) rendered by a real renderer, markdown-it: on a
# workspace whose every name, label and unit is written to become markup, each is shown
# as written and no markup appears but kpi's own; examples/ renders with kpi's markup
# only. Usage: markdown_check.sh KPI SOURCE_DIR
# Needs node and markdown-it in KPI_NODE_MODULES (.ci/install-deps runs npm ci in
# tests/node); without them the test says so and is skipped (exit 77).
set -u
kpi=$(realpath "$1")
src=$(realpath "$2")
here=$src/tests/cli
modules=${KPI_NODE_MODULES:-}
if ! command -v node >/dev/null || [ -z "$modules" ] || [ ! -d "$modules/markdown-it" ]; then
  echo "SKIPPED: node or markdown-it missing (set KPI_NODE_MODULES; see this script)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {  # run FOLDER OUT.md ARGS...: kpi's Markdown, exit 0 or 1 (a gap) accepted
  local folder=$1 out=$2
  shift 2
  (cd "$folder" && KPI_TODAY=2026-11-23 "$kpi" -q "$@" >"$tmp/$out")
  local status=$?
  [ $status -le 1 ] || { echo "FAIL: kpi $* exited $status"; exit 1; }
}
hostile=$here/workspaces/markdown_hostile
period=(--period 2026-10 --as-of 2026-11-05)
run "$hostile" hostile_score.md score "${period[@]}" --format md
run "$hostile" hostile_report.md report "${period[@]}" --format md
run "$hostile" hostile_explain.md explain shop.sales --entity eve "${period[@]}" --format md
run "$hostile" hostile_scorecard.md explain --entity bob "${period[@]}" --format md
run "$src/examples" examples_score.md score "${period[@]}" --format md
run "$src/examples" examples_report.md report "${period[@]}" --format md
ws='# ACME <b>x</b> *em* _u_ `code` [link](http://x) ~~s~~ $m$ &amp; http://evil.example'
eve='1. Eve <script>alert(1)</script> **bold**'
bob='- Bob ![img](x.png) www.evil.example'
shop='> Shop <i>main</i> | Co'
sales='+ Monthly <em>sales</em> & \returns'
returns='=== Returned $x$ items ==='
python3 - "$tmp/expected.json" "$ws" "$eve" "$bob" "$shop" "$sales" "$returns" <<'PY'
import json, sys
path, ws, eve, bob, shop, sales, returns = sys.argv[1:]
labels = ["<u>Achieved</u> _yes_", "`Close`", "<sup>items</sup>", "[B](http://x)"]
files = {
    "hostile_score.md": [ws, eve, bob, shop, sales, returns, "---"] + labels,
    "hostile_report.md": [ws, eve, bob, shop, sales, returns, "<sup>items</sup>", "---"],
    "hostile_explain.md": [eve, "<u>Achieved</u> _yes_", "[B](http://x)", "*A*"],
    "hostile_scorecard.md": [bob, "[B](http://x)", "*A*"],
    "examples_score.md": ["Nguyễn Thị Lan", "Monthly net revenue", "VND"],
    "examples_report.md": ["Monthly net revenue", "Sales Department"],
}
json.dump({"h1": 1, "files": files}, open(path, "w"))
PY
# explain's Markdown opens with a second-level heading: no title of its own.
python3 - "$tmp/expected.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
e["h1_exceptions"] = ["hostile_explain.md", "hostile_scorecard.md"]
json.dump(e, open(sys.argv[1], "w"))
PY
cd "$tmp" && NODE_PATH=$modules node "$here/markdown_check.js" expected.json ./*.md
