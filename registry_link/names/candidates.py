"""Which of the register's names to compare closely: a few hundred at most, found by index.

1. Equal keys: the same ``exact`` words in the same script, or the same phonetic key (nearest
   in length first) — b-tree indexes, on every database.
2. Near names: on PostgreSQL, ``pg_trgm``'s similarity operator on the folded Latin key, served
   by the trigram (GIN) index, best first. On SQLite, which has no such index, the names of a
   close length are read and ranked by ``rapidfuzz`` (``token_sort_ratio``) — slower, and fine
   for the embedded default.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Abs
from rapidfuzz import fuzz, process

from ..models import NameKey
from .forms import NameForms

MAX_EQUAL = 300
MAX_NEAR = 60
NEAR_SCORE = 70
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


def _keys(exclude_id: int | None):
    keys = NameKey.objects.all()
    return keys.exclude(cooperative_id=exclude_id) if exclude_id else keys


def _equal(forms: NameForms, exclude_id: int | None) -> list[Candidate]:
    same = _keys(exclude_id).filter(exact=forms.exact, script=forms.script)
    rows = list(same.values_list(*FIELDS)[:MAX_EQUAL])
    if forms.sound:
        sounding = _keys(exclude_id).filter(sound=forms.sound).exclude(Q(exact=forms.exact))
        nearest = sounding.order_by(Abs(F("length") - len(forms.latin_joined)), "id")
        rows += nearest.values_list(*FIELDS)[:MAX_EQUAL]
    return [Candidate(*row) for row in rows]


TRIGRAM_SQL = (
    "SELECT id, cooperative_id, name, script, exact, latin, sound"
    " FROM registry_link_namekey WHERE latin %% %s {exclude}"
    " ORDER BY similarity(latin, %s) DESC, id LIMIT %s"
)


def _near_trigram(forms: NameForms, exclude_id: int | None) -> list[Candidate]:
    params: list = [forms.latin]
    exclude = ""
    if exclude_id:
        exclude, params = "AND cooperative_id <> %s", [*params, exclude_id]
    with connection.cursor() as cursor:
        cursor.execute(TRIGRAM_SQL.format(exclude=exclude), [*params, forms.latin, MAX_NEAR])
        return [Candidate(*row) for row in cursor.fetchall()]


def _near_scan(forms: NameForms, exclude_id: int | None) -> list[Candidate]:
    size = len(forms.latin_joined)
    rows = _keys(exclude_id).filter(length__range=(size - 3, size + 3)).values_list("id", "latin")
    found = process.extract(
        forms.latin,
        dict(rows),
        scorer=fuzz.token_sort_ratio,
        score_cutoff=NEAR_SCORE,
        limit=MAX_NEAR,
    )
    ids = [key for _latin, _score, key in found]
    return [Candidate(*row) for row in NameKey.objects.filter(id__in=ids).values_list(*FIELDS)]


def candidates(
    forms: NameForms, *, exclude_id: int | None = None, trigrams: bool | None = None
) -> list[Candidate]:
    """The register's names worth comparing with ``forms`` (``trigrams``: None picks by
    database; False forces the scan that SQLite uses)."""
    if not forms.latin and not forms.exact:
        return []
    found = {candidate.id: candidate for candidate in _equal(forms, exclude_id)}
    if forms.latin:
        use_trigrams = connection.vendor == "postgresql" if trigrams is None else trigrams
        for candidate in (_near_trigram if use_trigrams else _near_scan)(forms, exclude_id):
            found.setdefault(candidate.id, candidate)
    return list(found.values())
