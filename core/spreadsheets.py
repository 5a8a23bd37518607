"""Spreadsheets: CSV files people open (cells that cannot run as formulas), CSV and XLSX files
people send (read into a table of text cells).

Every CSV export goes through :func:`csv_text` / :func:`csv_response`: a cell that a spreadsheet
would run as a formula (``= + - @``, a tab or a carriage return first) gets a leading quote.
"""

import csv
import io
import re
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

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


# Reading spreadsheets people send ----------------------------------------------------------


def simplified(text: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("\ufeff", ""))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[_\-.'’/]", " ", bare).lower().split())


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def csv_table(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(
            _("This file could not be read. Save it again as .xlsx or .csv (UTF-8)."),
            code="unreadable_file",
        )
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell_text(value) for value in row] for row in csv.reader(io.StringIO(text), dialect)]


def xlsx_table(data: bytes, max_rows: int = 1050) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ValidationError(
            _("This file could not be read. Save it again as .xlsx or .csv."),
            code="unreadable_file",
        ) from None
    sheet = workbook.worksheets[0]
    table = []
    for row in sheet.iter_rows(values_only=True, max_row=max_rows):
        table.append([cell_text(value) for value in row])
    workbook.close()
    return table
