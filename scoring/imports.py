"""Filings and general assemblies from a spreadsheet (CSV or XLSX) read through
``core.spreadsheets``: every row is checked first, then all are saved or none.

Columns (first row, any order): ``court``, ``local_number``, ``kind`` (assembly, accounts,
report), ``year``, ``due_on``, ``filed_on`` (empty: not held or not filed). Dates as
2025-06-30 or 30/06/2025. A row for a cooperative, kind and year already kept replaces it.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.spreadsheets.reading import Limits, table_read
from core.spreadsheets.rows import RowProblem, RowsRejectedError, table_rows
from registry_link.api import cooperatives_found

from .models import Filing, FilingKind

LIMITS = Limits(max_rows=5000)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
REQUIRED = ("court", "local_number", "kind", "year", "due_on")


@dataclass(frozen=True)
class FilingRow:
    row: int
    court: str
    number: str
    kind: str
    year: int
    due_on: date
    filed_on: date | None
    cooperative_id: int | None = None


def _date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip()[:10], pattern).date()
        except ValueError:
            continue
    return None


def _problem(row, column, message, code) -> RowProblem:
    return RowProblem(row=row, column=column, message=str(message), code=code)


def _check(row: dict, problems: list) -> FilingRow | None:
    line, before = row["_row"], len(problems)
    for column in REQUIRED:
        if not row.get(column, "").strip():
            problems.append(_problem(line, column, _("This cell is empty."), "empty"))
    kind = row.get("kind", "").strip().lower()
    if kind and kind not in FilingKind.values:
        problems.append(
            _problem(line, "kind", _("Write assembly, accounts or report."), "unknown_kind")
        )
    year = row.get("year", "").strip().split(".")[0]
    if year and not (year.isdigit() and 1950 < int(year) < 2200):
        problems.append(_problem(line, "year", _("Write a year such as 2025."), "bad_year"))
    due_on, filed_on = _date(row.get("due_on", "")), _date(row.get("filed_on", ""))
    if row.get("due_on", "").strip() and due_on is None:
        problems.append(_problem(line, "due_on", _("Write a date such as 2025-06-30."), "bad_date"))
    if row.get("filed_on", "").strip() and filed_on is None:
        problems.append(
            _problem(line, "filed_on", _("Write a date such as 2025-06-30."), "bad_date")
        )
    if filed_on and filed_on > timezone.localdate():
        problems.append(_problem(line, "filed_on", _("This date is in the future."), "future"))
    if len(problems) > before:
        return None
    return FilingRow(
        line, row["court"].strip(), row["local_number"].strip(), kind, int(year), due_on, filed_on
    )


def filings_read(*, name: str, data: bytes, region: str | None = None) -> list[FilingRow]:
    """The rows of the file, checked; ``RowsRejectedError`` lists every problem. With a
    ``region``, only that region's cooperatives are found (regional staff)."""
    problems: list[RowProblem] = []
    table = table_read(name=name, data=data, limits=LIMITS)
    checked = [_check(row, problems) for row in table_rows(table)]
    rows = [row for row in checked if row]
    pairs = [(row.court, row.number) for row in rows]
    found = cooperatives_found(court_numbers=pairs, region=region)
    for row in rows:
        if (row.court, row.number) not in found:
            problems.append(
                _problem(
                    row.row,
                    "local_number",
                    _("No cooperative of the register has this court and number."),
                    "unknown_cooperative",
                )
            )
    if problems:
        raise RowsRejectedError(problems)
    return [replace(row, cooperative_id=found[(row.court, row.number)]) for row in rows]


@transaction.atomic
def filings_save(rows: list[FilingRow]) -> int:
    """Save every row read by :func:`filings_read`; the number of rows saved."""
    for row in rows:
        Filing.objects.update_or_create(
            cooperative_id=row.cooperative_id,
            kind=row.kind,
            year=row.year,
            defaults={"due_on": row.due_on, "filed_on": row.filed_on},
        )
    return len(rows)
