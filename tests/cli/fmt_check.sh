#!/usr/bin/env bash
# kpi fmt as a user and a CI job use it: --check passes on examples/ and fails naming the
# files that are not formatted; kpi fmt puts them back byte for byte (comments and all);
# a second run changes nothing; what the definitions mean never changes (every example
# and valid test workspace gives the same validate, list and show before and after; the
# examples the same scores and report). Usage: fmt_check.sh KPI SOURCE_DIR
set -u
kpi=$(realpath "$1") source_dir=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
failed() { echo "FAIL: $*"; fail=1; }

# --check on the examples as they are committed.
out=$("$kpi" -C "$source_dir/examples" fmt --check 2>"$tmp/err"); status=$?
[ $status -eq 0 ] && [ -z "$out" ] || failed "fmt --check on examples/: exit $status, out: $out $(cat "$tmp/err")"
grep -qx "all 7 files are formatted" "$tmp/err" || failed "fmt --check summary: $(cat "$tmp/err")"

# Two files out of shape: a block list and keys out of order.
cp -r "$source_dir/examples" "$tmp/ws"
python3 - "$tmp/ws" <<'PY'
import sys
root = sys.argv[1]
path = root + "/kpi.yaml"
text = open(path, encoding="utf-8").read()
assert "data: [data/*.csv]\n" in text
open(path, "w", encoding="utf-8").write(text.replace("data: [data/*.csv]\n", "data:\n    - 'data/*.csv'\n"))
path = root + "/kpis/sales.yaml"
text = open(path, encoding="utf-8").read()
old = "  - id: sales.revenue\n    name: Monthly net revenue\n"
assert old in text
open(path, "w", encoding="utf-8").write(text.replace(old, "  - name: Monthly net revenue\n    id: sales.revenue\n"))
PY
cp "$tmp/ws/kpis/sales.yaml" "$tmp/sales.before"
out=$(cd "$tmp/ws" && "$kpi" fmt --check 2>"$tmp/err"); status=$?
[ $status -eq 1 ] || failed "fmt --check on two misformatted files: exit $status, expected 1"
[ "$out" = "$(printf 'kpi.yaml\nkpis/sales.yaml')" ] || failed "fmt --check named [$out]"
grep -qx "2 of 7 files would be reformatted; run kpi fmt" "$tmp/err" || failed "summary: $(cat "$tmp/err")"
cmp -s "$tmp/ws/kpis/sales.yaml" "$tmp/sales.before" || failed "fmt --check changed a file"
out=$(cd "$tmp/ws" && "$kpi" -q fmt); status=$?
[ $status -eq 0 ] || failed "fmt: exit $status"
for f in kpi.yaml kpis/sales.yaml; do
  cmp -s "$tmp/ws/$f" "$source_dir/examples/$f" || failed "fmt did not give back examples/$f byte for byte"
done
out=$(cd "$tmp/ws" && "$kpi" fmt 2>&1 >/dev/null)
[ "$out" = "reformatted 0 of 7 files" ] || failed "a second fmt: $out"

# A file that does not parse: named with its position, left as written, exit 1.
mkdir -p "$tmp/broken"
printf 'version: 1\nkpis: [\n' >"$tmp/broken/kpi.yaml"
cp "$tmp/broken/kpi.yaml" "$tmp/broken.before"
out=$("$kpi" -C "$tmp/broken" fmt 2>&1); status=$?
[ $status -eq 1 ] || failed "fmt of a broken file: exit $status"
grep -q "^kpi.yaml:3:1: error\[yaml-syntax\]" <<<"$out" || failed "fmt of a broken file said: $out"
cmp -s "$tmp/broken/kpi.yaml" "$tmp/broken.before" || failed "fmt changed a file it could not parse"
"$kpi" -C "$tmp/broken" fmt nothere.yaml >/dev/null 2>&1; status=$?
[ $status -eq 2 ] || failed "fmt of a missing file: exit $status, expected 2"

# The meaning stays: the views of each workspace, positions taken out, are equal.
views() {  # views DIR: what kpi says about a workspace, without line and column numbers
  local dir=$1
  "$kpi" -C "$dir" validate --format json 2>/dev/null | jq -S 'del(.. | .line?, .column?)' 2>/dev/null
  "$kpi" -C "$dir" list 2>/dev/null
  echo "list: exit $?"
  for id in $("$kpi" -C "$dir" list --ids all 2>/dev/null); do
    "$kpi" -C "$dir" show "$id" 2>/dev/null | sed -E 's/\.yaml:[0-9]+(:[0-9]+)?/.yaml/g'
  done
}
checked=0
while read -r ws; do
  dir=$(dirname "$ws")
  rm -rf "$tmp/copy" && cp -r "$dir" "$tmp/copy"
  (cd "$tmp/copy" && "$kpi" -q fmt >/dev/null 2>&1) || continue  # files fmt leaves as written
  (cd "$tmp/copy" && "$kpi" -q fmt --check >/dev/null 2>&1) || failed "${dir#"$source_dir/"}: a second fmt changes it"
  [ "$(views "$dir")" = "$(views "$tmp/copy")" ] || failed "${dir#"$source_dir/"}: fmt changed what it means"
  checked=$((checked + 1))
done < <(find "$source_dir/examples" "$source_dir/tests" -name kpi.yaml | sort)
echo "$checked workspaces formatted and compared"
[ "$checked" -ge 20 ] || failed "only $checked workspaces compared"
for args in "score --period 2026-10 --as-of 2026-11-05 --format json" \
            "report --period 2026-10 --as-of 2026-11-05 --format json"; do
  read -r -a argv <<<"$args"
  [ "$("$kpi" -C "$source_dir/examples" "${argv[@]}" 2>&1)" = "$("$kpi" -C "$tmp/ws" "${argv[@]}" 2>&1)" ] \
    || failed "kpi $args differs after fmt"
done
exit $fail
