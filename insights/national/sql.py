"""Small helpers for the set-based inserts: seeded pseudo-random numbers and table names.

``rnd(expression, salt)`` is SQL for a number in [0, 1) drawn from an integer expression (a row
number) with PostgreSQL's ``hashint8extended``: the same seed gives the same data, whatever the
order or the parallelism of the query, which ``random()`` does not promise.
"""

from django.apps import apps
from django.db import connection

MASK = 1_073_741_823  # 2^30 - 1


def table(label: str) -> str:
    """The table of ``app_label.Model``, through the app registry (no import of other apps'
    models: the generator writes rows, it does not use the apps' code)."""
    return apps.get_model(label)._meta.db_table


def rnd(expression: str, salt: int, seed: int) -> str:
    """SQL for a pseudo-random float in [0, 1), fixed by ``expression``, ``salt`` and ``seed``."""
    key = int(seed) * 1000 + int(salt)
    return f"((hashint8extended(({expression})::bigint, {key}) & {MASK})::float8 / {MASK + 1})"


def pick(values: list[str], expression: str, salt: int, seed: int) -> str:
    """SQL choosing one of ``values`` (SQL literals) uniformly."""
    array = ", ".join(values)
    return f"(ARRAY[{array}])[1 + floor({rnd(expression, salt, seed)} * {len(values)})::int]"


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def execute(sql: str, params=None) -> int:
    """Run ``sql`` (always with parameters: a literal % is written %%)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params or ())
        return cursor.rowcount


def scalar(sql: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or ())
        row = cursor.fetchone()
        return row[0] if row else None


def ids_reserve(label: str, count: int) -> int:
    """Reserve ``count`` ids of ``label``'s identity column; returns the first one."""
    name = table(label)
    sequence = scalar("SELECT pg_get_serial_sequence(%s, 'id')", [name])
    first = scalar(f"SELECT greatest(coalesce(max(id), 0), 0) + 1 FROM {name}")  # noqa: S608
    execute("SELECT setval(%s, %s)", [sequence, first + max(count, 1) - 1])
    return first
