#!/usr/bin/env python3
"""Checks kpi's score of the CRM benchmark workspace against the export itself.

Usage: crm_check.py DEALS.csv|DEALS.xlsx KPI_SCORE.json [DUCKDB.jsonl]

Reads the export with Python's csv (or openpyxl) and Decimal, the independent reader: per owner,
the won revenue, the number of won deals and the lost or abandoned value of 2026.
Every (kpi, person) of kpi's JSON must equal it exactly (kpi's JSON numbers are
decimal text). With DUCKDB.jsonl (bench/duckdb_crm.mjs --check), DuckDB's per-owner
sums must equal them too.
"""
import csv
import json
import sys
from collections import defaultdict
from decimal import Decimal


def deals_of(path):
    """(owner, stage, year, amount) of every deal, from the CSV export or the workbook."""
    if path.endswith(".xlsx"):
        import openpyxl
        sheet = openpyxl.load_workbook(path, read_only=True)["Deals"]
        for _, owner, day, amount, stage, _ in sheet.iter_rows(min_row=2, values_only=True):
            # Amounts are stored with at most 10 significant digits: repr gives them back.
            yield owner, stage, day.year, Decimal(repr(amount))
        return
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            amount = row["Amount (VND)"].replace(".", "").replace(",", ".")
            yield row["Owner"], row["Stage"], int(row["Close Date"].split("/")[2]), Decimal(amount)


def expected_of(path):
    result = defaultdict(lambda: {"sales.revenue": Decimal(0), "sales.won": 0,
                                  "sales.lost": Decimal(0), "rows": defaultdict(int)})
    for name, stage, year, amount in deals_of(path):
        stage = stage.casefold()
        if stage not in ("won", "lost", "abandoned") or year != 2026:
            continue
        owner = result[name]
        if stage == "won":
            owner["sales.revenue"] += amount
            owner["sales.won"] += 1
            owner["rows"]["sales.revenue"] += 1
            owner["rows"]["sales.won"] += 1
        else:
            owner["sales.lost"] += amount
            owner["rows"]["sales.lost"] += 1
    return result


def main():
    deals, score_path = sys.argv[1:3]
    expected = expected_of(deals)
    with open(score_path, encoding="utf-8") as f:
        score = json.load(f, parse_float=Decimal)
    problems, groups, rows = [], 0, 0
    for entity in score["entities"]:
        want = expected.get(entity["name"])
        for k in entity["kpis"]:
            if want is None:
                if k["rows"]:
                    problems.append(f"{entity['name']} {k['id']}: rows but no deals")
                continue
            groups += 1
            rows += k["rows"]
            if k["rows"] != want["rows"][k["id"]]:
                problems.append(f"{entity['name']} {k['id']}: rows {k['rows']} != {want['rows'][k['id']]}")
            elif k["rows"] and Decimal(str(k["actual"])) != want[k["id"]]:
                problems.append(f"{entity['name']} {k['id']}: {k['actual']} != {want[k['id']]}")
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            for line in f:
                d = json.loads(line, parse_float=Decimal)
                want = expected[d["owner"]]
                for kpi, column in (("sales.revenue", "revenue"), ("sales.won", "won"),
                                    ("sales.lost", "lost")):
                    if Decimal(str(d[column] or 0)) != want[kpi]:
                        problems.append(f"DuckDB {d['owner']} {kpi}: {d[column]} != {want[kpi]}")
    if problems:
        print(f"MISMATCH: {len(problems)} problems, first: {problems[:5]}")
        return 1
    print(f"agree: {groups} (kpi, person) groups, {rows} rows, exact (Decimal)"
          + (", DuckDB too" if len(sys.argv) > 3 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
