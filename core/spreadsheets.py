"""CSV files that people open in a spreadsheet: cells that cannot run as formulas."""

import csv
import io
import re

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
