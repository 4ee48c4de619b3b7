#!/usr/bin/env bash
# Starts and stops the warehouse servers the tests use, in a folder of their own, on
# loopback only. Debian's PostgreSQL 15 binaries run as the `postgres` user when we are
# root (initdb refuses root), as ourselves otherwise.
#
#   servers.sh postgres start DIR     one server; prints its DSN
#   servers.sh postgres-shards start DIR
#                                     a coordinator and two shards: the coordinator's
#                                     table `deals` is partitioned by hash of `owner` into
#                                     two postgres_fdw foreign tables, one on each shard;
#                                     prints the coordinator's DSN and each shard's
#   servers.sh clickhouse-shards start DIR
#                                     two ClickHouse servers, the shards of the cluster
#                                     `kpi` (a Distributed table on the first reaches
#                                     both); prints the first's DSN, then each shard's
#   servers.sh stop DIR               stops every server started in DIR
#
# Exit 77 (skip) when the server asked for is not installed. Debian's clickhouse-server
# package may start a system service of its own: these use their own config and ports.
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

need_postgres() {
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "servers.sh: PostgreSQL's server is not installed (Debian: postgresql)" >&2
    exit 77
  fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# pg_start DIR NAME: a server in DIR/NAME; prints its port.
pg_start() {
  local dir=$1 name=$2 port
  port=$(free_port)
  mkdir -p "$dir/$name"
  [ "$(id -u)" = 0 ] && chown postgres "$dir" "$dir/$name"
  as_owner "$pg_bin/initdb" -D "$dir/$name" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/$name.initdb.log" 2>&1
  as_owner "$pg_bin/pg_ctl" -D "$dir/$name" -l "$dir/$name/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/$name -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null
  echo "$port" >"$dir/$name.port"
  echo "$port"
}

psql_at() {  # psql_at PORT SQL...
  local port=$1
  shift
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

# ch_config DIR NAME HTTP TCP INTERSERVER SHARD1_TCP SHARD2_TCP: the config of one shard.
ch_config() {
  local dir=$1 name=$2
  mkdir -p "$dir/$name"
  cat >"$dir/$name/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/$name/server.log</log><errorlog>$dir/$name/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$3</http_port>
  <tcp_port>$4</tcp_port>
  <interserver_http_port>$5</interserver_http_port>
  <path>$dir/$name/data/</path>
  <tmp_path>$dir/$name/tmp/</tmp_path>
  <user_files_path>$dir/$name/user_files/</user_files_path>
  <format_schema_path>$dir/$name/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size>
  <timezone>UTC</timezone>
  <remote_servers>
    <kpi>
      <shard><replica><host>127.0.0.1</host><port>$6</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$7</port></replica></shard>
    </kpi>
  </remote_servers>
</yandex>
XML
  cat >"$dir/$name/users.xml" <<'XML'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
XML
}

ch_query() {  # ch_query HTTP_PORT SQL
  curl -sS --fail-with-body "http://127.0.0.1:$1/" --data-binary "$2"
}

ch_start() {  # ch_start DIR NAME HTTP_PORT
  /usr/sbin/clickhouse-server --config-file="$1/$2/config.xml" --pid-file="$1/$2/server.pid" \
    >"$1/$2/out.log" 2>&1 &
  # ClickHouse 18.16 run in the foreground does not write --pid-file: stop needs this one.
  echo $! >"$1/$2/started.pid"
  for _ in $(seq 100); do
    curl -s "http://127.0.0.1:$3/ping" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "servers.sh: ClickHouse $2 did not start:" >&2
  tail -5 "$1/$2/error.log" "$1/$2/out.log" >&2
  return 1
}

case "${1:-} ${2:-}" in
  "clickhouse-shards start")
    if [ ! -x /usr/sbin/clickhouse-server ]; then
      echo "servers.sh: ClickHouse's server is not installed (Debian: clickhouse-server)" >&2
      exit 77
    fi
    dir=$3
    read -r h1 t1 i1 h2 t2 i2 < <(python3 -c 'import socket
ss=[socket.socket() for _ in range(6)]
[s.bind(("127.0.0.1",0)) for s in ss]
print(*[s.getsockname()[1] for s in ss])')
    ch_config "$dir" ch1 "$h1" "$t1" "$i1" "$t1" "$t2"
    ch_config "$dir" ch2 "$h2" "$t2" "$i2" "$t1" "$t2"
    ch_start "$dir" ch1 "$h1"
    ch_start "$dir" ch2 "$h2"
    echo "$h1 $h2" >"$dir/clickhouse.ports"
    echo "http://127.0.0.1:$h1/default"
    echo "http://127.0.0.1:$h1/default"
    echo "http://127.0.0.1:$h2/default"
    ;;
  "postgres start")
    need_postgres
    dir=$3
    port=$(pg_start "$dir" single)
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  "postgres-shards start")
    need_postgres
    dir=$3
    coordinator=$(pg_start "$dir" coordinator)
    shard1=$(pg_start "$dir" shard1)
    shard2=$(pg_start "$dir" shard2)
    psql_at "$coordinator" <<SQL
CREATE EXTENSION postgres_fdw;
-- fdw_tuple_cost: each row fetched from a shard costs more than the planner's default
-- says, so that it aggregates on the shards (few groups cross) rather than here.
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port '$shard1', dbname 'postgres', fdw_tuple_cost '1');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '127.0.0.1', port '$shard2', dbname 'postgres', fdw_tuple_cost '1');
CREATE USER MAPPING FOR postgres SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER shard2 OPTIONS (user 'postgres');
-- Aggregates run on the shards when GROUP BY holds the partition key (owner).
ALTER SYSTEM SET enable_partitionwise_aggregate = on;
SELECT pg_reload_conf() \gset
SQL
    echo "postgresql://postgres@127.0.0.1:$coordinator/postgres"
    echo "postgresql://postgres@127.0.0.1:$shard1/postgres"
    echo "postgresql://postgres@127.0.0.1:$shard2/postgres"
    ;;
  "stop "*)
    dir=$2
    pids=()
    for file in "$dir"/*/server.pid "$dir"/*/started.pid; do
      [ -f "$file" ] && pids+=("$(cat "$file")")
    done
    if [ ${#pids[@]} -gt 0 ]; then
      kill "${pids[@]}" 2>/dev/null || true
      # Gone within 10 s, or killed: no server outlives the test that started it.
      for _ in $(seq 50); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.2
      done
      for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    fi
    for data in "$dir"/*/; do
      [ -f "$data/postmaster.pid" ] || continue
      as_owner "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
