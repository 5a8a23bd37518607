"""Funding sources from a spreadsheet (CSV/XLSX): every row checked, all or nothing.

One row per source; ``key`` is the stable key (a re-import updates the source with that key).
The columns are described in ``project_bank/README.md``. The file is read through
``core.spreadsheets`` (via ``imports.rows_read``); rows are numbered as the spreadsheet shows them.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.regions import Region

from .choices import FundingGroup, FundingKind, ProjectStage, Sector
from .imports import (
    ImportRejectedError,
    RowProblem,
    keyed_rows_check,
    language_texts,
    rows_read,
    split_values,
)
from .models import FundingSource

TEXT_FIELDS = ("name", "organisation", "summary", "to_prepare", "how_to_apply")
NUMBER_FIELDS = ("age_min", "age_max", "founders_min", "founders_max", "amount_min", "amount_max")
CODE_COLUMNS = {
    "sectors": Sector.values,
    "regions": Region.values,
    "groups": FundingGroup.values,
    "stages": ProjectStage.values,
}

__all__ = ["ImportRejectedError", "funding_rows_check", "funding_sources_import", "rows_read"]


@dataclass
class SourceRow:
    number: int
    key: str
    data: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)  # language → field → text


def _date(text: str) -> datetime.date | None:
    """``2027-12-31`` (an XLSX date cell reads so too) or ``31/12/2027``; "" → None."""
    text = text.strip()
    if not text:
        return None
    for pattern, length in (("%Y-%m-%d", 10), ("%d/%m/%Y", 10)):
        try:
            return datetime.datetime.strptime(text[:length], pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _codes(row: SourceRow, raw: dict, problems: list) -> None:
    kind = raw.get("kind", "").strip().lower()
    if kind not in FundingKind.values:
        problems.append(
            (
                _("The kind must be one of: %(kinds)s.") % {"kinds": ", ".join(FundingKind.values)},
                "kind",
                "unknown_kind",
            )
        )
    row.data["kind"] = kind
    for column, allowed in CODE_COLUMNS.items():
        codes = [code.lower() for code in split_values(raw.get(column, ""))]
        if column == "regions":
            codes = [code.zfill(2) for code in codes]
        unknown = [code for code in codes if code not in allowed]
        if unknown:
            problems.append(
                (
                    _("Unknown “%(values)s”: use %(allowed)s (empty: no condition).")
                    % {"values": " ".join(unknown), "allowed": ", ".join(allowed)},
                    column,
                    "unknown_code",
                )
            )
        row.data[column] = codes


def _numbers(row: SourceRow, raw: dict, problems: list) -> None:
    for name in NUMBER_FIELDS:
        text = raw.get(name, "").replace(" ", "").replace("\u202f", "")
        if text and not text.isdigit():
            problems.append(
                (_("“%(value)s” is not a whole number.") % {"value": text}, name, "not_a_number")
            )
            continue
        row.data[name] = int(text) if text else None
    for low, high in (("age_min", "age_max"), ("founders_min", "founders_max")):
        if None not in (row.data.get(low), row.data.get(high)) and row.data[low] > row.data[high]:
            problems.append((_("“From” is above “up to”."), high, "range"))
    low, high = row.data.get("amount_min"), row.data.get("amount_max")
    if low and high and low > high:
        problems.append((_("“From” is above “up to”."), "amount_max", "range"))


def _contacts(row: SourceRow, raw: dict, problems: list) -> None:
    row.data["phone"] = raw.get("phone", "").strip()[:40]
    website = raw.get("website", "").strip()
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            problems.append(
                (_("“%(value)s” is not a web address.") % {"value": website}, "website", "url")
            )
    row.data["website"] = website
    try:
        row.data["valid_until"] = _date(raw.get("valid_until", ""))
    except ValueError as error:
        problems.append(
            (
                _("“%(value)s” is not a date: write 2027-12-31.") % {"value": error},
                "valid_until",
                "not_a_date",
            )
        )


def _texts(row: SourceRow, raw: dict, problems: list) -> None:
    row.texts = language_texts(raw, TEXT_FIELDS)
    for code, texts in row.texts.items():
        if not texts["name"]:
            problems.append(
                (
                    _("A name is needed in each language that has texts."),
                    f"name_{code}",
                    "missing_name",
                )
            )
    if not row.texts:
        problems.append((_("A name in one language at least is required."), "name_ar", "no_name"))


def funding_row_check(raw: dict) -> tuple[SourceRow, list[RowProblem]]:
    number = raw.get("_row", 0)
    row = SourceRow(number=number, key=slugify(raw.get("key", "")))
    problems: list = []
    if not row.key:
        problems.append(
            (_("Each source needs a key (letters, digits and dashes)."), "key", "missing_key")
        )
    _codes(row, raw, problems)
    _numbers(row, raw, problems)
    _contacts(row, raw, problems)
    _texts(row, raw, problems)
    return row, [RowProblem(number, column, message, code) for message, column, code in problems]


def funding_rows_check(rows: list[dict]) -> tuple[list[SourceRow], list[RowProblem]]:
    """Every row checked: the sources to save and what is wrong (row, column, why)."""
    return keyed_rows_check(rows, funding_row_check)


def _source_save(row: SourceRow, *, is_demo: bool) -> FundingSource:
    source = FundingSource.objects.filter(key=row.key).first() or FundingSource(key=row.key)
    for name, value in row.data.items():
        setattr(source, name, value)
    source.is_demo = is_demo
    for code, texts in row.texts.items():
        source.set_current_language(code)
        for name, text in texts.items():
            setattr(source, name, text)
    source.save()
    source.translations.exclude(language_code__in=list(row.texts)).delete()
    return source


@transaction.atomic
def funding_sources_import(*, rows: list[dict], is_demo: bool = False) -> list[FundingSource]:
    """Create or update (by key) every source of ``rows``, or none of them."""
    checked, problems = funding_rows_check(rows)
    if problems:
        raise ImportRejectedError(problems)
    return [_source_save(row, is_demo=is_demo) for row in checked]
