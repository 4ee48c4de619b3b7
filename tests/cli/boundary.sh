#!/usr/bin/env bash
# The workspace is the boundary, and files are only ever regular files: paths that leave
# the workspace (.., absolute, symbolic links) are path-outside findings, a FIFO never
# makes kpi wait, and no content of a file outside appears in any output. Also: CR line
# ends score like LF, and the honest counts and calls of kpi validate.
#   boundary.sh KPI_BINARY WORKED_EXAMPLE_FOLDER
set -u
kpi=$1
src=$2
base=$(mktemp -d)
trap 'rm -rf "$base"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A fresh copy of the worked example as $ws, with a secret beside it.
fresh() {
  rm -rf "$base/ws" "$base/secret"
  mkdir -p "$base/secret"
  mkdir -p "$base/ws"
  cp -R "$src"/. "$base/ws"/
  printf 'kpis:\n  - {id: leaked.kpi, name: TOPSECRET_KPI_NAME, owner: alice, unit: x, period: monthly}\n' \
    >"$base/secret/s.yaml"
  printf 'kpi,date,value\nsales.revenue,2026-10-01,TOPSECRET_VALUE\n' >"$base/secret/s.csv"
  ws=$base/ws
}
# Runs kpi with a time limit; sets status and out (stdout and stderr together).
run() {
  status=0
  SECRET_TOKEN=TOPSECRET_ENV KPI_TODAY=2026-11-23 NO_COLOR=1 timeout 20 "$kpi" "$@" \
    >"$base/out" 2>&1 || status=$?
  out=$(tr -d '\000' <"$base/out")
  [ "$status" != 124 ] || fail "kpi $* hung (killed after 20 s)"
}
no_leak() {
  case $out in
    *TOPSECRET* | *root:x:0:0* | *SECRET_TOKEN*) fail "$1: outside content in the output: $out" ;;
  esac
}
expect() {  # expect STATUS TEXT LABEL
  [ "$status" = "$1" ] || fail "$3: exit $status, expected $1: $out"
  case $out in *"$2"*) ;; *) fail "$3: no '$2' in: $out" ;; esac
  no_leak "$3"
}

# include of ../secret and of /etc/passwd
fresh
printf 'include:\n  - ../secret/*.yaml\n  - /etc/passwd\n' >>"$ws/kpi.yaml"
run -C "$ws" validate
expect 1 "error[path-outside]: include glob '../secret/*.yaml' lies outside the workspace folder" \
  "include ../secret"
expect 1 "error[path-outside]: include glob '/etc/passwd' lies outside" "include /etc/passwd"
run -C "$ws" validate --format json
expect 1 '"path-outside"' "include, json"
run -C "$ws" --allow-outside validate
case $out in *path-outside*) fail "--allow-outside still refuses: $out" ;; esac
run -C "$ws" validate --allow-outside
case $out in *path-outside*) fail "validate --allow-outside still refuses: $out" ;; esac

# a data symlink to /etc/passwd, /proc/self/environ as data
fresh
ln -s /etc/passwd "$ws/data/zz.csv"
run -C "$ws" validate
expect 1 "data file 'data/zz.csv' lies outside the workspace folder" "data symlink, validate"
run -C "$ws" score --period 2026-10 --as-of 2026-11-05
expect 1 "error[path-outside]" "data symlink, score"
run -C "$ws" report --period 2026-10 --as-of 2026-11-05
expect 1 "error[path-outside]" "data symlink, report"
fresh
printf 'data: [data/*.csv, /proc/self/environ]\n' >>"$ws/kpi.yaml"
run -C "$ws" score --period 2026-10 --as-of 2026-11-05
expect 1 "data glob '/proc/self/environ' lies outside the workspace folder" "/proc/self/environ"
# A typed --data outside is the caller's choice: read (the header is wrong: exit 1).
run -C "$ws" validate --data /proc/self/environ
[ "$status" = 1 ] || fail "typed /proc/self/environ: exit $status"

