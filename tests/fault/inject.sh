#!/usr/bin/env bash
# Fault injection for every write of the kpi binary (issue 17).
# Usage: inject.sh KPI_BINARY SHIM.so SOURCE_DIR
#
# For each write path (kpi record: one row, --file, --replace, --replace-period;
# kpi report --output; kpi define from flags; kpi init; kpi fmt; kpi schema --output;
# kpi close)
# the command is first run once under the shim (fault_shim.c) counting its write,
# fsync, rename, open-for-writing, ftruncate and close calls. Then, for every kind and every n from 1 to its count, it runs
# again in a fresh copy with the n-th call of that kind failing (EIO, or ENOSPC for
# write), and checks:
#   - exit 0 only with the files exactly as after a successful run; otherwise exit 2
#     and a message on standard error;
#   - the files are byte for byte as before or as after, never in between (the lock
#     file kpi record keeps beside the journal is left out);
#   - no temporary file is left, in the workspace or in TMPDIR (define's scratch copy).
# Each run has a 10-second timeout. Prints the number of injected runs.
set -u
kpi=$(realpath "$1")
shim=$(realpath "$2")
src=$(realpath "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
runs=0
export NO_COLOR=1 KPI_TODAY=2026-11-23 SOURCE_DATE_EPOCH=1764000000

# A sanitizer runtime may refuse a preloaded library: then the test is skipped (77).
if ! KPI_FAULT_COUNT=$work/probe LD_PRELOAD=$shim "$kpi" --version >/dev/null 2>&1 ||
  [ ! -s "$work/probe" ]; then
  echo "the shim cannot be preloaded into $kpi; skipped"
  exit 77
fi

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The state of a folder: every file (not the record lock) with its checksum.
snapshot() {
  (cd "$1" && find . \( -type f -o -type l \) ! -name '*.lock' -print0 | sort -z |
    xargs -0 -r sha256sum)
}

# Lays out workspace NAME in folder $2.
setup() {
  local name=$1 dir=$2
  mkdir -p "$dir"
  case $name in
    record-new)
      cp "$src/tests/data/record/ws/kpi.yaml" "$dir/" ;;
    record)
      cp "$src/tests/data/record/ws/kpi.yaml" "$dir/"
      mkdir -p "$dir/data"
      printf 'kpi,entity,date,value,note\nsales.revenue,bob,2026-11-02,7,\nsales.revenue,alice,2026-11-03,8,old\n' \
        >"$dir/data/measurements.csv"
      printf 'kpi,entity,date,value\nsales.revenue,alice,2026-11-03,5\nsales.calls,,2026-11-04,9\nsales.revenue,bob,2026-11-09,6\n' \
        >"$dir/import.csv" ;;
    sales)
      cp -R "$src/examples/init/sales/." "$dir/" ;;
    sales-report)
      cp -R "$src/examples/init/sales/." "$dir/"
      echo "old report" >"$dir/report.html" ;;
    sales-unformatted)
      cp -R "$src/examples/init/sales/." "$dir/"
      sed -i 's/^  status: {green: 100, amber: 80}/  status:\n    amber: 80\n    green: 100/' "$dir/kpi.yaml" ;;
    empty) ;;
    sales-force)
      mkdir -p "$dir/ws"
      cp -R "$src/examples/init/sales/." "$dir/ws/"
      # Every file edited, so that each one put back is seen.
      for f in kpi.yaml data/measurements.csv data/sales.csv; do echo "# edited" >>"$dir/ws/$f"; done ;;
  esac
}

