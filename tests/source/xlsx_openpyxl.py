#!/usr/bin/env python3
"""The xlsx reader against a real writer: openpyxl writes a workbook of two sheets, then
every cell that openpyxl reads back (read-only mode, as bench/xlsx_openpyxl.py) must be
the cell kpi-xlsx-dump prints, at the same reference, of the same kind, with the same
value; and kpi-xlsx-dump must print no other cell.

    xlsx_openpyxl.py KPI_XLSX_DUMP

Exits 77 (CTest: skipped) when openpyxl is not installed.
"""
import datetime
import os
import subprocess
import sys
import tempfile

try:
    import openpyxl
    from openpyxl.utils.datetime import from_excel
except ImportError:
    # Debian's python3-openpyxl is installed for Debian's python3, which may not be the
    # first python3 on the PATH (pyenv): try it before giving up.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and \
            os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("python3-openpyxl is not installed: skipped (.ci/install-deps installs it)")
    sys.exit(77)


def build(path):
    book = openpyxl.Workbook()
    deals = book.active
    deals.title = "Deals"
    deals.append(["Deal ID", "Owner", "Close Date", "Amount (VND)", "Stage", "Won?"])
    deals.append(["D00000003", "Võ Ngọc Linh", datetime.date(2026, 10, 31), 26941000.5, "Won", True])
    deals.append(["D00000004", "  padded  ", datetime.datetime(2026, 11, 1, 14, 5), -2300000, "Lost", False])
    deals.append(["D5", "line\nbreak", datetime.date(1900, 1, 1), 1.5e-3, "#N/A", None])
    deals.cell(row=9, column=2, value="after a gap")            # rows 5-8 empty
    deals.cell(row=9, column=26, value=1e20)                    # Z9
    deals.cell(row=10, column=16384, value="XFD")               # the last column
    deals.cell(row=11, column=1, value="=1+1")                  # a formula, never computed
    deals.cell(row=11, column=2, value=12345678901234567)
    custom = [("dd/mm/yyyy", True), ("0.00", False), ("[Red]0", False), ('"d"0', False),
              ("yyyy-mm-dd hh:mm", True), ("#,##0", False)]
    for i, (code, _) in enumerate(custom):
        c = deals.cell(row=12, column=i + 1, value=46326)
        c.number_format = code
    visits = book.create_sheet("Visits 2026")
    visits["C3"] = "Hà Nội"
    visits["D3"] = datetime.date(2026, 3, 1)
    visits["A1048576"] = 7
    book.save(path)


def expected(path, name):
    """(reference, kind, value) for each cell openpyxl reads back."""
    book = openpyxl.load_workbook(path, read_only=True)
    out = []
    for row in book[name].iter_rows():
        for cell in row:
            v = cell.value
            if v is None or getattr(cell, "coordinate", None) is None:
                continue
            if cell.data_type == "f" or (isinstance(v, str) and v.startswith("=")):
                continue  # a formula without a cached value: no value to read
            if cell.data_type == "e":
                kind = "error"
            elif isinstance(v, bool):
                kind = "boolean"
            elif isinstance(v, (datetime.datetime, datetime.date)):
                kind = "date"
            elif isinstance(v, (int, float)):
                kind = "number"
            else:
                kind = "text"
            out.append((cell.coordinate, kind, v))
    return out


def unescape(text):
    """kpi-xlsx-dump's escapes undone."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def same(kind, theirs, ours):
    if kind == "text" or kind == "error":
        return theirs == ours
    if kind == "boolean":
        return ours == ("TRUE" if theirs else "FALSE")
    if kind == "number":
        return float(ours) == float(theirs)
    day = from_excel(float(ours))
    if isinstance(theirs, datetime.datetime):
        return abs((day - theirs).total_seconds()) < 0.001
    return day.date() == theirs


def main():
    dump = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "book.xlsx")
        build(path)
        for name, count in (("Deals", 33), ("Visits 2026", 3)):
            run = subprocess.run([dump, path, name], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"kpi-xlsx-dump failed on {name}: {run.stdout}{run.stderr}")
                return 1
            ours = [line.split("\t", 2) for line in run.stdout.split("\n") if line]
            ours = [(r, k, unescape(v)) for r, k, v in ours]
            theirs = expected(path, name)
            if len(theirs) != count:
                print(f"{name}: openpyxl read {len(theirs)} cells, the test expects {count}")
                failures += 1
            if len(ours) != len(theirs):
                print(f"{name}: kpi read {len(ours)} cells, openpyxl {len(theirs)}")
                failures += 1
            for (ref, kind, value), got in zip(theirs, ours):
                if got[0] != ref or got[1] != kind or not same(kind, value, got[2]):
                    print(f"{name}!{ref}: openpyxl {kind} {value!r}, kpi {got}")
                    failures += 1
            print(f"{name}: {len(ours)} cells compared")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
