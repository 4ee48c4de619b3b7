#!/usr/bin/env bash
# kpi schema checked the way an editor or a CI job uses it: every example, every starter
# of kpi init (with its modeline) and every test workspace that kpi validate accepts
# validate against it; a mistyped key or a quoted number is rejected, as kpi validate
# rejects it. Usage: schema_workspaces.sh KPI SOURCE_DIR
set -u
kpi=$(realpath "$1") source_dir=$(realpath "$2")
check=$source_dir/tests/cli/yaml_schema_check.py
python3 -c "import jsonschema, yaml" || { echo "python3-jsonschema or python3-yaml is missing (.ci/install-deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
schema=$tmp/schema.json
"$kpi" schema >"$schema" || { echo "kpi schema failed"; exit 1; }
python3 -c "import json,sys,jsonschema; jsonschema.Draft7Validator.check_schema(json.load(open(sys.argv[1])))" "$schema" \
  || { echo "kpi schema does not print a valid draft-07 schema"; fail=1; }
"$kpi" schema -o "$tmp/written.json" && cmp -s "$schema" "$tmp/written.json" \
  || { echo "kpi schema -o does not write what it prints"; fail=1; }

accept() {  # accept LABEL FILE...: each file must validate
  local label=$1; shift
  if ! python3 "$check" "$schema" "$@"; then
    echo "FAIL: $label does not validate against kpi schema"
    fail=1
  fi
}
reject() {  # reject LABEL WORD FILE: the file must fail, naming WORD
  local label=$1 word=$2 file=$3 out
  out=$(python3 "$check" "$schema" "$file")
  if [ $? -ne 1 ] || ! grep -q -- "$word" <<<"$out"; then
    echo "FAIL: $label: expected a schema error naming $word, got: $out"
    fail=1
  fi
}

# Test files (tests/*.yaml, kpi-test(1)) are not definitions.
mapfile -t examples < <(find "$source_dir/examples" -name '*.yaml' -not -path '*/tests/*' | sort)
accept "examples/" "${examples[@]}"
echo "${#examples[@]} example files checked"

for starter in sales marketing personal; do
  "$kpi" -q init --example "$starter" "$tmp/$starter" || { echo "FAIL: kpi init --example $starter"; fail=1; continue; }
  head -1 "$tmp/$starter/kpi.yaml" | grep -qx '# yaml-language-server: $schema=kpi.schema.json' \
    || { echo "FAIL: $starter's kpi.yaml lacks the schema modeline"; fail=1; }
  cmp -s "$schema" "$tmp/$starter/kpi.schema.json" || { echo "FAIL: $starter's kpi.schema.json is not kpi schema's"; fail=1; }
  accept "the $starter starter" "$tmp/$starter/kpi.yaml"
done

# Test workspaces that kpi validate accepts: their files must pass too.
checked=0
while read -r ws; do
  dir=$(dirname "$ws")
  "$kpi" -C "$dir" validate >/dev/null 2>&1 || continue
  mapfile -t files < <(find "$dir" -name '*.yaml' | sort)
  accept "${dir#"$source_dir/"}" "${files[@]}"
  checked=$((checked + 1))
done < <(find "$source_dir/tests" -name kpi.yaml | sort)
echo "$checked valid test workspaces checked"
[ "$checked" -ge 10 ] || { echo "FAIL: only $checked test workspaces found"; fail=1; }

# What kpi validate refuses, the schema refuses too.
mkdir -p "$tmp/bad"
printf 'version: 1\nsettings:\n  max_stretc: 50\n' >"$tmp/bad/settings.yaml"
reject "a mistyped settings key" max_stretc "$tmp/bad/settings.yaml"
printf 'kpis:\n  - {id: k, name: K, owner: a, unit: x, period: monthly, targt: 5}\n' >"$tmp/bad/included.yaml"
reject "a mistyped KPI key in an included file" targt "$tmp/bad/included.yaml"
printf 'version: 1\nkpis:\n  - {id: k, name: K, owner: a, unit: x, period: monthly, weight: "40"}\n' >"$tmp/bad/quoted.yaml"
reject "a quoted weight" weight "$tmp/bad/quoted.yaml"
printf 'version: 1\nkpis:\n  - {id: k, name: K, owner: a, unit: x, period: montly}\n' >"$tmp/bad/choice.yaml"
reject "a mistyped period" montly "$tmp/bad/choice.yaml"
printf 'settings: {}\nkpis: []\n' >"$tmp/bad/settings-in-included.yaml"
reject "settings in an included file" settings "$tmp/bad/settings-in-included.yaml"
printf 'version: 1\nsettings:\n  max_stretc: 50\n' >"$tmp/bad/kpi.yaml"
out=$("$kpi" -C "$tmp/bad" validate 2>&1)
grep -q "kpi.yaml:3:3: error\[unknown-key\]" <<<"$out" || { echo "FAIL: kpi validate does not refuse max_stretc: $out"; fail=1; }
exit $fail