# scenario LABEL WORKSPACE ARGS...: the runs described above.
scenario() {
  local label=$1 ws=$2
  shift 2
  local base=$work/$label
  mkdir -p "$base"
  # The state before, and after a run without faults.
  setup "$ws" "$base/before"
  setup "$ws" "$base/after"
  mkdir -p "$base/tmp"
  # timeout before env: only kpi runs with the shim (else timeout's own exit would
  # write the counts too).
  (cd "$base/after" && timeout 10 env TMPDIR="$base/tmp" KPI_FAULT_COUNT="$base/counts" \
    LD_PRELOAD="$shim" "$kpi" "$@" >"$base/out" 2>"$base/err")
  local status=$?
  if [ "$status" != 0 ]; then
    fail "$label: the run without faults exited $status: $(cat "$base/err")"
    return
  fi
  snapshot "$base/before" >"$base/before.sum"
  snapshot "$base/after" >"$base/after.sum"
  if cmp -s "$base/before.sum" "$base/after.sum"; then
    fail "$label: the run without faults wrote nothing"
  fi
  local counts
  counts=$(tr '\n' ' ' <"$base/counts")
  echo "$label: $counts"
  local kind count n
  while read -r kind count; do
    for ((n = 1; n <= count; n++)); do
      local run=$base/run
      rm -rf "$run" "$base/tmp"
      mkdir -p "$base/tmp"
      setup "$ws" "$run"
      local err=EIO
      [ "$kind" = write ] && [ $((n % 2)) = 0 ] && err=ENOSPC
      (cd "$run" && timeout 10 env TMPDIR="$base/tmp" KPI_FAULT_CALL="$kind" KPI_FAULT_N="$n" \
        KPI_FAULT_ERRNO="$err" LD_PRELOAD="$shim" "$kpi" "$@" >"$base/out" 2>"$base/err")
      status=$?
      runs=$((runs + 1))
      local what="$label, $kind #$n ($err)"
      snapshot "$run" >"$base/run.sum"
      if [ "$status" = 0 ]; then
        cmp -s "$base/run.sum" "$base/after.sum" ||
          fail "$what: exit 0 but the files are not as after a good run"
      else
        [ "$status" = 2 ] || fail "$what: exit $status, expected 2: $(cat "$base/err")"
        [ -s "$base/err" ] || fail "$what: exit $status without a message"
        if ! cmp -s "$base/run.sum" "$base/before.sum" && ! cmp -s "$base/run.sum" "$base/after.sum"; then
          fail "$what: files in between: $(diff "$base/before.sum" "$base/run.sum" | tr '\n' ' ')"
        fi
      fi
      # Any name neither before nor after holds is a temporary file left behind.
      local left
      left=$(cd "$run" && find . \( -type f -o -type l \) ! -name '*.lock' | sort |
        comm -23 - <(cut -c67- "$base/after.sum" "$base/before.sum" | sort -u))
      [ -z "$left" ] || fail "$what: left behind: $left"
      [ -z "$(ls -A "$base/tmp")" ] || fail "$what: left in TMPDIR: $(ls -A "$base/tmp")"
    done
  done <"$base/counts"
}

scenario record-create record-new record sales.revenue 1234.5 --entity alice --date 2026-11-02 --note first
scenario record-append record record sales.revenue 12 --entity bob --date 2026-11-05
scenario record-replace record record sales.revenue 99 --entity bob --date 2026-11-02 --replace
scenario record-file record record --file import.csv --append
scenario record-file-replace record record --file import.csv --replace
scenario record-replace-period record record --file import.csv --replace-period 2026-11 --kpi sales.revenue --kpi sales.calls
scenario report-output-new sales report --period 2026-10 --as-of 2026-11-05 --format html --output report.html
scenario report-output-over sales-report report --period 2026-10 --as-of 2026-11-05 --format html --output report.html
scenario define-flags sales define sales.calls --name 'Customer calls' \
  --description 'Calls to customers in the month, from the phone system' \
  --owner sales --assigned-to members --unit calls --source 'Phone system export' \
  --indicator leading --period monthly --target 40 --baseline 35 --weight 0 \
  --aligned-to sales.revenue --tag q4 --no-input
scenario define-new-file sales define team.lunch --name 'Team lunches' \
  --description 'Lunches the whole team takes together in the month' --owner sales \
  --assigned-to members --unit lunches --source 'Expense reports' --period monthly \
  --target 1 --weight 0 --type functional --aligned-to sales.visits --file kpis/team.yaml --no-input
scenario fmt sales-unformatted fmt
scenario schema-output sales schema --output kpi.schema.json
scenario close sales close 2026-10 --as-of 2026-11-05
scenario init-new empty init ws --example sales
scenario init-force sales-force init ws --example sales --force

echo "$runs injected runs, $failures failures"
[ "$failures" = 0 ]
