"""Keeping the stored keys of the register's names in step with the names (``NameKey`` rows).

- ``name_keys_update(cooperative=...)`` after a cooperative is created or its names change:
  ``Cooperative.save()`` calls it through a one-line ``post_save`` receiver (``receivers.py``),
  so the admin, the founding file and anything that saves a cooperative keep the keys right.
- ``name_keys_rebuild(cooperative_ids=...)`` after writes that skip ``save()``: ``bulk_create``,
  ``QuerySet.update()`` (the register's import, the national generator). Without ids it rebuilds
  every name, in batches (``manage.py name_keys_rebuild``).
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import transaction

from .forms import name_forms
from .normalise import UnreadableNameError

FIELDS = ("name_ar", "name_latin", "name_tfng")


def name_key_values(names: dict[str, str]) -> Iterator[dict]:
    """The field values of the keys of one cooperative's names (``{"name_ar": ..., ...}``)."""
    for field in FIELDS:
        name = (names.get(field) or "").strip()
        if not name:
            continue
        try:
            forms = name_forms(name)
        except UnreadableNameError:  # a name in another script: kept, compared as typed
            forms = None
        exact = forms.exact if forms else name.casefold()
        joined = forms.latin_joined if forms else ""
        yield {
            "field": field,
            "name": name[:200],
            "script": forms.script if forms else "",
            "exact": exact[:200],
            "words_sorted": " ".join(sorted(exact.split()))[:200],
            "latin": forms.latin[:400] if forms else "",
            "joined": joined[:400],
            "tail": joined[::-1][:400],
            "sound": forms.sound[:400] if forms else "",
            "length": len(joined),
        }


def name_keys_update(*, cooperative) -> None:
    """Write the keys of ``cooperative``'s names, unless they are already those of its names."""
    from ..models import NameKey

    wanted = {field: getattr(cooperative, field) for field in FIELDS}
    stored = dict(NameKey.objects.filter(cooperative=cooperative).values_list("field", "name"))
    if stored == {field: name.strip()[:200] for field, name in wanted.items() if name.strip()}:
        return
    with transaction.atomic():
        NameKey.objects.filter(cooperative=cooperative).delete()
        NameKey.objects.bulk_create(
            NameKey(cooperative=cooperative, **values) for values in name_key_values(wanted)
        )


def _batches(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while batch := list(islice(iterator, size)):
        yield batch


def name_keys_rebuild(
    *, cooperative_ids: Iterable[int] | None = None, batch_size: int = 2000
) -> int:
    """Rewrite the keys of the given cooperatives (all when None); the number of keys written."""
    from ..models import Cooperative, NameKey

    if cooperative_ids is None:
        cooperative_ids = Cooperative.objects.order_by("pk").values_list("pk", flat=True).iterator()
    written = 0
    for batch in _batches(cooperative_ids, batch_size):
        rows = Cooperative.objects.filter(pk__in=batch).values("pk", *FIELDS)
        keys = [
            NameKey(cooperative_id=row["pk"], **values)
            for row in rows
            for values in name_key_values(row)
        ]
        with transaction.atomic():
            NameKey.objects.filter(cooperative_id__in=batch).delete()
            NameKey.objects.bulk_create(keys, batch_size=1000)
        written += len(keys)
    return written
