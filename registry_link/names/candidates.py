"""Which of the register's names to compare closely: a few hundred at most, each found by a
b-tree index, the same way on PostgreSQL and SQLite, in one query (plain SQL: building it with
the ORM cost more than running it).

- the same ``exact`` words in the same script, the same words in any order (``words_sorted``),
  or the same phonetic key (``sound``, nearest in length first);
- names a few letters apart (``close_spelling``): a name within *k* edits of the proposed one
  (k = 1 from 5 letters, 2 from 9, 3 from 15) has a length within *k* of it and keeps at least
  one of *k + 1* pieces of it untouched. The first and the last piece are looked up by prefix
  (``joined``, and ``tail``, the name written backwards): exact for one edit (every typo),
  and for more edits whenever the first or the last piece is untouched.

PostgreSQL's trigram index (``pg_trgm``) was measured for this step and left out: words shared by
thousands of names ("ait", "amal") made one lookup read tens of thousands of index entries
(0.2–0.7 s on this machine, docs/decisions/0031), where the prefix lookups take milliseconds.
"""

from dataclasses import dataclass

from django.db import connection

from .compare import allowed_edits
from .forms import NameForms

MAX_EQUAL = 300
MAX_NEAR = 200
FIELDS = ("id", "cooperative_id", "name", "script", "exact", "latin", "sound")


@dataclass(frozen=True)
class Candidate:
    id: int
    cooperative_id: int
    name: str
    script: str
    exact: str
    latin: str
    sound: str


def sorted_words(exact: str) -> str:
    return " ".join(sorted(exact.split()))


COLUMNS = ", ".join(FIELDS)
TABLE = "registry_link_namekey"
PART = (
    "SELECT * FROM (SELECT {columns} FROM {table} WHERE ({where}){exclude}"
    " ORDER BY abs(length - %s), id LIMIT {limit}) AS {alias}"
)


def _part(where: str, params: list, *, size: int, limit: int, alias: str, exclude_id) -> tuple:
    exclude = " AND cooperative_id <> %s" if exclude_id else ""
    sql = PART.format(
        columns=COLUMNS, table=TABLE, where=where, exclude=exclude, limit=limit, alias=alias
    )
    return sql, [*params, *([exclude_id] if exclude_id else []), size]


def _equal(forms: NameForms, size: int, exclude_id: int | None) -> tuple[str, list]:
    where = "(exact = %s AND script = %s) OR words_sorted = %s"
    params = [forms.exact, forms.script, sorted_words(forms.exact)]
    if forms.sound:
        where, params = where + " OR sound = %s", [*params, forms.sound]
    return _part(where, params, size=size, limit=MAX_EQUAL, alias="equal", exclude_id=exclude_id)


def _starting(column: str, prefix: str) -> tuple[str, list]:
    """``column`` starts with ``prefix`` (letters and digits only), served by an index: LIKE on
    PostgreSQL (its ``varchar_pattern_ops`` index), a range on SQLite (bytewise order)."""
    if connection.vendor == "postgresql":
        return f"{column} LIKE %s", [prefix + "%"]
    return f"({column} >= %s AND {column} < %s)", [prefix, prefix + "~"]


def _near(forms: NameForms, size: int, exclude_id: int | None) -> tuple[str, list] | None:
    edits = allowed_edits(size)
    if not edits:
        return None
    joined = forms.latin_joined
    piece = max(3, -(-size // (edits + 1)))
    head, head_params = _starting("joined", joined[:piece])
    tail, tail_params = _starting("tail", joined[::-1][:piece])
    where = f"({head} OR {tail}) AND length BETWEEN %s AND %s"
    params = [*head_params, *tail_params, size - edits, size + edits]
    return _part(where, params, size=size, limit=MAX_NEAR, alias="near", exclude_id=exclude_id)


def candidates(forms: NameForms, *, exclude_id: int | None = None) -> list[Candidate]:
    """The register's names worth comparing with ``forms``, each once."""
    if not forms.exact:
        return []
    size = len(forms.latin_joined)
    parts = [_equal(forms, size, exclude_id), _near(forms, size, exclude_id)]
    parts = [part for part in parts if part]
    sql = " UNION ALL ".join(part[0] for part in parts)
    with connection.cursor() as cursor:  # one query: the lookups above, each by its index
        cursor.execute(sql, [param for part in parts for param in part[1]])
        rows = cursor.fetchall()
    found: dict[int, Candidate] = {}
    for row in rows:
        found.setdefault(row[0], Candidate(*row))
    return list(found.values())
