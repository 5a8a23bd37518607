"""Demo registers: a few hundred cooperatives for ``make run``, the national scale for benchmarks.

Both are made-up (``is_demo``), built from :mod:`registry_link.demo_words` and real communes of
the geography (a cooperative's commune, province and region always agree; its court is a court of
first instance of its region, the same for every cooperative of a province).

- :func:`demo_register_load` goes through the import's check and save (``imports``), so the demo
  also shows the history; it is idempotent (a fixed seed gives the same rows every time).
- :func:`register_generate` writes ``count`` cooperatives in batches with ``bulk_create`` (no
  history: it is a benchmark's data set) with numbers starting with ``G``, which
  :func:`register_generated_remove` removes again. Member counts follow DOMAIN.md's national
  figures roughly (12 members per cooperative, 34.5% women, 2.3% youth, 13% women's
  cooperatives, >94% of argan ones).
"""

import datetime
import math
import random
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Sum

from core.models import Commune
from core.spreadsheets import simplified

from . import imports
from .choices import Kind, Status
from .demo_words import (
    COOPERATIVE_TFNG,
    COURTS,
    FIRST_NAMES,
    LAST_NAMES,
    REGION_WEIGHTS,
    ROLES,
    SECTORS,
    UNION_TFNG,
    WORDS,
    tifinagh,
)
from .imports import register_rows_save
from .models import Cooperative, Membership, NameKey

DEMO_COUNT = 400
NATIONAL_COUNT = 65_315
GENERATED_PREFIX = "G"
UNION_SHARE = 0.005
WOMEN_SHARE_MIXED = 0.247  # women in cooperatives that are not women's ones → 34.5% in all
YOUTH_SHARE = 0.023
MEMBERS_MU, MEMBERS_SIGMA = 1.63, 0.9  # 5 + lognormal: about 12 members on average
BATCH = 5000


@dataclass(frozen=True)
class Place:
    region: str
    province: str
    commune: str
    name_ar: str
    name_fr: str
    court: str


def places() -> dict[str, list[Place]]:
    """Every commune by region code, with the court that registers its cooperatives."""
    by_region: dict[str, list[Place]] = {code: [] for code in COURTS}
    for commune in Commune.objects.select_related("province").order_by("code"):
        region = commune.province.region_id
        by_region[region].append(
            Place(
                region=region,
                province=commune.province_id,
                commune=commune.code,
                name_ar=commune.name_ar,
                name_fr=commune.name_fr,
                court=_court(region, commune.province),
            )
        )
    return by_region


def _court(region: str, province) -> str:
    """The court named like the province if there is one, else one chosen by its code."""
    name = simplified(province.name_fr)
    for court in COURTS[region]:
        if simplified(court) in name:
            return court
    digits = int("".join(ch for ch in province.code if ch.isdigit()) or 0)
    return COURTS[region][digits % len(COURTS[region])]


