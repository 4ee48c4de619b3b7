#!/usr/bin/env python3
"""Writes exports/log.xlsx of this case (openpyxl, Debian's python3-openpyxl)."""
import datetime
import openpyxl

book = openpyxl.Workbook()
book.active.title = "Read me"
book.active["A1"] = "The log is on the sheet Visits."
sheet = book.create_sheet("Visits")
sheet.append(["Date", "Staff", "Customer", "Amount", "Kind"])
for row in [
    [datetime.date(2026, 10, 3), "NGUYỄN VĂN AN", "Đại lý Bình Minh", 500, "Sale"],
    [datetime.date(2026, 10, 5), "an@xlsx.vn", "Cửa hàng Hoà", 250.5, "sale"],
    [datetime.date(2026, 10, 7), " Trần Bình ", "Tạp hoá Cô Ba", None, "Call"],
    [datetime.date(2026, 11, 2), "Trần Bình", "Đại lý Bình Minh", 100, "Sale"],
]:
    sheet.append(row)
    sheet.cell(row=sheet.max_row, column=1).number_format = "dd/mm/yyyy"
book.save("exports/log.xlsx")
