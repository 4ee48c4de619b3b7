#!/usr/bin/env python3
"""openpyxl's side of the xlsx benchmark: iterate every cell of a sheet in read-only mode
and print the same summary line as kpi-bench-xlsx (bench/README.md, "Excel workbooks").

    bench/xlsx_openpyxl.py FILE [SHEET]
"""
import datetime
import sys

import openpyxl


def main() -> int:
    book = openpyxl.load_workbook(sys.argv[1], read_only=True)
    sheet = book[sys.argv[2]] if len(sys.argv) > 2 else book.worksheets[0]
    rows = cells = 0
    types = {"text": 0, "number": 0, "date": 0, "boolean": 0, "error": 0}
    for row in sheet.iter_rows():
        seen = 0
        for cell in row:
            value = cell.value
            if value is None:
                continue
            seen += 1
            if cell.data_type == "e":
                types["error"] += 1
            elif isinstance(value, bool):
                types["boolean"] += 1
            elif isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
                types["date"] += 1
            elif isinstance(value, (int, float)):
                types["number"] += 1
            else:
                types["text"] += 1
        if seen:
            rows += 1
            cells += seen
    print(f"rows {rows} cells {cells} " + " ".join(f"{k} {v}" for k, v in types.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
