#!/usr/bin/env python3
"""Writes exports/log.xlsx of this case (openpyxl): a date typed as text that is no
day, an amount typed as N/A, and a person nobody knows."""
import datetime
import openpyxl

book = openpyxl.Workbook()
book.active.title = "Read me"
sheet = book.create_sheet("Visits")
sheet.append(["Date", "Staff", "Customer", "Amount", "Kind"])
for row in [
    [datetime.date(2026, 10, 3), "Nguyễn Văn An", "Đại lý Bình Minh", 500, "Sale"],
    ["31/02/2026", "Nguyễn Văn An", "Cửa hàng Hoà", 250, "Sale"],
    [datetime.date(2026, 10, 7), "Trần Bình", "Tạp hoá Cô Ba", "N/A", "Sale"],
    [datetime.date(2026, 10, 8), "Lê Văn Cường", "Đại lý Bình Minh", 100, "Sale"],
]:
    sheet.append(row)
    if isinstance(row[0], datetime.date):
        sheet.cell(row=sheet.max_row, column=1).number_format = "dd/mm/yyyy"
book.save("exports/log.xlsx")
