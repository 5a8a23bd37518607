"""Reading the geography: units by code, parents and children, choices for forms."""

from django.db.models import QuerySet

from core.models import Commune, Province, Region

# The region codes stored before the geography existed (core.regions.Region, "01".."12") are
# HCP's own region codes, so they carry over unchanged: each old code names the same region.
LEGACY_REGION_CODES = {code: code for code in (f"{n:02d}" for n in range(1, 13))}


def regions() -> QuerySet[Region]:
    return Region.objects.all()


def provinces(*, region: str = "") -> QuerySet[Province]:
    units = Province.objects.all()
    return units.filter(region_id=region) if region else units


def communes(*, province: str = "") -> QuerySet[Commune]:
    units = Commune.objects.all()
    return units.filter(province_id=province) if province else units


def region_code_from_legacy(code: str) -> str:
    """The geography's code for a region code stored before it existed ("" if unknown)."""
    return LEGACY_REGION_CODES.get(code, "")


def unit(code: str) -> Region | Province | Commune | None:
    """The region, province or commune with this HCP code."""
    model = {2: Region, 6: Province}.get(len(code))
    if model is None:
        return (
            Commune.objects.filter(code=code).first() or Province.objects.filter(code=code).first()
        )
    return model.objects.filter(code=code).first()


def choices(units) -> list[tuple[str, str]]:
    """(code, name) pairs in the reader's language, sorted by name."""
    return sorted(((unit.code, unit.name) for unit in units), key=lambda pair: pair[1])
