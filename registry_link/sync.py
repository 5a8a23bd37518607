"""Keeping the mirror up to date from the register's API, through the import's check.

Each page of changes is checked and saved like a spreadsheet (``imports.register_rows_save``):
all of a page or none of it. The marker where the last complete page ended is kept in
``RegisterSync.cursor_to``; the next synchronisation starts there. A page with problems, or a
register that does not answer well, stops the run and leaves the marker where it was, so that
nothing is skipped: staff read the report in the admin. One synchronisation at a time.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.spreadsheets.rows import RowsRejectedError, problems_report

from .client import RegisterClient, RegisterClientError, register_client
from .imports import register_rows_save
from .models import RegisterSync

logger = logging.getLogger(__name__)
REASON = "register API"


def sync_configured() -> bool:
    """Whether a register API is configured (the HTTP client needs its URL)."""
    return bool(settings.REGISTER_API.get("URL")) or not settings.REGISTER_CLIENT.endswith(
        ".HttpRegisterClient"
    )


def sync_cursor() -> str:
    """Where the next synchronisation starts: the end of the last complete page ("" at first)."""
    last = RegisterSync.objects.exclude(cursor_to="").order_by("-started_at").first()
    return last.cursor_to if last else ""


def register_sync(
    *, client: RegisterClient | None = None, user=None, user_id=None, cursor=None
) -> RegisterSync:
    """Fetch and apply the register's changes since the last synchronisation, page by page.

    Raises ``ImproperlyConfigured`` when no register API is configured (nothing is recorded)."""
    client = client or register_client()
    if user is None and user_id is not None:
        user = get_user_model().objects.filter(pk=user_id).first()
    start = sync_cursor() if cursor is None else cursor
    run = RegisterSync.objects.create(cursor_from=start, cursor_to=start, started_by=user)
    try:
        _pages(run, client, start, user)
    except RegisterClientError as error:
        run.state, run.error_code, run.report = (
            RegisterSync.State.FAILED,
            error.code,
            {"error": str(error)},
        )
    except RowsRejectedError as rejected:
        run.state, run.error_code = RegisterSync.State.REJECTED, "rows_rejected"
        run.report = problems_report(rejected.problems)
    else:
        run.state = RegisterSync.State.DONE
    run.finished_at = timezone.now()
    run.save()
    logger.info("Register sync %s: %s, %s pages", run.pk, run.state, run.pages)
    return run


def _pages(run: RegisterSync, client: RegisterClient, cursor: str, user) -> None:
    for _page in range(settings.REGISTER_API["MAX_PAGES"]):
        changes = client.changes_since(cursor=cursor)
        rows = [{"_row": index, **row} for index, row in enumerate(changes.rows, start=1)]
        with transaction.atomic():
            result = register_rows_save(rows=rows, user=user, reason=REASON) if rows else None
            run.pages += 1
            run.created += len(result.created) if result else 0
            run.updated += len(result.updated) if result else 0
            run.cursor_to = cursor = changes.cursor
            run.save(update_fields=["pages", "created", "updated", "cursor_to"])
        if not changes.more:
            return


def cooperative_refresh(
    *, court: str, local_number: str, client: RegisterClient | None = None, user=None
):
    """Ask the register for one cooperative and save what it says; None if it has none.

    Raises ``RegisterClientError`` (no answer) or ``RowsRejectedError`` (a row with problems)."""
    client = client or register_client()
    row = client.cooperative_get(court=court, local_number=local_number)
    if row is None:
        return None
    result = register_rows_save(rows=[{"_row": 1, **row}], user=user, reason=REASON)
    return [*result.created, *result.updated][0] if result.created or result.updated else None
