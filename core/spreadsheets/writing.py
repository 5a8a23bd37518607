"""Files people open in a spreadsheet: every export goes through :func:`csv_response` or
:func:`xlsx_response`.

CSV: a cell that a spreadsheet would run as a formula (``= + - @``, a tab or a carriage return
first) gets a leading quote; the text starts with a byte-order mark so spreadsheets read it as
UTF-8. XLSX (xlsxwriter, in constant memory): numbers and dates stay numbers and dates (never
text), and every text cell is stored as text, so nothing in it runs as a formula.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def safe_cell(value) -> str:
    """``value`` as text; a cell a spreadsheet would read as a formula gets a leading quote."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def csv_text(header: list[str], rows) -> str:
    """A CSV document (with a byte-order mark, so spreadsheets read Arabic and Tifinagh)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def csv_response(*, filename: str, header: list[str], rows) -> HttpResponse:
    """A CSV download (see :func:`csv_text`) named ``filename``."""
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_write(sheet, formats: dict, row: int, values) -> None:
    """One row through xlsxwriter's typed writers: text stays text (never a formula, a number or
    a link), numbers are numbers, dates and times are dates and times."""
    for column, value in enumerate(values):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(
            value, int | float | Decimal | datetime.date | datetime.datetime
        ):
            sheet.write_string(row, column, str(value))
        elif isinstance(value, datetime.datetime):
            if value.tzinfo is not None:
                value = value.replace(tzinfo=None)  # spreadsheets have no time zones
            sheet.write_datetime(row, column, value, formats["datetime"])
        elif isinstance(value, datetime.date):
            sheet.write_datetime(row, column, value, formats["date"])
        else:
            sheet.write_number(row, column, float(value) if isinstance(value, Decimal) else value)


def xlsx_bytes(header: list[str], rows) -> bytes:
    """An XLSX workbook of one sheet: the header row, then ``rows``.

    Written by xlsxwriter in constant memory (one row at a time, strings inline): 65,000 rows
    of 11 columns take a few seconds (decision 0038)."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {
        "constant_memory": True,
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "nan_inf_to_errors": True,
    }
    workbook = xlsxwriter.Workbook(buffer, options)
    sheet = workbook.add_worksheet()
    formats = {
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
    }
    _xlsx_write(sheet, formats, 0, [str(cell) for cell in header])
    for number, row in enumerate(rows, start=1):
        _xlsx_write(sheet, formats, number, row)
    workbook.close()
    return buffer.getvalue()


def xlsx_response(*, filename: str, header: list[str], rows) -> HttpResponse:
    """An XLSX download (see :func:`xlsx_bytes`) named ``filename``."""
    response = HttpResponse(xlsx_bytes(header, rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}


def export_response(*, fmt: str, name: str, header: list[str], rows) -> HttpResponse:
    """The one exporter of tables: ``fmt`` is "csv" or "xlsx"; the file is ``name.fmt``.

    Raises KeyError for another format (a view answers 404)."""
    return EXPORTS[fmt](filename=f"{name}.{fmt}", header=header, rows=rows)
