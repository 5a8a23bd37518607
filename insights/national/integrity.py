"""Bulk writing without row-by-row foreign-key triggers, then every key checked in one query.

PostgreSQL checks a foreign key with a trigger per row; Django makes them deferred, so millions
of checks pile up until the commit. As a superuser (the benchmark's server) the generator turns
the triggers off for its transaction (``session_replication_role = replica``) and checks each
foreign key of the tables it wrote with one anti-join instead; any dangling key rolls it all back.
Without the right to do so, the triggers stay on and the commit checks every row.
"""

from contextlib import contextmanager

from django.db import transaction

from .sql import execute, scalar

_KEYS = """SELECT c.conname, c.conrelid::regclass::text, a.attname,
       c.confrelid::regclass::text, f.attname
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
  AND (c.conrelid::regclass::text = ANY(%s) OR c.confrelid::regclass::text = ANY(%s))"""


class DanglingKeyError(RuntimeError):
    pass


def _keys(tables: list[str]) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(_KEYS, [tables, tables])
        return cursor.fetchall()


def foreign_keys_check(tables: list[str]) -> int:
    """Check every single-column foreign key from or to ``tables``; returns how many."""
    keys = _keys(tables)
    for name, child, column, parent, target in keys:
        dangling = scalar(
            f'SELECT count(*) FROM {child} x WHERE x."{column}" IS NOT NULL '  # noqa: S608
            f'AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p."{target}" = x."{column}")'
        )
        if dangling:
            raise DanglingKeyError(f"{name}: {dangling} rows of {child} point nowhere")
    return len(keys)


def _may_skip_triggers() -> bool:
    return bool(scalar("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))


@contextmanager
def bulk_writes(tables: list[str]):
    """A transaction for bulk writes to ``tables``: keys checked at the end, in bulk when it may."""
    with transaction.atomic():
        bulk = _may_skip_triggers()
        if bulk:
            execute("SET LOCAL session_replication_role = replica")
        yield
        if bulk:
            execute("SET LOCAL session_replication_role = origin")
            foreign_keys_check(tables)
