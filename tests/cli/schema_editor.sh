#!/usr/bin/env bash
# The editor's view of kpi schema: yaml-language-server (the server behind VS Code's YAML
# extension, Neovim's and Helix's YAML support) reads a starter's modeline, finds
# kpi.schema.json, reports nothing on the starter and marks a mistyped key and a
# mistyped word. Usage: schema_editor.sh KPI
# Needs node and the npm package yaml-language-server in a folder named by
# KPI_NODE_MODULES (npm install --prefix DIR yaml-language-server@1; DIR/node_modules);
# without them the test says so and is skipped (exit 77).
set -u
kpi=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
modules=${KPI_NODE_MODULES:-}
if ! command -v node >/dev/null || [ -z "$modules" ] || [ ! -d "$modules/yaml-language-server" ]; then
  echo "SKIPPED: node or yaml-language-server missing (set KPI_NODE_MODULES; see this script)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kpi" -q init "$tmp/w"
cp "$tmp/w/kpi.yaml" "$tmp/w/bad.yaml"
sed -i 's/^  max_stretch:/  max_stretc:/; 0,/^    period: monthly/s//    period: montly/' "$tmp/w/bad.yaml"
out=$(cd "$tmp" && NODE_PATH=$modules timeout 60 node "$here/yaml_language_server.js" w/kpi.yaml w/bad.yaml)
echo "$out"
fail=0
grep -qx "$tmp/w/kpi.yaml: 0 diagnostics" <<<"$out" || { echo "FAIL: the starter has diagnostics"; fail=1; }
grep -qx "$tmp/w/bad.yaml: 2 diagnostics" <<<"$out" || { echo "FAIL: expected 2 diagnostics on bad.yaml"; fail=1; }
grep -q "^  28:3 Property max_stretc is not allowed" <<<"$out" || { echo "FAIL: max_stretc not marked at 28:3"; fail=1; }
grep -q "^  118:13 Value is not accepted" <<<"$out" || { echo "FAIL: montly not marked at 118:13"; fail=1; }
exit $fail
