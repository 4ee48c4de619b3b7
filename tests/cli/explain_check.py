#!/usr/bin/env python3
"""kpi explain against kpi score, on a copy of a workspace kept outside the project.

For every entity and every KPI assigned to it:
  * explain's numbers are score's (actual, target, achievement, points, score, weight,
    rows, total, coverage, reward);
  * the rows explain names as counted are that many, and each named CSV line of a plain
    measurement file holds that KPI (or the one it rolls up), a matching entity and value;
  * for a sum or count KPI read from plain files with a next band: a row (or rows) making
    up actual_needed - actual, added to the data, moves the KPI into that band (and the
    actual just below it does not, for a sum).
Usage: explain_check.py KPI WORKSPACE PERIOD AS_OF
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

KPI, SOURCE, PERIOD, AS_OF = sys.argv[1:5]
failures = []


def run(ws, *args):
    out = subprocess.run([KPI, "-C", ws, *args], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"kpi {' '.join(args)}: exit {out.returncode}\n{out.stderr}")
    return out.stdout


def score(ws):
    doc = json.loads(run(ws, "score", "-p", PERIOD, "--as-of", AS_OF, "-f", "json"))
    return {e["id"]: e for e in doc["entities"]}


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def csv_line(ws, path, line):
    with open(os.path.join(ws, path), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, row = rows[0], rows[line - 1]
    return dict(zip(header, row))


def check_rows(ws, kpi_row, entity):
    counted = kpi_row["counted"]
    if kpi_row["rows"] is not None and len(counted) != kpi_row["rows"]:
        fail(f"{kpi_row['kpi']}/{entity}: {len(counted)} counted rows listed, rows {kpi_row['rows']}")
    for r in counted:
        if "line" not in r or not r["file"].startswith("data/"):
            continue  # a source's own layout: not a measurement file
        row = csv_line(ws, r["file"], r["line"])
        if row.get("kpi") != kpi_row["rows_of"]:
            fail(f"{r['file']}:{r['line']} holds {row.get('kpi')}, not {kpi_row['rows_of']}")
        if r["value"] is not None and float(row["value"]) != r["value"]:
            fail(f"{r['file']}:{r['line']} holds {row['value']}, explain says {r['value']}")


def moves_into_band(ws, kpi_row, entity, stretch_start):
    """Adds actual_needed - actual to a copy of the data; returns the new KPI row."""
    band = kpi_row["next_band"]
    delta = band["actual_needed"] - kpi_row["actual"]
    copy = tempfile.mkdtemp()
    try:
        shutil.copytree(ws, copy, dirs_exist_ok=True)
        journal = os.path.join(copy, "data", "explain-check.csv")
        with open(journal, "w", encoding="utf-8") as f:
            f.write("date,kpi,entity,value,note\n")
            if kpi_row["aggregate"] == "count":
                for _ in range(round(delta)):
                    f.write(f"{stretch_start},{kpi_row['kpi']},{entity},,\n")
            else:
                f.write(f"{stretch_start},{kpi_row['kpi']},{entity},{delta!r},\n")
        after = score(copy)[entity]
        return next(k for k in after["kpis"] if k["id"] == kpi_row["kpi"])
    finally:
        shutil.rmtree(copy)


def main():
    ws = tempfile.mkdtemp()  # outside the project: as a user keeps one
    shutil.copytree(SOURCE, ws, dirs_exist_ok=True)
    scored = score(ws)
    checked = moved = 0
    for entity, e in scored.items():
        whole = json.loads(run(ws, "explain", "-e", entity, "-p", PERIOD, "--as-of", AS_OF,
                               "-f", "json"))
        for field in ("total", "coverage", "reward", "withheld"):
            if whole[field] != e[field]:
                fail(f"{entity}: {field} {whole[field]!r}, score says {e[field]!r}")
        for k in e["kpis"]:
            x = json.loads(run(ws, "explain", k["id"], "-e", entity, "-p", PERIOD, "--as-of",
                               AS_OF, "-f", "json"))
            for field in ("actual", "target", "achievement", "points", "score", "weight",
                          "rows", "status", "label", "missing", "reason"):
                if x[field] != k[field]:
                    fail(f"{k['id']}/{entity}: {field} {x[field]!r}, score says {k[field]!r}")
            check_rows(ws, x, entity)
            checked += 1
            band = x["next_band"]
            plain = all(r["file"].startswith("data/") and "line" in r for r in x["counted"])
            if band and x["aggregate"] in ("sum", "count") and plain and not x["operands"] \
                    and x["rows_of"] == x["kpi"]:
                after = moves_into_band(ws, x, entity, x["stretch"]["start"])
                if after["label"] != band["label"] or after["points"] != band["points"]:
                    fail(f"{k['id']}/{entity}: adding {band['actual_needed'] - x['actual']} "
                         f"gives {after['label']} ({after['points']}), not {band['label']}")
                moved += 1
    shutil.rmtree(ws)
    print(f"{checked} KPI rows explained as scored; {moved} moved into their next band")
    if checked == 0 or failures:
        sys.exit(1)


main()
