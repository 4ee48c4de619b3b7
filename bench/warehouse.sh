#!/usr/bin/env bash
# The warehouse row of bench/run (issue 14): the CRM benchmark export loaded into
# PostgreSQL and into two ClickHouse shards behind a Distributed table, and `kpi score
# --period 2026` through each, compared with the same export read from its CSV file. Servers
# are started on loopback in a temporary folder (tests/warehouse/servers.sh) and stopped
# after. Each measured run is also timed in the database alone (the query kpi sql
# prints, through psql or curl), so that the time in kpi is the rest.
#
#   bench/warehouse.sh KPI CRM_WORKSPACE RUNS
#
# KPI_BENCH_ENGINES="postgres" (or "clickhouse") measures one engine only.
# Prints one line per measurement for bench/run, "tool|size|rows|bytes|wall_ns|rss_kib|cpu_s",
# then "db|tool|best_ns" for the database's share, and checks that the scores through
# each engine equal those from CSV (exit 1 when they do not).
set -euo pipefail
kpi=$1 csv_ws=$2 runs=$3
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
servers=$root/tests/warehouse/servers.sh
say() { echo "bench/warehouse: $*" >&2; }
work=$(mktemp -d)
[ "$(id -u)" = 0 ] && chmod 755 "$work"
trap 'bash "$servers" stop "$work/pg"; bash "$servers" stop "$work/ch"; rm -rf "$work"' EXIT
mkdir -p "$work/pg" "$work/ch"
csv=$csv_ws/exports/deals.csv
rows=$(($(wc -l <"$csv") - 1))
bytes=$(stat -c %s "$csv")
size=crm-$((rows / 1000000))m

# The same workspace, its source reading a table with the export's columns.
table_ws() {  # table_ws DIR ENGINE
  mkdir -p "$1"
  python3 - "$csv_ws/kpi.yaml" "$1/kpi.yaml" "$2" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("sources:")
end = text.index("people:")
source = """sources:
  - id: crm-deals
    table: deals
    columns: {date: closed_on, entity: owner, note: deal_id}
    measures:
      - {kpi: sales.revenue, value: amount, where: {stage: Won}}
      - {kpi: sales.won, where: {stage: Won}}
      - {kpi: sales.lost, value: amount, where: {stage: [Lost, Abandoned]}}
"""
text = text[:start] + source + text[end:]
text = text.replace("version: 1\n", f"version: 1\nwarehouse: {{engine: {sys.argv[3]}, dsn: env:KPI_BENCH_DSN}}\n", 1)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
}