# a symlinked typed path inside the workspace that leads out
fresh
ln -s ../secret "$ws/out"
run -C "$ws" score --period 2026-10 --as-of 2026-11-05 --data out/s.csv
expect 1 "'out/s.csv' lies in the workspace folder but leads outside it" "typed symlink"
run -C "$ws" report --period 2026-10 --as-of 2026-11-05 --output out/r.md
expect 1 "error[path-outside]" "--output through a symlink"
[ ! -e "$base/secret/r.md" ] || fail "--output wrote outside"

# a FIFO as journal: record (also --dry-run) and score neither hang nor hold the lock
fresh
mkfifo "$ws/data/measurements.csv"
run -C "$ws" record sales.revenue 5 --date 2026-10-30 --dry-run
expect 2 "cannot read the journal 'data/measurements.csv': it is not a regular file (a FIFO)" \
  "FIFO journal, --dry-run"
run -C "$ws" record sales.revenue 5 --date 2026-10-30
expect 2 "it is not a regular file (a FIFO)" "FIFO journal"
[ ! -e "$ws/data/measurements.csv.lock" ] || fail "the lock file was made for a FIFO journal"
run -C "$ws" score --period 2026-10 --as-of 2026-11-05
expect 2 "it is not a regular file (a FIFO)" "FIFO journal, score"
# journal: outside the folder
fresh
printf 'journal: /tmp/elsewhere/j.csv\n' >>"$ws/kpi.yaml"
run -C "$ws" record sales.revenue 5 --date 2026-10-30
expect 1 "journal '/tmp/elsewhere/j.csv' lies outside the workspace folder" "journal outside"
[ ! -e /tmp/elsewhere/j.csv ] || fail "recorded outside"

# an include of a FIFO (globs match regular files only) and of /proc/kmsg: never waits
fresh
mkfifo "$ws/pipe.yaml"
printf 'include: [pipe.yaml]\n' >>"$ws/kpi.yaml"
run -C "$ws" validate
expect 0 "include glob 'pipe.yaml' matches no file" "FIFO include"
run -C "$ws" --workspace pipe.yaml validate
expect 2 "pipe.yaml" "FIFO workspace file"
fresh
printf 'include: [/proc/kmsg]\n' >>"$ws/kpi.yaml"
run -C "$ws" validate
expect 1 "include glob '/proc/kmsg' lies outside" "/proc/kmsg"

# CR line ends score like LF
fresh
run -C "$ws" score --period 2026-10 --as-of 2026-11-05 --format json
lf=$out
tr '\n' '\r' <"$ws/data/october.csv" >"$ws/data/cr.csv" && rm "$ws/data/october.csv"
run -C "$ws" score --period 2026-10 --as-of 2026-11-05 --format json
[ "$status" = 0 ] && [ "$out" = "$lf" ] || fail "a CR file scores otherwise than LF: $out"

# Honest calls and counts
run -C "$ws" validate --disable unknown-key
expect 2 "rule 'unknown-key' is an error and cannot be disabled" "--disable an error rule"
{
  echo "kpi,date,value"
  for i in $(seq 1 60); do echo "sales.revenue,2026-10-01,bad$i"; done
} >"$ws/bad.csv"
run -C "$ws" validate --data bad.csv
expect 1 "60 errors" "60 bad rows"
expect 1 "10 more findings in 'bad.csv' not listed" "60 bad rows, the rest"
[ "$(grep -c 'error\[bad-number\]' <<<"$out")" = 50 ] || fail "not 50 listed: $out"
printf 'kpi,when,value\nsales.revenue,2026-10-01,1\n' >"$ws/header.csv"
run -C "$ws" score --period 2026-10 --as-of 2026-11-05 --data header.csv --skip-invalid
expect 1 "--skip-invalid skips rows, not files" "a wrong header under --skip-invalid"
printf 'kpi,date,value\nsales.complaints,2026-10-02,NaN\n' >"$ws/nan.csv"
run -C "$ws" validate --data nan.csv
expect 1 "error[bad-number]: 'NaN' is not a decimal number" "NaN"
printf 'version: 1\nname: "caf\xe9"\n' >"$ws/enc.yaml"
run -C "$ws" validate --workspace enc.yaml
expect 1 "enc.yaml:2:11: error[encoding]" "invalid UTF-8"
echo "boundary: all passed"
