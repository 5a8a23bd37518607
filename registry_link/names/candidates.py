"""Which of the register's names to compare closely: a few hundred at most, each found by a
b-tree index, the same way on PostgreSQL and SQLite.

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
from django.db.models import F, Q
from django.db.models.functions import Abs

from ..models import NameKey
from .compare import allowed_edits
from .forms import NameForms

MAX_EQUAL = 300
MAX_NEAR = 300
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


def _keys(exclude_id: int | None):
    keys = NameKey.objects.all()
    return keys.exclude(cooperative_id=exclude_id) if exclude_id else keys


def _nearest(keys, size: int, limit: int) -> list[Candidate]:
    nearest = keys.order_by(Abs(F("length") - size), "id").values_list(*FIELDS)[:limit]
    return [Candidate(*row) for row in nearest]


def _equal(forms: NameForms, exclude_id: int | None) -> list[Candidate]:
    same = Q(exact=forms.exact, script=forms.script) | Q(words_sorted=sorted_words(forms.exact))
    if forms.sound:
        same |= Q(sound=forms.sound)
    return _nearest(_keys(exclude_id).filter(same), len(forms.latin_joined), MAX_EQUAL)


def _starting(field: str, prefix: str) -> Q:
    """``field`` starts with ``prefix`` (letters and digits only), served by an index: LIKE on
    PostgreSQL (its ``varchar_pattern_ops`` index), a range on SQLite (bytewise order)."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__startswith": prefix})
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "~"})


def _near(forms: NameForms, exclude_id: int | None) -> list[Candidate]:
    joined = forms.latin_joined
    size = len(joined)
    edits = allowed_edits(size)
    if not edits:
        return []
    piece = max(3, -(-size // (edits + 1)))
    pieces = _starting("joined", joined[:piece]) | _starting("tail", joined[::-1][:piece])
    keys = _keys(exclude_id).filter(pieces, length__range=(size - edits, size + edits))
    return _nearest(keys, size, MAX_NEAR)


def candidates(forms: NameForms, *, exclude_id: int | None = None) -> list[Candidate]:
    """The register's names worth comparing with ``forms``, each once."""
    if not forms.exact:
        return []
    found = {candidate.id: candidate for candidate in _equal(forms, exclude_id)}
    for candidate in _near(forms, exclude_id):
        found.setdefault(candidate.id, candidate)
    return list(found.values())
