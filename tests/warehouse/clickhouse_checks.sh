#!/usr/bin/env bash
# Table sources in ClickHouse (Debian's 18.16) end to end, against a two-shard cluster
# this script starts on loopback in a temporary folder (servers.sh) and stops at the end:
#  - random workspaces scored from CSV and through a Distributed table over the two
#    shards, sharded by owner, are equal number for number;
#  - exact decimals; a Decimal128 sum that wraps in the server is refused
#    (warehouse-overflow), never scored; NULL values are bad rows;
#  - a missing table or column, an unreachable server and a query past --timeout each
#    stop the run with their rule, the source's position and exit 2.
# Exit 77 (skipped, and said so) when ClickHouse's server is not installed.
# Usage: clickhouse_checks.sh KPI [SEEDS]
set -u -o pipefail
kpi=$(realpath "$1")
seeds=${2:-12}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'bash "$here/servers.sh" stop "$work/cluster"; rm -rf "$work"' EXIT
# shellcheck source=checks_lib.sh
. "$here/checks_lib.sh"
export NO_COLOR=1

mkdir -p "$work/cluster"
mapfile -t dsn < <(bash "$here/servers.sh" clickhouse-shards start "$work/cluster")
if [ ${#dsn[@]} = 0 ] && [ ! -x /usr/sbin/clickhouse-server ]; then
  echo "SKIPPED: ClickHouse's server is not installed (Debian: clickhouse-server); nothing was tested"
  exit 77
fi
[ ${#dsn[@]} = 3 ] || fail "the ClickHouse shards did not start"

start=$(date +%s)
python3 "$here/differential.py" "$kpi" clickhouse "${dsn[0]}" --seeds "$seeds" --work "$work" \
  --shards "${dsn[1]}" "${dsn[2]}" | tail -1 || fail "CSV and the two ClickHouse shards differ"
echo "differential: $(($(date +%s) - start)) s"

ch() {  # ch SQL: on the first shard
  curl -sS --fail-with-body "${dsn[0]%/*}/" --data-binary "$1" >/dev/null || fail "ClickHouse refused: $1"
}
ch "CREATE DATABASE crm"
ch "CREATE TABLE crm.deals (closed_on Date, owner String, amount Decimal(38, 18), loaded_at UInt64) ENGINE = MergeTree() ORDER BY closed_on"
ch "INSERT INTO crm.deals VALUES ('2026-10-03', 'AN@example.vn', 0.1, 1), ('2026-10-05', ' an ', 0.2, 2), ('2026-11-01', 'an', 7, 3)"
# Three rows of 9 x 10^19 (x 10^18 as Decimal128's integer): their sum wraps past 2^127.
ch "CREATE TABLE crm.huge (closed_on Date, owner String, amount Decimal(38, 18), loaded_at UInt64) ENGINE = MergeTree() ORDER BY closed_on"
ch "INSERT INTO crm.huge VALUES ('2026-10-03', 'an', 90000000000000000000, 1), ('2026-10-04', 'an', 90000000000000000000, 2), ('2026-10-05', 'an', 90000000000000000000, 3)"
ch "CREATE TABLE crm.gaps (closed_on Date, owner String, amount Nullable(Decimal(18, 2)), loaded_at UInt64) ENGINE = MergeTree() ORDER BY closed_on"
ch "INSERT INTO crm.gaps VALUES ('2026-10-03', 'an', NULL, 1), ('2026-10-04', 'an', 2, 2)"
ch "CREATE VIEW crm.endless AS SELECT toDate('2026-10-02') AS closed_on, 'an' AS owner, toDecimal64(1, 2) AS amount, number AS loaded_at FROM system.numbers"

mkdir -p "$work/ws"
cd "$work/ws" || exit 1
write_workspace clickhouse
export KPI_CHECK_DSN=${dsn[0]}

"$kpi" -q score -p 2026-10 -f json >out.json || fail "score exits $?"
[ "$(jq -c '[.entities[] | select(.id == "an") | .kpis[0].actual]' out.json)" = '[0.3]' ] ||
  fail "0.1 + 0.2 from Decimal(38, 18): $(jq -c '.entities[0].kpis[0]' out.json)"


sed -i 's/table: crm.deals/table: crm.huge/' kpi.yaml
expect 2 warehouse-overflow kpi.yaml:32:37 -- score -p 2026-10
sed -i 's/table: crm.huge/table: crm.missing/' kpi.yaml
expect 2 warehouse-table kpi.yaml:29:12 -- score -p 2026-10
grep -q "Table crm.missing doesn't exist" err || fail "the database's message is not shown: $(cat err)"
sed -i 's/table: crm.missing/table: crm.deals/; s/value: amount}/value: amnt}/' kpi.yaml
expect 2 warehouse-column kpi.yaml:29:12 -- score -p 2026-10
sed -i 's/value: amnt}/value: amount}/' kpi.yaml
closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
KPI_CHECK_DSN="http://127.0.0.1:$closed/default" expect 2 warehouse-connect kpi.yaml:29:12 -- score -p 2026-10
sed -i 's/table: crm.deals/table: crm.endless/' kpi.yaml
t0=$(date +%s)
expect 2 warehouse-timeout kpi.yaml:29:12 -- --timeout 2 score -p 2026-10
[ $(($(date +%s) - t0)) -lt 10 ] || fail "the timeout took $(($(date +%s) - t0)) s"
sleep 1
running=$(curl -sS "${dsn[0]%/*}/" --data-binary "SELECT count() FROM system.processes WHERE query LIKE '%kpi_measure%' AND query NOT LIKE '%system.processes%'")
[ "$running" = 0 ] || fail "the timed-out query still runs on the server ($running)"
# While it runs, a terminal sees how long (the endless view, stopped at 3 s).
python3 "$here/progress_pty.py" crm.endless "$kpi" --timeout 3 score -p 2026-10 ||
  fail "query progress"
sed -i 's/table: crm.endless/table: crm.gaps/' kpi.yaml
expect 1 source-number kpi.yaml:32:37 -- score -p 2026-10
"$kpi" -q score -p 2026-10 --skip-invalid -f json >out.json || fail "--skip-invalid exits $?"
[ "$(jq -c '[.entities[] | select(.id == "an") | .kpis[0].actual]' out.json)" = '[2]' ] ||
  fail "--skip-invalid actual: $(jq -c '.entities[0].kpis[0]' out.json)"
echo "clickhouse_checks: all passed"