class RegisterMaker:
    """Made-up cooperatives, the same ones for the same seed."""

    def __init__(self, *, seed: int, prefix: str = ""):
        self.rng = random.Random(seed)  # noqa: S311 - made-up data, not secrets
        self.places = places()
        self.prefix = prefix
        self.numbers: dict[str, int] = {}
        self.regions = list(REGION_WEIGHTS)
        self.region_weights = list(REGION_WEIGHTS.values())
        self.sectors = list(SECTORS)
        self.sector_weights = [SECTORS[sector][0] for sector in self.sectors]

    def _number(self, court: str, year: int) -> str:
        self.numbers[court] = self.numbers.get(court, 0) + 1
        return f"{self.prefix}{self.numbers[court]}/{year}"

    def _names(self, kind: str, sector: str, place: Place) -> dict:
        rng = self.rng
        word_ar, word_latin, amazigh = rng.choice(WORDS)
        _weight, sector_ar, sector_fr, _object = SECTORS[sector]
        if kind == Kind.UNION:
            ar, fr = f"اتحاد تعاونيات {word_ar}", f"Union des coopératives {word_latin}"
            tfng = f"{UNION_TFNG} {tifinagh(word_latin)}"
        else:
            ar, fr = f"تعاونية {word_ar}", f"Coopérative {word_latin}"
            tfng = f"{COOPERATIVE_TFNG} {tifinagh(word_latin)}"
        if rng.random() < 0.5:  # "Coopérative agricole Al Amal", "Coopérative Tifawin d'huile…"
            ar = f"{ar} {sector_ar}"
            before = kind != Kind.UNION and not sector_fr.startswith("d")
            fr = f"Coopérative {sector_fr} {word_latin}" if before else f"{fr} {sector_fr}"
        if rng.random() < 0.6:
            ar, fr = f"{ar} {place.name_ar}", f"{fr} {place.name_fr}"
            tfng = f"{tfng} {tifinagh(place.name_fr)}"
        return {
            "name_ar": ar[:200],
            "name_latin": fr[:200],
            "name_tfng": tfng[:200] if amazigh or rng.random() < 0.1 else "",
        }

    def _members(self, sector: str) -> dict:
        rng = self.rng
        members = 5 + min(int(rng.lognormvariate(MEMBERS_MU, MEMBERS_SIGMA)), 1500)
        womens = rng.random() < (0.94 if sector == "argan" else 0.096)
        women = members if womens else sum(rng.random() < WOMEN_SHARE_MIXED for _ in range(members))
        youth = sum(rng.random() < YOUTH_SHARE for _ in range(members))
        share_value = rng.choice((100, 100, 100, 200, 500, 1000))
        capital = max(1000, members * rng.randint(1, 10) * share_value)
        return {
            "members_count": members,
            "women_count": women,
            "youth_count": youth,
            "share_value": share_value,
            "capital": capital,
        }

    def _managers(self) -> list[dict]:
        rng = self.rng
        return [
            {"name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", "role": role}
            for role in ROLES[: rng.randint(1, 3)]
        ]

    def fields(self, *, kind: str = Kind.COOPERATIVE, region: str = "", sector: str = "") -> dict:
        """One cooperative's field values (model field names)."""
        rng = self.rng
        region = region or rng.choices(self.regions, self.region_weights)[0]
        sector = sector or rng.choices(self.sectors, self.sector_weights)[0]
        place = rng.choice(self.places[region])
        year = max(1962, 2025 - int(rng.expovariate(1 / 8)))
        registered_on = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        status = rng.choices(Status.values, (93, 4, 3))[0]
        changed = registered_on + datetime.timedelta(days=rng.randint(400, 4000))
        return {
            "kind": kind,
            "sector": sector,
            "region_id": region,
            "province_id": place.province,
            "commune_id": place.commune,
            "address": f"{rng.choice(('Douar', 'Hay', 'Centre', 'Rue'))} {place.name_fr}",
            "court": place.court,
            "local_number": self._number(place.court, year),
            "registered_on": registered_on,
            "object": SECTORS[sector][3],
            "managers": self._managers(),
            "status": status,
            "status_changed_on": None if status == Status.ACTIVE else min(changed, _today()),
            **self._names(kind, sector, place),
            **self._members(sector),
        }


def _today() -> datetime.date:
    return datetime.date(2025, 11, 30)


def _as_row(fields: dict, union: dict | None) -> dict:
    """Field values → a row in the import's column layout (text)."""
    managers = "; ".join(f"{m['name']} ({m['role']})" for m in fields["managers"])
    names = {"members_count": "members", "women_count": "women", "youth_count": "youth"}
    row = {names.get(key, key.removesuffix("_id")): value for key, value in fields.items()}
    row.update(managers=managers, union_court="", union_number="")
    if union:
        row.update(union_court=union["court"], union_number=union["local_number"])
    return {key: "" if value is None else str(value) for key, value in row.items()}


