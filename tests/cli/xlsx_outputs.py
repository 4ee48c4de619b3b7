#!/usr/bin/env python3
"""The score, report and payout workbooks read back with openpyxl (issue 16).

Usage: xlsx_outputs.py KPI WORKSPACE...  Each workspace is copied to a temporary folder;
for each, the workbooks must carry score's JSON numbers as number cells (totals,
coverage, actuals, targets, amounts), the payout's rows must be the payout CSV's and its
total row a SUM whose cached value is the sum of the amounts; headers are frozen and
filtered; two runs give the same bytes. Exit 77 (skipped) without openpyxl.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    # Debian's python3-openpyxl is installed for Debian's python3, which may not be the
    # first python3 on the PATH (pyenv): try it before giving up.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and \
            os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("SKIPPED: python3-openpyxl is not installed (.ci/install-deps installs it)")
    sys.exit(77)

KPI = os.path.abspath(sys.argv[1])
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)


def kpi(folder, *args):
    env = dict(os.environ, NO_COLOR="1", KPI_TODAY="2026-11-23")
    done = subprocess.run([KPI, "-q", *args], cwd=folder, env=env, capture_output=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"kpi {' '.join(args)} in {folder}: exit {done.returncode}\n"
                         + done.stderr.decode())
    return done.stdout.decode()


def rows_of(sheet, header_row):
    """The table under `header_row` (1-based) as dicts, up to the first empty first cell."""
    titles = [c.value for c in sheet[header_row]]
    out = []
    for row in sheet.iter_rows(min_row=header_row + 1):
        if row[0].value is None or row[0].value == "Total":
            break
        out.append({t: c for t, c in zip(titles, row)})
    return out


def is_number(cell):
    return isinstance(cell.value, (int, float)) and cell.data_type == "n"


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def check_score(folder, period, as_of, name):
    score = json.loads(kpi(folder, "score", "--period", period, "--as-of", as_of, "-f", "json"))
    kpi(folder, "score", "--period", period, "--as-of", as_of, "-f", "xlsx", "-o", "s.xlsx")
    book = openpyxl.load_workbook(os.path.join(folder, "s.xlsx"))
    check(book.sheetnames[:2] == ["Totals", "KPIs"], f"{name}: score sheets {book.sheetnames}")
    totals = {r["Entity"].value: r for r in rows_of(book["Totals"], 4)}
    check(book["Totals"].freeze_panes == "A5", f"{name}: Totals header not frozen")
    check(book["Totals"].auto_filter.ref is not None, f"{name}: Totals has no autofilter")
    for e in score["entities"]:
        row = totals.get(e["id"])
        check(row is not None, f"{name}: {e['id']} missing from Totals")
        if row is None:
            continue
        check(same(row["Total"].value, e["total"]), f"{name}: {e['id']} total {row['Total'].value} != {e['total']}")
        check(e["total"] is None or is_number(row["Total"]), f"{name}: {e['id']} total is not a number cell")
        check(same(row["Coverage"].value, e["coverage"]), f"{name}: {e['id']} coverage")
        amount = e["reward"]["amount"] if e["reward"] else None
        check(same(row["Amount"].value, amount), f"{name}: {e['id']} amount {row['Amount'].value} != {amount}")
        check(row["Name"].value == e["name"], f"{name}: {e['id']} name")
    kpis = rows_of(book["KPIs"], 1)
    expected = [(e["id"], k) for e in score["entities"] for k in e["kpis"]]
    check(len(kpis) == len(expected), f"{name}: {len(kpis)} KPI rows, expected {len(expected)}")
    for row, (entity, k) in zip(kpis, expected):
        check(row["Entity"].value == entity and row["KPI"].value == k["id"], f"{name}: KPI row order")
        check(row["KPI name"].value == k["name"] and row["Unit"].value == k["unit"],
              f"{name}: {entity} {k['id']} name/unit")
        check(same(row["Actual"].value, k["actual"]), f"{name}: {entity} {k['id']} actual")
        target = k["target"][0] if isinstance(k["target"], list) else k["target"]
        check(same(row["Target"].value, target), f"{name}: {entity} {k['id']} target")
        check(same(row["Score"].value, k["score"]), f"{name}: {entity} {k['id']} score")
    return score


def check_payout(folder, period, as_of, name, score):
    kpi(folder, "payout", "--period", period, "--as-of", as_of, "-f", "xlsx", "-o", "p.xlsx")
    sheet = openpyxl.load_workbook(os.path.join(folder, "p.xlsx"))["Payout"]
    cached = openpyxl.load_workbook(os.path.join(folder, "p.xlsx"), data_only=True)["Payout"]
    rows = rows_of(sheet, 4)
    people = [e for e in score["entities"] if e["kind"] == "person"]
    check([r["Person"].value for r in rows] == [p["id"] for p in people], f"{name}: payout rows")
    table = list(csv.DictReader(io.StringIO(
        kpi(folder, "payout", "--period", period, "--as-of", as_of, "-f", "csv"))))
    check([r["id"] for r in table] == [p["id"] for p in people], f"{name}: payout CSV rows")
    total = 0.0
    for row, p, line in zip(rows, people, table):
        amount = p["reward"]["amount"] if p["reward"] else None
        check(same(row["Amount"].value, amount), f"{name}: payout {p['id']} amount")
        check(amount is None or is_number(row["Amount"]), f"{name}: payout {p['id']} amount cell")
        check(same(row["Total"].value, p["total"]), f"{name}: payout {p['id']} total")
        check(line["amount"] == ("" if amount is None else line["amount"]) and
              same(float(line["amount"]) if line["amount"] else None, amount),
              f"{name}: payout CSV {p['id']} amount {line['amount']!r} != {amount}")
        check(same(float(line["total"]) if line["total"] else None, p["total"]),
              f"{name}: payout CSV {p['id']} total")
        tier = (p["reward"] or {}).get("label")
        if tier is not None:
            check(line["tier"] == tier and row["Tier"].value == tier, f"{name}: payout {p['id']} tier")
        if p["withheld"]:
            check(line["withheld"] == p["withheld"] and line["amount"] == "",
                  f"{name}: payout {p['id']} withheld")
        total += amount or 0
    if rows:
        last = 4 + len(rows)
        formula = sheet.cell(row=last + 1, column=10).value
        check(formula == f"=SUM(J5:J{last})", f"{name}: payout total formula {formula!r}")
        check(same(cached.cell(row=last + 1, column=10).value, total),
              f"{name}: payout total {cached.cell(row=last + 1, column=10).value} != {total}")
    check(sheet.freeze_panes == "A5" and sheet.auto_filter.ref == f"A4:K{4 + len(rows)}",
          f"{name}: payout header {sheet.freeze_panes} {sheet.auto_filter.ref}")


def check_report(folder, period, as_of, name):
    report = json.loads(kpi(folder, "report", "--period", period, "--as-of", as_of, "-f", "json"))
    kpi(folder, "report", "--period", period, "--as-of", as_of, "-f", "xlsx", "-o", "r.xlsx")
    book = openpyxl.load_workbook(os.path.join(folder, "r.xlsx"))
    check(book.sheetnames == ["Summary", "Scorecards", "At risk", "Data quality"],
          f"{name}: report sheets {book.sheetnames}")
    summary = report["summary"]
    check(same(book["Summary"]["B3"].value, summary["company_total"]), f"{name}: company total")
    counts = [book["Summary"].cell(row=3, column=c).value for c in (5, 7, 9, 11)]
    check(counts == [summary["status_counts"][k] for k in ("green", "amber", "red", "none")],
          f"{name}: status counts {counts}")
    check(len(rows_of(book["At risk"], 1)) == len(report["at_risk"]), f"{name}: at-risk rows")
    check(len(rows_of(book["Data quality"], 1)) == len(report["data_quality"]),
          f"{name}: data quality rows")


def main():
    for source in sys.argv[2:]:
        name = os.path.basename(source.rstrip("/"))
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, name)
            shutil.copytree(source, folder)
            for period, as_of in (("2026-10", "2026-11-05"), ("2026-09", "2026-10-31")):
                score = check_score(folder, period, as_of, f"{name} {period}")
                check_payout(folder, period, as_of, f"{name} {period}", score)
                check_report(folder, period, as_of, f"{name} {period}")
            first = open(os.path.join(folder, "p.xlsx"), "rb").read()
            kpi(folder, "payout", "--period", "2026-09", "--as-of", "2026-10-31", "-f", "xlsx",
                "-o", "p.xlsx")
            check(open(os.path.join(folder, "p.xlsx"), "rb").read() == first,
                  f"{name}: two runs gave different workbooks")
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"{len(sys.argv) - 2} workspaces, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
