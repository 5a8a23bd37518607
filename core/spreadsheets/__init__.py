"""Spreadsheets: CSV and XLSX files people open (:mod:`.writing`), CSV and XLSX files people send
(:mod:`.reading`, with :mod:`.encodings` for CSV)."""

from .reading import Limits, cell_text, simplified, table_read
from .writing import (
    csv_response,
    csv_text,
    export_response,
    safe_cell,
    xlsx_bytes,
    xlsx_response,
)

__all__ = [
    "Limits",
    "cell_text",
    "csv_response",
    "csv_text",
    "export_response",
    "safe_cell",
    "simplified",
    "table_read",
    "xlsx_bytes",
    "xlsx_response",
]
