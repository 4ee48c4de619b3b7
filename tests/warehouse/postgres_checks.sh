#!/usr/bin/env bash
# Table sources in PostgreSQL end to end, against servers this script starts on loopback
# in a temporary folder (servers.sh) and stops at the end:
#  - random workspaces scored from CSV and from the same rows in a table are equal number
#    for number, on one server and on a table partitioned over two postgres_fdw shards,
#    where the aggregation is shown to run on the shards (EXPLAIN);
#  - what a user can get wrong, each with its rule, its YAML position and exit status:
#    the DSN unset, the server unreachable, a missing table or column, a column that is
#    no date, a query past --timeout (cancelled, no hang), NULL values and days.
# Exit 77 (skipped, and said so) when PostgreSQL's server is not installed.
# Usage: postgres_checks.sh KPI [SEEDS]
set -u -o pipefail
kpi=$(realpath "$1")
seeds=${2:-12}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
[ "$(id -u)" = 0 ] && chmod 755 "$work"
cleanup() {
  bash "$here/servers.sh" stop "$work/single"
  bash "$here/servers.sh" stop "$work/shards"
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=checks_lib.sh
. "$here/checks_lib.sh"
export NO_COLOR=1

mkdir -p "$work/single" "$work/shards"
single=$(bash "$here/servers.sh" postgres start "$work/single")
rc=$?
if [ $rc = 77 ]; then
  echo "SKIPPED: PostgreSQL's server is not installed (Debian: postgresql); nothing was tested"
  exit 77
fi
[ $rc = 0 ] || fail "the PostgreSQL server did not start"
mapfile -t shards < <(bash "$here/servers.sh" postgres-shards start "$work/shards")
[ ${#shards[@]} = 3 ] || fail "the sharded servers did not start"

start=$(date +%s)
python3 "$here/differential.py" "$kpi" postgres "$single" --seeds "$seeds" --work "$work" | tail -1 || fail "CSV and one server differ"
python3 "$here/differential.py" "$kpi" postgres "${shards[0]}" --seeds "$((seeds / 2))" --work "$work" \
  --shards "${shards[1]}" "${shards[2]}" | tail -1 || fail "CSV and two shards differ"
echo "differential: $(($(date +%s) - start)) s"

# Seed 0's workspace (the same every run), over a larger table: every measure's
# aggregation runs on both shards ("Aggregate on" each partition) and only groups cross
# to the coordinator. Whether it does is the planner's choice by cost, from the
# statistics of the coordinator (ANALYZE samples the foreign partitions) and the shards.
KPI_DIFF_LAST=$work/last python3 "$here/differential.py" "$kpi" postgres "${shards[0]}" --seeds 1 --work "$work" \
  --shards "${shards[1]}" "${shards[2]}" >/dev/null || fail "seed 0 on two shards differs"
ws=$(cat "$work/last")
psql -X -q -v ON_ERROR_STOP=1 "${shards[0]}" -c "INSERT INTO deals SELECT DATE '2026-01-01' + (i % 365), 'p' || (i % 7), CASE WHEN i % 3 = 0 THEN 'Won' ELSE 'Lost' END, 'North', (i % 1000) / 8.0, 1000000 + i FROM generate_series(1, 100000) i" ||
  fail "could not load the larger table"
for s in "${shards[@]}"; do psql -X -q "$s" -c ANALYZE; done
measures=$(grep -c '"kpi": "sales' "$ws/kpi.yaml")
plan=$({ echo "EXPLAIN (VERBOSE, COSTS OFF)"; "$kpi" -q -C "$ws" sql -p 2026 --as-of 2027-01-15 | grep -v '^--'; } |
  psql -X "${shards[0]}")
pushed=$(grep -c 'Relations: Aggregate on' <<<"$plan")
[ "$pushed" = $((2 * measures)) ] || fail "aggregates on the shards: $pushed, not $((2 * measures)) for $measures measures:
$plan"
echo "postgres_fdw: all $measures measures aggregated on both shards"

# A small workspace for the errors.
mkdir -p "$work/ws"
cd "$work/ws" || exit 1
psql -X -q -v ON_ERROR_STOP=1 "$single" <<'SQL' || fail "could not create the tables"
CREATE SCHEMA crm;
CREATE TABLE crm.deals (closed_on date, owner text, amount numeric(40,18), loaded_at bigint, note text);
INSERT INTO crm.deals VALUES
  ('2026-10-03', 'AN@example.vn', 0.1, 1, 'D-1'),
  ('2026-10-05', 'an', 0.2, 2, 'D-2'),
  ('2026-10-09', 'Bình Trần', 1000000000000.000000000000000001, 3, 'D-3'),
  ('2026-11-01', 'an', 7, 4, 'D-4');
CREATE VIEW crm.texts AS SELECT note AS closed_on, owner, amount, loaded_at FROM crm.deals;
CREATE VIEW crm.slow AS SELECT d.* FROM crm.deals d, pg_sleep(30) s;
CREATE TABLE crm.gaps (closed_on date, owner text, amount numeric);
INSERT INTO crm.gaps VALUES ('2026-10-03', 'an', NULL), (NULL, 'an', 5), ('2026-10-04', 'an', 2);
SQL
write_workspace postgres
export KPI_CHECK_DSN=$single

# Exact decimals: 0.1 + 0.2 is 0.3, and 10^12 + 10^-18 keeps its last digit until the
# one rounding (kpi-score(1)); rows after --as-of and in November do not count.
"$kpi" -q score -p 2026-10 --as-of 2026-11-30 -f json >out.json || fail "score exits $?"
[ "$(jq -c '[.entities[] | select(.kpis | length > 0) | {id, a: .kpis[0].actual}]' out.json)" = \
  '[{"id":"an","a":0.3},{"id":"binh","a":1000000000000}]' ] || fail "actuals: $(jq -c '[.entities[] | .kpis[0].actual]' out.json)"
"$kpi" -q score -p 2026-10 --as-of 2026-10-04 -f json >out.json || fail "score --as-of exits $?"
[ "$(jq -c '[.entities[] | select(.id == "an") | .kpis[0].actual]' out.json)" = '[0.1]' ] ||
  fail "as-of 2026-10-04: $(jq -c '.entities[0].kpis[0]' out.json)"

# kpi explain lists a table's rows as the database added them up: one line per spelling
# of the person and range of days.
"$kpi" -q explain sales.revenue -e an -p 2026-10 --as-of 2026-11-30 >out || fail "explain exits $?"
grep -qx '  2 rows of sales.revenue counted' out || fail "explain: $(cat out)"
grep -qx '    kpi.yaml:29  table crm.deals  2026-10-01..2026-10-31  1 row, sum 0.1' out ||
  fail "explain's group line: $(cat out)"


KPI_CHECK_DSN= expect 2 warehouse-dsn kpi.yaml:7:8 -- score -p 2026-10
(unset KPI_CHECK_DSN; expect 2 warehouse-dsn kpi.yaml:7:8 -- score -p 2026-10)
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KPI_CHECK_DSN="postgresql://kpi@127.0.0.1:$closed/postgres" expect 2 warehouse-connect kpi.yaml:29:12 -- score -p 2026-10
sed -i 's/table: crm.deals/table: crm.missing/' kpi.yaml
expect 2 warehouse-table kpi.yaml:29:12 -- score -p 2026-10
grep -q 'relation "crm.missing" does not exist' err || fail "the database's message is not shown: $(cat err)"
sed -i 's/table: crm.missing/table: crm.deals/; s/value: amount}/value: amnt}/' kpi.yaml
expect 2 warehouse-column kpi.yaml:29:12 -- report -p 2026-10
grep -q 'column "amnt" does not exist' err || fail "no column message: $(cat err)"
sed -i 's/value: amnt}/value: amount}/; s/table: crm.deals/table: crm.texts/' kpi.yaml
expect 2 warehouse-type kpi.yaml:29:12 -- score -p 2026-10
t0=$(date +%s)
sed -i 's/table: crm.texts/table: crm.slow/' kpi.yaml
expect 2 warehouse-timeout kpi.yaml:29:12 -- --timeout 2 score -p 2026-10
[ $(($(date +%s) - t0)) -lt 10 ] || fail "the timeout took $(($(date +%s) - t0)) s"
# The server gave up the cancelled query: nothing of kpi's is still running.
sleep 1
[ "$(psql -X -At "$single" -c "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%kpi_measure%' AND pid <> pg_backend_pid()")" = 0 ] ||
  fail "the timed-out query still runs on the server"

# A query that takes a while shows how long it has run, on a terminal only.
psql -X -q "$single" -c "CREATE VIEW crm.pause AS SELECT d.* FROM crm.deals d, pg_sleep(2.5) s" ||
  fail "no crm.pause"
sed -i 's/table: crm.slow/table: crm.pause/' kpi.yaml
python3 "$here/progress_pty.py" crm.pause "$kpi" score -p 2026-10 || fail "query progress"
sed -i 's/table: crm.pause/table: crm.slow/' kpi.yaml

# NULLs are bad rows, counted, with the column they lack; --skip-invalid scores the rest.
sed -i 's/table: crm.slow/table: crm.gaps/; s/, order: loaded_at//' kpi.yaml
expect 1 source-number kpi.yaml:32:37 -- score -p 2026-10
grep -q "1 row of table crm.gaps (source 'dw') that the measure of KPI 'sales.revenue' matches has no value (NULL in column 'amount'), entity 'an' in column 'owner'" err ||
  fail "NULL value message: $(cat err)"
grep -q "^kpi.yaml:30:21: error\\[source-date\\]: 1 row of table crm.gaps (source 'dw') that the measure of KPI 'sales.revenue' matches has no date (NULL in column 'closed_on')" err || fail "NULL day: $(cat err)"
"$kpi" -q score -p 2026-10 --skip-invalid -f json >out.json || fail "--skip-invalid exits $?"
[ "$(jq -c '[.entities[] | select(.id == "an") | .kpis[0].actual]' out.json)" = '[2]' ] ||
  fail "--skip-invalid actual: $(jq -c '.entities[0].kpis[0]' out.json)"

# kpi sql needs no DSN and connects nowhere.
KPI_CHECK_DSN= "$kpi" sql -p 2026-10 --as-of 2026-11-30 >out || fail "kpi sql exits $?"
grep -q '^FROM "crm"."gaps"$' out || fail "kpi sql: $(cat out)"
echo "postgres_checks: all passed"
