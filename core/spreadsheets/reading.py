"""Spreadsheets people send (CSV or XLSX), read into a table of text cells within limits.

Every import reads through :func:`table_read`. An XLSX file is a zip archive: its members' sizes
are checked *before* anything is decompressed (total size, ratio, count, shared strings), then the
first sheet is read row by row (openpyxl's read-only mode). Python's ``zipfile`` never hands out
more bytes than a member declares, so a member lying about its size fails rather than expands.
A CSV file has its encoding detected (:mod:`core.spreadsheets.encodings`). Rows (blank ones
included), columns and cells are capped in both. Refusals are ValidationErrors with stable codes.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .encodings import csv_decode

MB = 1024 * 1024
UNREADABLE = _("This file could not be read. Save it again as .xlsx or .csv.")
EXPANDS = _(
    "This file holds far more than it seems (%(megabytes)s MB once unpacked, at most "
    "%(limit)s MB). Save only the sheet to import, as .xlsx or .csv."
)


@dataclass(frozen=True)
class Limits:
    """What one import accepts. ``max_rows`` counts rows with something in them, header excluded;
    blank rows are allowed up to ``max_blank_rows`` more; cells are bounded by rows × columns."""

    max_rows: int
    max_bytes: int = 2 * MB
    max_columns: int = 60
    max_blank_rows: int = 200
    max_unzipped_bytes: int = 30 * MB
    max_ratio: int = 100  # uncompressed / compressed, for members above RATIO_FROM bytes
    max_members: int = 100
    max_shared_strings_bytes: int = 10 * MB

    @property
    def max_table_rows(self) -> int:
        return self.max_rows + 1 + self.max_blank_rows


RATIO_FROM = 1 * MB


def table_read(*, name: str, data: bytes, limits: Limits) -> list[list[str]]:
    """The first sheet of a .xlsx, or a .csv/.txt file, as rows of text cells (header first)."""
    if len(data) > limits.max_bytes:
        raise ValidationError(
            _("This file is too big (at most %(megabytes)s MB)."),
            code="file_too_big",
            params={"megabytes": round(limits.max_bytes / MB, 1)},
        )
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _capped(_xlsx_rows(data, limits), limits)
    if lower.endswith((".csv", ".txt")):
        return _capped(_csv_rows(data), limits)
    raise ValidationError(_("Please send a .csv or .xlsx file."), code="unsupported_file")


def _capped(rows, limits: Limits) -> list[list[str]]:
    """``rows`` read one by one, refused as soon as they pass a limit."""
    table: list[list[str]] = []
    filled = 0
    for row in rows:
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > limits.max_columns:
            raise _too_many_columns(limits)
        filled += 1 if cells else 0
        if filled > limits.max_rows + 1 or len(table) >= limits.max_table_rows:
            raise ValidationError(
                _("This file has too many rows (at most %(count)s). Split it in several files."),
                code="too_many_rows",
                params={"count": limits.max_rows},
            )
        table.append(cells)
    return table


def _too_many_columns(limits: Limits) -> ValidationError:
    return ValidationError(
        _("This file has too many columns (at most %(count)s)."),
        code="too_many_columns",
        params={"count": limits.max_columns},
    )


# CSV -------------------------------------------------------------------------------------


def _csv_rows(data: bytes):
    text = csv_decode(data)
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text), dialect)
    except csv.Error:
        raise ValidationError(UNREADABLE, code="unreadable_file") from None


# XLSX ------------------------------------------------------------------------------------


def _xlsx_rows(data: bytes, limits: Limits):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError(UNREADABLE, code="unreadable_file") from None
    with archive:
        _zip_check(archive.infolist(), limits)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            yield from sheet.iter_rows(
                values_only=True,
                max_row=limits.max_table_rows + 1,
                max_col=limits.max_columns + 1,
            )
        finally:
            workbook.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError):
        raise ValidationError(UNREADABLE, code="unreadable_file") from None


def _zip_check(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse an archive that would expand too much, from its directory alone."""
    if len(members) > limits.max_members:
        raise ValidationError(UNREADABLE, code="too_many_parts")
    total = sum(member.file_size for member in members)
    expanding = [
        member
        for member in members
        if member.file_size > RATIO_FROM
        and member.file_size > limits.max_ratio * max(member.compress_size, 1)
    ]
    if total > limits.max_unzipped_bytes or expanding:
        raise ValidationError(
            EXPANDS,
            code="file_expands_too_much",
            params={
                "megabytes": round(total / MB),
                "limit": round(limits.max_unzipped_bytes / MB),
            },
        )
    strings = [m for m in members if m.filename.lower().endswith("sharedstrings.xml")]
    if sum(member.file_size for member in strings) > limits.max_shared_strings_bytes:
        raise ValidationError(
            EXPANDS,
            code="file_expands_too_much",
            params={
                "megabytes": round(total / MB),
                "limit": round(limits.max_shared_strings_bytes / MB),
            },
        )


# Cells -----------------------------------------------------------------------------------


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
