"""CSV files people open: every export goes through :func:`csv_text` / :func:`csv_response`.

A cell that a spreadsheet would run as a formula (``= + - @``, a tab or a carriage return first)
gets a leading quote; the text starts with a byte-order mark so spreadsheets read it as UTF-8.
"""

import csv
import io
import re

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