def demo_register_load(*, count: int = DEMO_COUNT) -> int:
    """Create or update the demo register through the import (idempotent); returns how many."""
    maker = RegisterMaker(seed=2025, prefix="D")
    unions = [maker.fields(kind=Kind.UNION, region=code) for code in COURTS]
    rows = [_as_row(union, None) for union in unions]
    for index in range(count - len(unions)):
        region = maker.regions[index % len(maker.regions)]  # every region has some
        fields = maker.fields(region=region)
        union = next((u for u in unions if u["region_id"] == region), None)
        member = union if union and maker.rng.random() < 0.1 else None
        rows.append(_as_row(fields, member))
    numbered = [{"_row": index + 2, **row} for index, row in enumerate(rows)]
    register_rows_save(rows=numbered, reason="demo", demo=True)
    return len(rows)


DEMO_ADMIN, DEMO_LEADER, DEMO_LEARNER = "+212600000001", "+212600000004", "+212600000005"


def demo_accounts_link() -> Cooperative | None:
    """The demo leader leads a demo cooperative of Souss-Massa and the demo learner is one of its
    members, so that "My cooperative" shows something after ``make run`` (idempotent)."""
    from django.contrib.auth import get_user_model

    from .choices import LinkSource, LinkStatus, Role
    from .membership.services import leader_appoint

    users = get_user_model().objects.in_bulk(
        [DEMO_ADMIN, DEMO_LEADER, DEMO_LEARNER], field_name="phone_number"
    )
    cooperative = (
        Cooperative.objects.active()
        .filter(is_demo=True, kind=Kind.COOPERATIVE, region_id="09", local_number__startswith="D")
        .order_by("court", "local_number")
        .first()
    )
    if cooperative is None or len(users) < 3:
        return None
    leader_appoint(cooperative=cooperative, user=users[DEMO_LEADER], appointed_by=users[DEMO_ADMIN])
    Membership.objects.update_or_create(
        cooperative=cooperative,
        user=users[DEMO_LEARNER],
        defaults={"role": Role.MEMBER, "status": LinkStatus.CONFIRMED, "source": LinkSource.CLAIM},
    )
    return cooperative


def register_generate(*, count: int = NATIONAL_COUNT, seed: int = 65315, out=None) -> dict:
    """Write ``count`` made-up cooperatives (numbers ``G…``, replacing earlier ones); figures."""
    started = time.monotonic()
    register_generated_remove()
    maker = RegisterMaker(seed=seed, prefix=GENERATED_PREFIX)
    union_count = max(1, math.ceil(count * UNION_SHARE))
    with transaction.atomic():
        unions = [
            Cooperative(is_demo=True, **maker.fields(kind=Kind.UNION)) for _ in range(union_count)
        ]
        Cooperative.objects.bulk_create(unions, batch_size=BATCH)
        by_region: dict[str, list[Cooperative]] = {}
        for union in unions:
            by_region.setdefault(union.region_id, []).append(union)
        imports._after_save(unions)
        made = union_count
        while made < count:
            batch = []
            for _ in range(min(BATCH, count - made)):
                fields = maker.fields()
                nearby = by_region.get(fields["region_id"])
                if nearby and maker.rng.random() < 0.15:
                    fields["union_id"] = maker.rng.choice(nearby).pk
                batch.append(Cooperative(is_demo=True, **fields))
            Cooperative.objects.bulk_create(batch, batch_size=BATCH)
            imports._after_save(batch)
            made += len(batch)
            if out:
                out(f"{made} / {count}")
    return {**_figures(), "seconds": round(time.monotonic() - started, 1)}


def _generated():
    return Cooperative.objects.filter(is_demo=True, local_number__startswith=GENERATED_PREFIX)


def _figures() -> dict:
    return _generated().aggregate(
        cooperatives=Count("pk"),
        members=Sum("members_count"),
        women=Sum("women_count"),
        youth=Sum("youth_count"),
    )


def register_generated_remove() -> int:
    """Remove the generated register (and its memberships); returns how many went."""
    generated = _generated()
    with transaction.atomic():
        Cooperative.objects.filter(union__in=generated).update(union=None)
        Membership.objects.filter(cooperative__in=generated).delete()
        NameKey.objects.filter(cooperative__in=generated).delete()
        Cooperative.history.filter(is_demo=True, local_number__startswith=GENERATED_PREFIX).delete()
        return generated._raw_delete(generated.db)
