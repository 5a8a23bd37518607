"""Importing the register from a spreadsheet (CSV/XLSX): every row checked, all or nothing.

A file is read through ``core.spreadsheets`` (the guarded reader), checked by
:mod:`registry_link.register_rows`, then saved in one transaction: a row whose court and local
number are already in the register updates that cooperative, any other row adds one. Each
creation or change is kept in the history with who made it; a row that changes nothing leaves no
trace. Files above ``BACKGROUND_FROM_ROWS`` rows are imported by a worker (``core.imports``).
The register's API goes through the same check and the same save (:mod:`registry_link.sync`).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core import imports as core_imports
from core.spreadsheets import Limits, table_read
from core.spreadsheets.rows import (
    RowsRejectedError,
    header_title,
    problems_report,
    table_rows,
)

from .choices import Kind
from .models import Cooperative
from .register_rows import COLUMNS, REQUIRED_COLUMNS, RegisterRow, rows_check

JOB_KIND = "register"
MAX_ROWS = 30_000
MAX_BYTES = 8 * 1024 * 1024
BACKGROUND_FROM_ROWS = 300
BATCH = 500
REASON_LENGTH = 100  # simple-history's change reason column
LOCK_KEY = 0x5245_4749  # "REGI": the advisory lock of register writes
LIMITS = Limits(max_rows=MAX_ROWS, max_bytes=MAX_BYTES, max_columns=len(COLUMNS) + 20)
SAVED_FIELDS = (
    "kind", "name_ar", "name_latin", "name_tfng", "sector", "address", "region_id",
    "province_id", "commune_id", "registered_on", "object", "capital", "share_value",
    "members_count", "women_count", "youth_count", "managers", "status", "status_changed_on",
)  # fmt: skip


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def counts(self) -> dict:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": self.unchanged,
        }


# Reading ---------------------------------------------------------------------------------


def rows_read(*, name: str, data: bytes) -> list[dict]:
    """The rows of a CSV or XLSX file as column → text (blank rows skipped, ``_row`` added)."""
    table = table_read(name=name, data=data, limits=LIMITS)
    rows = table_rows(table)
    titles = {header_title(title) for title in table[0]} if table else set()
    missing = [column for column in REQUIRED_COLUMNS if column not in titles]
    if missing:
        raise ValidationError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)},
            code="missing_columns",
        )
    return rows


def rows_preview(*, rows: list[dict]) -> tuple[list[RegisterRow], list]:
    """The rows checked, each with what importing it would do ("new", "update" or "same")."""
    checked, problems = rows_check(rows)
    existing = _existing([row.key for row in checked])
    for row in checked:
        cooperative = existing.get(row.key)
        if cooperative is None:
            row.action = "new"
        else:
            row.action = "update" if _apply(cooperative, row, union_id=None) else "same"
    return checked, problems


# Saving ----------------------------------------------------------------------------------


def _existing(keys: list[tuple[str, str]]) -> dict[tuple[str, str], Cooperative]:
    """The cooperatives already in the register with these (court, number) keys."""
    wanted, found = set(keys), {}
    courts = {court for court, _number in wanted}
    for start in range(0, len(keys), 5000):
        numbers = {number for _court, number in keys[start : start + 5000]}
        for cooperative in Cooperative.objects.filter(court__in=courts, local_number__in=numbers):
            key = (cooperative.court, cooperative.local_number)
            if key in wanted:
                found[key] = cooperative
    return found


def _apply(cooperative: Cooperative, row: RegisterRow, *, union_id) -> list[str]:
    """Write the row's fields on ``cooperative``; the names of the fields that changed.

    ``union_id`` None compares the union by key instead (the preview: new unions have no id)."""
    changed = []
    for name in SAVED_FIELDS:
        if getattr(cooperative, name) != row.data[name]:
            setattr(cooperative, name, row.data[name])
            changed.append(name)
    by_key = union_id is None and row.union_key is not None
    if not by_key and cooperative.union_id != union_id:
        cooperative.union_id = union_id
        changed.append("union_id")
    return changed


def _union_ids(rows: list[RegisterRow], saved: dict) -> dict:
    keys = {row.union_key for row in rows if row.union_key} - set(saved)
    ids = {key: cooperative.pk for key, cooperative in saved.items()}
    for key, cooperative in _existing(list(keys)).items():
        ids[key] = cooperative.pk
    return ids


def _save_group(rows, existing, union_ids, result, *, user, reason, demo=False) -> dict:
    """Create or update ``rows``, with their history; the saved ones by key.

    New rows are inserted in batches; a changed row is one UPDATE of its changed fields (Django's
    ``bulk_update`` builds a CASE per field and row, far slower), its history in batches."""
    new, changed, saved, now = [], [], {}, timezone.now()
    for row in rows:
        cooperative = existing.get(row.key) or Cooperative(
            court=row.court, local_number=row.local_number, is_demo=demo
        )
        union_id = union_ids.get(row.union_key) if row.union_key else None
        fields = _apply(cooperative, row, union_id=union_id)
        if cooperative.pk is None:
            new.append(cooperative)
        elif fields:
            cooperative.updated_at = now
            values = {name: getattr(cooperative, name) for name in fields}
            Cooperative.objects.filter(pk=cooperative.pk).update(updated_at=now, **values)
            changed.append(cooperative)
        else:
            result.unchanged += 1
        saved[row.key] = cooperative
    history = {"default_user": user, "default_change_reason": reason, "batch_size": BATCH}
    if new:
        result.created += bulk_create_with_history(new, Cooperative, **history)
    if changed:
        Cooperative.history.bulk_history_create(changed, update=True, **history)
        result.updated += changed
    return saved


@transaction.atomic
def register_rows_save(
    *, rows: list[dict], user=None, reason: str = "", progress=None, demo: bool = False
):
    """Create or update (by court and local number) every row of ``rows``, or none of them.

    Raises ``RowsRejectedError`` with every problem when any row is wrong. ``progress(done)``
    (optional) is called between batches. Unions are saved first, so that a cooperative may
    name a union that comes later in the same file. ``demo`` marks the cooperatives it adds."""
    _register_lock()
    checked, problems = rows_check(rows)
    if problems:
        raise RowsRejectedError(problems)
    existing = _existing([row.key for row in checked])
    unions = [row for row in checked if row.data["kind"] == Kind.UNION]
    others = [row for row in checked if row.data["kind"] != Kind.UNION]
    result = ImportResult()
    options = {"user": user, "reason": str(reason)[:REASON_LENGTH], "demo": demo}
    saved = _save_group(unions, existing, {}, result, **options)
    union_ids = _union_ids(others, saved)
    for start in range(0, len(others), BATCH):
        batch = others[start : start + BATCH]
        _save_group(batch, existing, union_ids, result, **options)
        if progress is not None:
            progress(len(unions) + start + len(batch))
    _after_save(result.created + result.updated)
    return result


def _register_lock() -> None:
    """One writer of register rows at a time (until the transaction ends): two imports of the
    same new numbers would otherwise both try to create them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def _after_save(cooperatives: list[Cooperative]) -> None:
    """What must follow every write of register rows (import, API sync, generator, admin edit).

    The single place where the name check's precomputed keys are refreshed for writes that
    bypass ``save()`` (bulk creation, updates of the changed fields only).
    """
    from .names import name_keys_rebuild

    name_keys_rebuild(cooperative_ids=[cooperative.pk for cooperative in cooperatives])


# Background imports (core.imports) -------------------------------------------------------


def register_import_job_run(*, job, progress) -> dict:
    """The runner of a background register import (registered in ``apps.py``)."""
    try:
        rows = rows_read(name=job.file_name, data=bytes(job.data))
        result = register_rows_save(
            rows=rows,
            user=job.created_by,
            reason=_("Import of %(file)s") % {"file": job.file_name},
            progress=progress,
        )
    except ValidationError as error:
        raise core_imports.ImportRejectedError({"file_error": " ".join(error.messages)}) from None
    except RowsRejectedError as rejected:
        raise core_imports.ImportRejectedError(problems_report(rejected.problems)) from None
    return result.counts
