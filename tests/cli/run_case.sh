#!/usr/bin/env bash
# Runs one golden CLI case: tests/cli/cases/<case>/
#   args       the arguments, one per line (may use $CASE for the case folder)
#   workspace  optional: folder to run in (relative to the case); default: the case folder
#   stdin      optional: fed to standard input
#   env        optional: VAR=value lines set for the run (COLUMNS is unset otherwise)
#   exit_code  the expected exit status
#   stdout     optional: the exact expected standard output
#   stderr     optional: the exact expected standard error
#   scratch    optional: run in a temporary copy of the workspace folder (for commands
#              that write); when a folder, its files are laid over the copy first
#   expect/    optional: files that must exist with exactly this content afterwards,
#              at the same paths relative to the folder run in
#   normalize  optional: output that differs from run to run is rewritten before the
#              comparison: the absolute folder the case runs in becomes $RUN, and each
#              line "REGEX<TAB>REPLACEMENT" (Python re) is applied to stdout and stderr
# Output is compared byte for byte; NO_COLOR keeps colour codes out. KPI_UPDATE_GOLDEN=1
# writes the actual stdout and stderr over the expected files instead (review with git diff).
set -u
kpi=$1
case_dir=$2
mapfile -t args < <(sed "s#\$CASE#$case_dir#g" "$case_dir/args")
run_dir=$case_dir
[ -f "$case_dir/workspace" ] && run_dir=$case_dir/$(cat "$case_dir/workspace")
stdin_file=/dev/null
[ -f "$case_dir/stdin" ] && stdin_file=$case_dir/stdin
out=$(mktemp) err=$(mktemp) tmp=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$tmp"' EXIT
if [ -e "$case_dir/scratch" ]; then
  cp -R "$run_dir"/. "$tmp"/
  [ -d "$case_dir/scratch" ] && cp -R "$case_dir/scratch"/. "$tmp"/
  run_dir=$tmp
fi
case_env=()
[ -f "$case_dir/env" ] && mapfile -t case_env <"$case_dir/env"
(cd "$run_dir" && unset COLUMNS && env ${case_env[@]+"${case_env[@]}"} NO_COLOR=1 KPI_TODAY=${KPI_TODAY:-2026-11-23} "$kpi" "${args[@]}" <"$stdin_file" >"$out" 2>"$err")
status=$?
if [ -f "$case_dir/normalize" ]; then
  abs_run=$(cd "$run_dir" && pwd -P)
  for f in "$out" "$err"; do
    python3 - "$f" "$abs_run" "$case_dir/normalize" <<'PY'
import re, sys
path, run, rules = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8", errors="surrogateescape").read().replace(run, "$RUN")
for line in open(rules, encoding="utf-8").read().splitlines():
    if line:
        regex, replacement = line.split("\t", 1)
        text = re.sub(regex, replacement, text)
open(path, "w", encoding="utf-8", errors="surrogateescape").write(text)
PY
  done
fi
fail=0
expected=$(cat "$case_dir/exit_code")
if [ "$status" != "$expected" ]; then
  echo "exit status $status, expected $expected"
  fail=1
fi
for stream in stdout stderr; do
  if [ -f "$case_dir/$stream" ]; then
    actual_file=$out
    [ "$stream" = stderr ] && actual_file=$err
    if [ -n "${KPI_UPDATE_GOLDEN:-}" ]; then
      cp "$actual_file" "$case_dir/$stream"  # regenerate; review with git diff
    elif ! diff -u "$case_dir/$stream" "$actual_file"; then
      echo "$stream differs"
      fail=1
    fi
  fi
done
if [ -d "$case_dir/expect" ]; then
  while IFS= read -r -d '' file; do
    rel=${file#"$case_dir/expect/"}
    if ! diff -u "$file" "$run_dir/$rel"; then
      echo "$rel differs"
      fail=1
    fi
  done < <(find "$case_dir/expect" -type f -print0)
fi
if [ "$fail" != 0 ]; then
  echo "--- stderr was:"; cat "$err"
fi
exit $fail
