#!/usr/bin/env bash
# Checks kpi validate's SARIF against the SARIF 2.1.0 JSON schema, or its JUnit against
# Jenkins' junit-10.xsd, with the consumers' validators (python3-jsonschema, xmllint).
# Usage: schema_check.sh sarif|junit KPI SCHEMA_DIR CASES_DIR NODE_MODULES
# SARIF: OASIS's sarif-schema-2.1.0.json when SCHEMA_DIR holds it, else the 2.1.0-rtm.5
# schema that npm's @microsoft/jest-sarif carries (tests/node, installed by npm ci).
# JUnit: junit-10.xsd is not part of the repository (see tests/schemas/README.md).
# When a schema is missing the test says so and is skipped (exit 77), never passes.
set -u
only=$1 kpi=$(realpath "$2") schemas=$3 cases=$4 node_modules=$5
sarif_schema=$schemas/sarif-schema-2.1.0.json
[ -f "$sarif_schema" ] || sarif_schema=$node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json
junit_schema=$schemas/junit-10.xsd
schema=$sarif_schema
[ "$only" = junit ] && schema=$junit_schema
if [ ! -f "$schema" ]; then
  echo "SKIPPED: schema file missing: $schema (see tests/schemas/README.md)"
  exit 77
fi
echo "checking $only against $schema"
python3 -c "import jsonschema" || { echo "python3-jsonschema is missing (.ci/install-deps)"; exit 1; }
command -v xmllint >/dev/null || { echo "xmllint is missing (.ci/install-deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
checked=0
# Workspaces with findings of every shape: -C, odd code points, warnings, a clean one.
for spec in "validate_dash_c|-C sub validate" "validate_dash_c|-C sub validate --strict" \
            "validate_junit_odd_code_points|validate" "validate_warning|validate --strict" \
            "validate_warning|validate" "validate_clean|validate" \
            "validate_vietnamese_columns|validate" "validate_data_escapes|validate --data data.csv"; do
  case_name=${spec%%|*}
  read -r -a args <<<"${spec#*|}"
  for format in $only; do
    out=$tmp/$case_name.$format
    (cd "$cases/$case_name" && "$kpi" "${args[@]}" --format "$format" >"$out" 2>/dev/null)
    checked=$((checked + 1))
    if [ "$format" = sarif ]; then
      if ! python3 - "$sarif_schema" "$out" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=str)
for e in errors[:5]:
    print("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
sys.exit(1 if errors else 0)
PY
      then
        echo "$case_name (${args[*]}): SARIF does not match the schema"
        fail=1
      fi
    elif ! xmllint --noout --schema "$junit_schema" "$out" 2>"$tmp/xmllint.err"; then
      echo "$case_name (${args[*]}): JUnit does not match junit-10.xsd"
      cat "$tmp/xmllint.err"
      fail=1
    fi
  done
done
echo "$checked documents checked"
exit $fail
