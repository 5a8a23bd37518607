"""The test database as the session loaded it, kept in memory and put back after each
transactional test (PostgreSQL only).

A transactional test (live server, browser, real worker) commits, so Django empties every table
when it ends (a flush), and the next one had to load the geography and the demo academy again:
seconds each, for every such test of a run. Instead, the rows of every table are copied out once,
after the session's loaders ran, and copied back in place of the flush (TRUNCATE, then COPY FROM,
in one transaction): every transactional test starts from the state that the first one sees, and
that a test run alone sees — the migrations' rows (groups, locales, the root page) included.

Sequences are left where they are, as the flush leaves them: the restored rows keep their ids
(all below each sequence's value), and the ids handed out afterwards stay unique in the session,
so nothing keyed by an id (a cached figure, a file name) meets the same id for other data.

SQLite keeps Django's flush; the fixtures load what a test needs, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import TransactionTestCase


@dataclass(frozen=True)
class Snapshot:
    alias: str
    rows: dict[str, bytes]  # table -> its rows in COPY's binary format (tables with rows only)


_taken: list[Snapshot] = []  # the session's snapshot, once taken


def _tables(connection) -> list[str]:
    """The tables a flush empties: every model's, not django_migrations."""
    return sorted(connection.introspection.django_table_names(only_existing=True))


def take(alias: str = DEFAULT_DB_ALIAS) -> Snapshot | None:
    """Copy out every table's rows; None where the database is not PostgreSQL."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return None
    quote, rows = connection.ops.quote_name, {}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for table in _tables(connection):
            with raw.copy(f"COPY {quote(table)} TO STDOUT (FORMAT BINARY)") as copy:
                data = b"".join(bytes(chunk) for chunk in copy)
            if raw.rowcount:
                rows[table] = data
    snapshot = Snapshot(alias=alias, rows=rows)
    _taken[:] = [snapshot]
    return snapshot


def taken() -> bool:
    """Whether each transactional test starts from the snapshot (so nothing need be loaded)."""
    return bool(_taken)


def restore(snapshot: Snapshot) -> None:
    """Every table as it was when the snapshot was taken (foreign keys checked at commit)."""
    connection = connections[snapshot.alias]
    quote = connection.ops.quote_name
    with transaction.atomic(using=snapshot.alias), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("TRUNCATE " + ", ".join(quote(t) for t in _tables(connection)))
        raw = cursor.cursor
        for table, data in snapshot.rows.items():
            with raw.copy(f"COPY {quote(table)} FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(data)
    _forget_cached_rows()


def _forget_cached_rows() -> None:
    """What a flush followed by the loaders would have cleared: the content types this process
    keeps (post_migrate clears them) and the site's root paths in the cache (saving a Site
    clears them)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Site

    ContentType.objects.clear_cache()
    Site.clear_site_root_paths_cache()


@contextmanager
def restoring_after_transactional_tests(snapshot: Snapshot) -> Iterator[None]:
    """While active, a transactional test ends by restoring the snapshot instead of a flush,
    where it uses only the snapshot's database and no option that changes the flush."""
    flush = TransactionTestCase._fixture_teardown

    def teardown(test_case: TransactionTestCase) -> None:
        plain = test_case.available_apps is None and not test_case.serialized_rollback
        if not plain or test_case._databases_names(include_mirrors=False) != [snapshot.alias]:
            flush(test_case)
            return
        restore(snapshot)

    with mock.patch.object(TransactionTestCase, "_fixture_teardown", teardown):
        try:
            yield
        finally:
            _taken.clear()
