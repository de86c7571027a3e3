#!/usr/bin/env python3
"""Writes the "real files from real people" fixtures (issue 15) into
Tests/WardDataTests/Fixtures/RealFiles/: one small file of each shape that Excel and
incident-reporting systems produce. Deterministic; run it again after changing it:

    python3 Tests/Tools/make_real_file_fixtures.py
"""
import datetime
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "WardDataTests", "Fixtures", "RealFiles")
MONDAY = datetime.date(2024, 1, 8)
WARDS = [("RX1", "St Mary’s"), ("RX1", "Oak Ward")]


def weekly_rows(weeks=12):
    """(trust, ward, monday, restraint count, bed days) for two wards × `weeks` weeks."""
    rows = []
    for ward_index, (trust, ward) in enumerate(WARDS):
        for week in range(weeks):
            count = (week * 7 + ward_index * 3) % 5
            rows.append((trust, ward, MONDAY + datetime.timedelta(weeks=week), count, 140 + week % 3))
    return rows


def write(name, text, encoding="utf-8", bom=b""):
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write(bom + text.encode(encoding))


def csv_lines(header, rows, sep=",", crlf=True):
    end = "\r\n" if crlf else "\n"
    return end.join(sep.join(str(cell) for cell in line) for line in [header] + rows) + end


def long_rows(date_text):
    return [[trust, ward, "restraint", date_text(day), count, beds] for trust, ward, day, count, beds in weekly_rows()]


def main():
    os.makedirs(OUT, exist_ok=True)
    header = ["Trust", "Ward name", "Measure", "Week commencing", "Count", "Bed days"]
    uk = lambda day: day.strftime("%d/%m/%Y")
    iso = lambda day: day.isoformat()
    excel_short = lambda day: f"{day.day}-{day.strftime('%b-%y')}"

    # Excel in a locale whose decimal mark is a comma: semicolons, UTF-8 with a BOM.
    write("semicolon.csv", csv_lines(header, long_rows(uk), sep=";"), bom=b"\xef\xbb\xbf")
    # Excel's plain "CSV (Comma delimited)" on Windows: Windows-1252 (the ’ is byte 0x92).
    write("windows1252.csv", csv_lines(header, long_rows(uk)), encoding="cp1252")
    # Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated.
    write("unicode_text.txt", csv_lines(header, long_rows(uk), sep="\t"), encoding="utf-16-le", bom=b"\xff\xfe")
    write("utf16be.csv", csv_lines(header, long_rows(iso)), encoding="utf-16-be", bom=b"\xfe\xff")
    # Formatted but empty columns and rows: trailing separators and rows of only commas.
    rows = [row + ["", "", ""] for row in long_rows(iso)]
    blank = [[""] * 9] * 3
    write("trailing_empty.csv", csv_lines(header + ["", "", ""], rows[:10] + blank[:1] + rows[10:] + blank))
    # A totals row at the bottom: by its label, and by an empty name with the sums.
    rows = long_rows(iso)
    total = sum(row[4] for row in rows)
    beds = sum(row[5] for row in rows)
    write("totals_label.csv", csv_lines(header, rows + [["Total", "", "", "", total, beds]]))
    write("totals_sum.csv", csv_lines(header, rows + [["RX1", "", "restraint", "", total, beds]]))
    # Dates as Excel shows them: 8-Jan-24; months as Jan-24 and January 2024.
    write("dates_excel_short.csv", csv_lines(header, long_rows(excel_short)))
    monthly_header = ["Trust", "Ward", "Measure", "Month", "Count"]
    months = [datetime.date(2024, month, 1) for month in range(1, 13)]
    write("months_short.csv", csv_lines(monthly_header, [["RX1", "Oak Ward", "self_harm", day.strftime("%b-%y"), month % 4]
                                                           for month, day in enumerate(months)]))
    write("months_long.csv", csv_lines(monthly_header, [["RX1", "Oak Ward", "self_harm", day.strftime("%B %Y"), month % 4]
                                                          for month, day in enumerate(months)]))
    # 120 dates in a form no reader takes (German dots): one grouped problem, not 120 lines.
    rows = [[trust, ward, "restraint", day.strftime("%d.%m.%Y"), count, bed]
            for trust, ward, day, count, bed in weekly_rows(60)]
    write("dates_unreadable.csv", csv_lines(header, rows))
    # A real Excel export with several of these at once: semicolons, Windows-1252,
    # trailing empty columns, a row of only separators, 8-Jan-24 dates and a totals row.
    rows = [row + [""] for row in long_rows(excel_short)]
    total = sum(row[4] for row in rows)
    write("excel_export.csv", csv_lines(header + [""], rows + [[""] * 7] + [["Grand total", "", "", "", total, "", ""]],
                                        sep=";"), encoding="cp1252")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
