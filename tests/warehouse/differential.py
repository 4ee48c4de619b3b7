#!/usr/bin/env python3
"""Scores random workspaces from CSV and through a warehouse table, and compares.

    differential.py KPI ENGINE DSN [--seeds N] [--work DIR] [--shards DSN1 DSN2]

For each seed: a workspace of random people (names, e-mail aliases, some who joined or
left inside the year), KPIs of every aggregate, and random deals (cells in odd case and
spacing, unknown owners, negative and fractional amounts). The deals are written to
exports/deals.csv for a file source and loaded into the table `deals` for a table source
with the same mapping; `kpi score --format json` of both must agree number for number,
for several periods and as-of dates. Prints one line per seed; exit 1 at the first
difference, with both documents kept in the work folder.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import urllib.request

KPI, ENGINE, DSN = sys.argv[1], sys.argv[2], sys.argv[3]
SEEDS = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 10
SHARDS = "--shards" in sys.argv

AGGREGATES = ["sum", "mean", "min", "max", "last", "count"]
STAGES = ["Won", "won ", " WON", "Lost", "Open", "wOn", "Abandoned"]


def workspace(rng, folder, table):
    people = []
    for i in range(rng.randint(2, 6)):
        p = {"id": f"p{i}", "name": f"Person {i} Nguyễn", "member_of": "sales",
             "aliases": [f"p{i}@example.vn"]}
        if rng.random() < 0.3:
            p["joined"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        elif rng.random() < 0.3:
            p["left"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people.append(p)
    kpis, measures = [], []
    for k in range(rng.randint(1, 4)):
        aggregate = rng.choice(AGGREGATES)
        kid = f"sales.k{k}"
        kpis.append({"id": kid, "name": f"KPI {k}", "description": f"KPI {k}, {aggregate} of deals",
                     "owner": "sales", "assigned_to": "members", "unit": "VND",
                     "source": "CRM", "aggregate": aggregate,
                     "period": rng.choice(["monthly", "quarterly"]),
                     "target": rng.choice([100, 1000, 5000]), "baseline": 50, "weight": 10 + k})
        m = {"kpi": kid}
        if aggregate != "count":
            m["value"] = "amount"
        if rng.random() < 0.7:
            m["where"] = {"stage": rng.choice([["won"], ["Won", "Lost"]])}
        if rng.random() < 0.3:
            m["except"] = {"region": ["north"]}
        measures.append(m)
    source = {"id": "deals", "columns": {"date": "closed_on", "entity": "owner",
                                         "order": "loaded_at"},
              "unmatched": "skip", "measures": measures}
    ws = {"version": 1, "name": "Differential", "data": [],
          "settings": {"missing": "skip", "freshness_days": 0},
          "units": [{"id": "sales", "name": "Sales"}], "people": people,
          "frames": [{"id": "f", "basis": "ratio", "method": "linear",
                      "points": [[0, 0], [100, 100], [200, 150]]}],
          "kpis": kpis}
    for k in ws["kpis"]:
        k["frame"] = "f"
    if table:
        source["table"] = "deals"
        ws["warehouse"] = {"engine": ENGINE, "dsn": "env:KPI_TEST_DSN"}
    else:
        source["files"] = ["exports/deals.csv"]
    ws["sources"] = [source]
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "kpi.yaml"), "w") as f:
        json.dump(ws, f, ensure_ascii=False, indent=1)  # JSON is YAML
    return people


def deals(rng, people):
    rows = []
    owners = []
    for p in people:
        owners += [p["id"], p["name"].upper(), f" {p['aliases'][0]} ", p["name"]]
    owners += ["stranger@example.vn", "Nobody"]
    order = list(range(1, 100000))
    rng.shuffle(order)
    for i in range(rng.randint(50, 600)):
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        cents = rng.randint(-50000, 900000)
        amount = f"{cents // 100}.{cents % 100:02d}" if cents >= 0 else f"-{-cents // 100}.{-cents % 100:02d}"
        rows.append({"closed_on": day, "owner": rng.choice(owners), "stage": rng.choice(STAGES),
                     "region": rng.choice(["North", "south", " north"]), "amount": amount,
                     "loaded_at": order[i]})
    # Read order in a file is its row order: the export is sorted by the order column.
    rows.sort(key=lambda r: r["loaded_at"])
    return rows


def psql(sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", DSN], input=sql, text=True,
                   check=True, capture_output=True)


def load_postgres(rows):
    columns = "closed_on date, owner text, stage text, region text, amount numeric(14,2), loaded_at bigint"
    if SHARDS:
        shards = DSN_SHARDS
        psql("DROP TABLE IF EXISTS deals CASCADE;\n"
             f"CREATE TABLE deals ({columns}) PARTITION BY HASH (owner);\n")
        for n, shard in enumerate(shards):
            subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", shard], text=True,
                           check=True, capture_output=True,
                           input=f"DROP TABLE IF EXISTS deals_{n};\nCREATE TABLE deals_{n} ({columns});\n")
            psql(f"CREATE FOREIGN TABLE deals_{n} PARTITION OF deals FOR VALUES WITH (MODULUS 2, REMAINDER {n}) "
                 f"SERVER shard{n + 1} OPTIONS (table_name 'deals_{n}');\n")
    else:
        psql(f"DROP TABLE IF EXISTS deals;\nCREATE TABLE deals ({columns});\n")
    values = ",\n".join(
        "('{closed_on}', '{owner}', '{stage}', '{region}', {amount}, {loaded_at})".format(**r)
        for r in rows)
    psql(f"INSERT INTO deals VALUES\n{values};\nANALYZE deals;\n")


def clickhouse(dsn, sql):
    url = dsn.rsplit("/", 1)[0] + "/?insert_distributed_sync=1"
    request = urllib.request.Request(url, data=sql.encode(), method="POST")
    with urllib.request.urlopen(request, timeout=120) as answer:
        return answer.read().decode()


def load_clickhouse(rows):
    # Sharded by owner: each shard aggregates its owners, the first merges the groups.
    columns = ("closed_on Date, owner String, stage String, region String, "
               "amount Decimal(14, 2), loaded_at UInt64")
    for shard in DSN_SHARDS:
        clickhouse(shard, "DROP TABLE IF EXISTS deals_local")
        clickhouse(shard, f"CREATE TABLE deals_local ({columns}) ENGINE = MergeTree() "
                          "ORDER BY (owner, closed_on)")
    clickhouse(DSN, "DROP TABLE IF EXISTS deals")
    clickhouse(DSN, "CREATE TABLE deals AS deals_local "
                    "ENGINE = Distributed(kpi, default, deals_local, cityHash64(owner))")
    values = ",".join(
        "('{closed_on}', '{owner}', '{stage}', '{region}', {amount}, {loaded_at})".format(**r)
        for r in rows)
    clickhouse(DSN, f"INSERT INTO deals VALUES {values}")


def score(folder, period, as_of, dsn):
    env = dict(os.environ, KPI_TEST_DSN=dsn, NO_COLOR="1")
    run = subprocess.run([KPI, "-C", folder, "-q", "score", "--period", period, "--as-of", as_of,
                          "--format", "json"], capture_output=True, text=True, env=env)
    if run.returncode not in (0, 1):
        sys.exit(f"{folder}: kpi score exited {run.returncode}: {run.stderr}")
    doc = json.loads(run.stdout) if run.stdout else {}
    doc.pop("warnings", None)  # positions differ: a file's line against the table's key
    return run.returncode, doc


DSN_SHARDS = sys.argv[sys.argv.index("--shards") + 1:sys.argv.index("--shards") + 3] if SHARDS else []
work = tempfile.mkdtemp(prefix="kpi-differential-",
                        dir=sys.argv[sys.argv.index("--work") + 1] if "--work" in sys.argv else None)
compared = 0
for seed in range(SEEDS):
    rng = random.Random(seed)
    files_ws, table_ws = os.path.join(work, f"{seed}-files"), os.path.join(work, f"{seed}-table")
    people = workspace(rng, files_ws, table=False)
    workspace(random.Random(seed), table_ws, table=True)
    rows = deals(rng, people)
    os.makedirs(os.path.join(files_ws, "exports"), exist_ok=True)
    with open(os.path.join(files_ws, "exports", "deals.csv"), "w") as f:
        f.write("closed_on,owner,stage,region,amount,loaded_at\n")
        for r in rows:
            f.write("{closed_on},{owner},{stage},{region},{amount},{loaded_at}\n".format(**r))
    if ENGINE == "clickhouse":
        load_clickhouse(rows)
    else:
        load_postgres(rows)
    for period, as_of in [("2026", "2027-01-15"), ("2026-03", "2026-04-02"), ("2026-Q2", "2026-05-17"),
                          ("2026-10", "2026-10-12"), ("2026-W20", "2026-06-01"),
                          ("2026-02-01..2026-07-31", "2026-12-31")]:
        a = score(files_ws, period, as_of, DSN)
        b = score(table_ws, period, as_of, DSN)
        if a != b:
            with open(os.path.join(work, f"{seed}-files.json"), "w") as f:
                json.dump(a, f, indent=1, sort_keys=True)
            with open(os.path.join(work, f"{seed}-table.json"), "w") as f:
                json.dump(b, f, indent=1, sort_keys=True)
            sys.exit(f"seed {seed}, --period {period} --as-of {as_of}: CSV and table differ; "
                     f"see {work}/{seed}-files.json and {seed}-table.json")
        compared += sum(len(e.get("kpis", [])) for e in a[1].get("entities", []))
    print(f"seed {seed}: {len(rows)} deals, 6 periods, equal")
    if os.environ.get("KPI_DIFF_LAST"):  # the workspace whose rows the table holds now
        with open(os.environ["KPI_DIFF_LAST"], "w") as f:
            f.write(table_ws)
how = ""
if SHARDS:
    how = " (two postgres_fdw shards)" if ENGINE == "postgres" else " (two shards, Distributed)"
print(f"{SEEDS} workspaces, {compared} KPI scores compared: CSV and {ENGINE}{how} equal")
