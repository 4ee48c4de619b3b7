#!/usr/bin/env python3
"""Checks that kpi score and DuckDB computed the same thing from the same CSV.

Usage: compare.py WORKSPACE KPI_SCORE.json DUCKDB_CHECK.jsonl

For every (kpi, entity) group: kpi's `rows` equals DuckDB's count, and kpi's `actual`
equals DuckDB's sum, mean or max (relative 1e-9: the order of additions differs), or,
for a `last` KPI, one of the values on the group's latest date (kpi takes the row read
last on a tie, which SQL does not define).
"""
import json
import re
import sys


def aggregates_of(workspace):
    """KPI id -> aggregate, from the generator's kpis/kpis.yaml."""
    result, current = {}, None
    with open(f"{workspace}/kpis/kpis.yaml", encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+- id: (\S+)", line)
            if m:
                current = m.group(1)
                result[current] = "sum"
            m = re.match(r"\s+aggregate: (\S+)", line)
            if m:
                result[current] = m.group(1)
    return result


def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300)


def main():
    workspace, score_path, duck_path = sys.argv[1:4]
    aggregates = aggregates_of(workspace)
    with open(score_path, encoding="utf-8") as f:
        score = json.load(f)
    ours = {}
    for entity in score["entities"]:
        for k in entity["kpis"]:
            if k["rows"]:
                ours[(k["id"], entity["id"])] = k
    theirs = {}
    with open(duck_path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            theirs[(row["kpi"], row["entity"])] = row
    problems = []
    if set(ours) != set(theirs):
        problems.append(f"groups differ: {len(set(ours) ^ set(theirs))} in one only")
    for key in sorted(set(ours) & set(theirs)):
        k, d = ours[key], theirs[key]
        aggregate = aggregates[key[0]]
        if k["rows"] != int(d["n"]):
            problems.append(f"{key}: rows {k['rows']} != count {d['n']}")
        elif aggregate == "last":
            if not any(close(k["actual"], v) for v in d["last_values"]):
                problems.append(f"{key}: last {k['actual']} not in {d['last_values']}")
        elif not close(k["actual"], d[aggregate]):
            problems.append(f"{key}: {aggregate} {k['actual']} != {d[aggregate]}")
    rows = sum(k["rows"] for k in ours.values())
    if problems:
        print(f"MISMATCH: {len(problems)} problems, first: {problems[:5]}")
        return 1
    print(f"agree: {len(ours)} (kpi, entity) groups, {rows} rows, "
          "count and sum/mean/max/last within 1e-9")
    return 0


if __name__ == "__main__":
    sys.exit(main())