score=(score --period 2026 --as-of 2027-01-15 --format json)
measure() {  # measure TOOL OUTPUT COMMAND...: best wall, least CPU, highest RSS of $runs
  local tool=$1 output=$2 best="" cpu="" rss=0 i start t m c
  shift 2
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >"$output" 2>"$work/err" ||
      { say "$tool failed:"; cat "$work/err" >&2; exit 1; }
    t=$(($(date +%s%N) - start))
    read -r m c <<<"$(tail -n 1 "$work/rss" | awk '{ print $1, $2 + $3 }')"
    if [ -z "$cpu" ] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then cpu=$c; fi
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
    if [ "$m" -gt "$rss" ]; then rss=$m; fi
  done
  echo "$tool|$size|$rows|$bytes|$best|$rss|$cpu"
  say "$(awk -v t="$tool" -v ns="$best" -v kib="$rss" 'BEGIN { printf "%-44s %8.3f s %8.1f MB", t, ns / 1e9, kib / 1024 }')"
}
db_time() {  # db_time TOOL COMMAND...: the best of $runs runs of the query alone
  local tool=$1 best="" i start t
  shift
  for ((i = 0; i < runs; ++i)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    t=$(($(date +%s%N) - start))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "db|$tool|$best"
}
same_scores() {  # same_scores A.json B.json: every entity's KPI actuals and totals
  local f='[.entities[] | {id, total, kpis: [.kpis[] | {id, actual, score}]}]'
  cmp -s <(jq -S "$f" "$1") <(jq -S "$f" "$2")
}

# The export read from its CSV file (bench/run times it): the scores to compare with.
"$kpi" -q -C "$csv_ws" "${score[@]}" >"$work/csv.json"

engines=${KPI_BENCH_ENGINES:-postgres clickhouse}  # for a second look at one of them

# --- PostgreSQL 15: one server, the deals as NUMERIC(14,2) and DATE --------------------
if [[ " $engines " == *" postgres "* ]]; then
pg=$(bash "$servers" postgres start "$work/pg")
say "loading $rows deals into PostgreSQL"
psql -X -q -v ON_ERROR_STOP=1 "$pg" <<SQL
CREATE UNLOGGED TABLE raw (deal_id text, owner text, close text, amount text, stage text, region text);
\copy raw FROM '$csv' (FORMAT csv, DELIMITER ';', HEADER)
CREATE TABLE deals AS SELECT deal_id, owner, to_date(close, 'DD/MM/YYYY') AS closed_on,
  replace(replace(amount, '.', ''), ',', '.')::numeric(14, 2) AS amount, stage, region FROM raw;
DROP TABLE raw;
CREATE INDEX ON deals (closed_on);
VACUUM ANALYZE deals;
SQL
table_ws "$work/ws-pg" postgres
export KPI_BENCH_DSN=$pg
measure "kpi score (the deals in PostgreSQL 15)" "$work/pg.json" "$kpi" -C "$work/ws-pg" "${score[@]}"
"$kpi" -q -C "$work/ws-pg" sql --period 2026 --as-of 2027-01-15 >"$work/pg.sql"
db_time "kpi score (the deals in PostgreSQL 15)" psql -X -q -v ON_ERROR_STOP=1 "$pg" -f "$work/pg.sql"
same_scores "$work/csv.json" "$work/pg.json" || { say "PostgreSQL's scores differ from CSV's"; exit 1; }
bash "$servers" stop "$work/pg"
fi

# --- ClickHouse 18.16: two shards, a Distributed table sharded by owner ----------------
[[ " $engines " == *" clickhouse "* ]] || exit 0
mapfile -t ch < <(bash "$servers" clickhouse-shards start "$work/ch")
ch_sql() {  # ch_sql DSN SQL [BODY_FILE]: the body streamed (a 1 GB file is not held)
  curl -sS --fail-with-body -X POST -H 'Transfer-Encoding: chunked' -T "${3:-/dev/null}" \
    "${1%/*}/?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$2")&insert_distributed_sync=1"
}
say "loading $rows deals into two ClickHouse shards"
columns="deal_id String, owner String, closed_on Date, amount Decimal(18, 2), stage String, region String"
for shard in "${ch[1]}" "${ch[2]}"; do
  ch_sql "$shard" "CREATE TABLE deals_local ($columns) ENGINE = MergeTree() ORDER BY (owner, closed_on)"
done
ch_sql "${ch[0]}" "CREATE TABLE deals AS deals_local ENGINE = Distributed(kpi, default, deals_local, cityHash64(owner))"
# dd/mm/yyyy and 1.250.000,50 become ISO and 1250000.50 on the way in.
tail -n +2 "$csv" | awk -F';' -v OFS='\t' '{ split($3, d, "/"); a = $4; gsub(/\./, "", a); sub(/,/, ".", a); print $1, $2, d[3] "-" d[2] "-" d[1], a, $5, $6 }' >"$work/deals.tsv"
ch_sql "${ch[0]}" "INSERT INTO deals FORMAT TabSeparated" "$work/deals.tsv"
rm "$work/deals.tsv"
table_ws "$work/ws-ch" clickhouse
export KPI_BENCH_DSN=${ch[0]}
measure "kpi score (the deals in 2 ClickHouse shards)" "$work/ch.json" "$kpi" -C "$work/ws-ch" "${score[@]}"
"$kpi" -q -C "$work/ws-ch" sql --period 2026 --as-of 2027-01-15 | grep -v '^--' | sed '$ s/;$//' >"$work/ch.sql"
echo "FORMAT TSV" >>"$work/ch.sql"
db_time "kpi score (the deals in 2 ClickHouse shards)" curl -sS --fail-with-body "${ch[0]%/*}/" --data-binary "@$work/ch.sql"
same_scores "$work/csv.json" "$work/ch.json" || { say "ClickHouse's scores differ from CSV's"; exit 1; }
say "scores through $engines equal those from CSV"
