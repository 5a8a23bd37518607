"""The map of needs and potential: what a province's page shows, read in one place.

For a province: what the 2024 census says (``core.geography.census``, HCP, CC BY 4.0; figures as
published, only the age groups added up and counts summed), what the register says when one is
plugged in (``register_figures``), what staff recorded from the regional meetings
(``TerritoryNote``) and the ideas that fit (its region, its province, the sectors of its notes
first).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from wagtail.images import get_image_model

from core.geography import census
from core.geography import selectors as geography
from core.geography.maps import TerritoryMap, territory_map
from core.models import Province

from . import register_figures
from .choices import Sector
from .models import Idea, TerritoryNote
from .selectors import IdeaFilters, ideas_filtered

YOUTH_AGES = (15, 34)  # young people, as the statistics and funding sources count them
CARD_PICTURE = "fill-160x120"  # one rendition, prefetched with the ideas and notes
IDEAS_SHOWN = 12


def _language_labels() -> dict[str, str]:
    return {
        "darija": pgettext("language", "Darija"),
        "tachelhit": pgettext("language", "Tachelhit"),
        "tamazight": pgettext("language", "Central Atlas Tamazight"),
        "tarifit": pgettext("language", "Tarifit"),
        "hassania": pgettext("language", "Hassania"),
    }


def _sector_labels() -> dict[str, str]:
    return {
        "industry": pgettext("economic sector", "Industry"),
        "construction": pgettext("economic sector", "Construction"),
        "commerce": pgettext("economic sector", "Commerce"),
        "services": pgettext("economic sector", "Services"),
    }


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    value: float


@dataclass(frozen=True)
class CensusSummary:
    population: int
    women: int
    youth_share: float  # percent aged 15 to 34
    activity_women: float | None
    activity_men: float | None
    illiteracy_all: float | None
    illiteracy_women: float | None
    illiteracy_men: float | None
    languages: tuple[Share, ...]  # those the census finds used at all, most used first
    establishments: int | None
    by_sector: tuple[Share, ...]  # businesses by sector, most first


def census_summary(code: str) -> CensusSummary | None:
    """The census figures the page shows, as the package publishes them (None if it has none)."""
    found = census.figures(code)
    if found is None:
        return None
    languages, sectors = _language_labels(), _sector_labels()
    return CensusSummary(
        population=found.population,
        women=found.women.population,
        youth_share=found.share_aged(*YOUTH_AGES),
        activity_women=found.women.activity_rate,
        activity_men=found.men.activity_rate,
        illiteracy_all=found.by_sex["all"].illiteracy_rate,
        illiteracy_women=found.women.illiteracy_rate,
        illiteracy_men=found.men.illiteracy_rate,
        languages=tuple(
            Share(key=key, label=languages[key], value=share)
            for key, share in found.languages_spoken()
            if share  # published to one decimal: 0 is fewer than one in two thousand
        ),
        establishments=found.establishments,
        by_sector=tuple(
            Share(key=key, label=sectors[key], value=count)
            for key, count in sorted(found.by_sector.items(), key=lambda pair: -(pair[1] or 0))
            if count is not None
        ),
    )


def _sector_label(code: str) -> str:
    return str(Sector(code).label) if code in Sector.values else code


def register_summary(code: str) -> tuple[Share, ...] | None:
    """Registered cooperatives by sector, most first; None when no register is plugged in."""
    counts = register_figures.cooperatives_by_sector(province_code=code)
    if counts is None:
        return None
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return tuple(Share(key=key, label=_sector_label(key), value=count) for key, count in ordered)


def _pictures():
    images = get_image_model().objects.prefetch_renditions(CARD_PICTURE)
    return Prefetch("picture", queryset=images)


def notes_of(province_code: str) -> QuerySet[TerritoryNote]:
    return (
        TerritoryNote.objects.filter(province_id=province_code, is_published=True)
        .prefetch_related("translations", _pictures())
        .order_by("kind", "key")
    )


def ideas_for_province(province_code: str, sectors: list[str]) -> list[Idea]:
    """Published ideas of the province (its region, and the province when an idea names some),
    those of the sectors its notes name first; at most ``IDEAS_SHOWN``."""
    ideas = ideas_filtered(IdeaFilters(region=province_code[:2], province=province_code))
    ideas = list(ideas.prefetch_related(_pictures()))
    ideas.sort(key=lambda idea: (idea.sector not in sectors, idea.key))
    return ideas[:IDEAS_SHOWN]


@dataclass(frozen=True)
class ProvincePage:
    province: Province
    census: CensusSummary | None
    cooperatives: tuple[Share, ...] | None
    needs: tuple[TerritoryNote, ...]
    potentials: tuple[TerritoryNote, ...]
    ideas: tuple[Idea, ...]
    sectors: tuple[str, ...]  # the sectors named by its notes

    @property
    def has_demo_notes(self) -> bool:
        return any(note.is_demo for note in self.needs + self.potentials)


def province_page(code: str) -> ProvincePage | None:
    """Everything the province's page shows; None if no province has this code."""
    province = Province.objects.select_related("region").filter(code=code).first()
    if province is None:
        return None
    notes = list(notes_of(code))
    sectors = tuple(dict.fromkeys(note.sector for note in notes if note.sector))
    return ProvincePage(
        province=province,
        census=census_summary(code),
        cooperatives=register_summary(code),
        needs=tuple(note for note in notes if note.kind == TerritoryNote.Kind.NEED),
        potentials=tuple(note for note in notes if note.kind == TerritoryNote.Kind.POTENTIAL),
        ideas=tuple(ideas_for_province(code, list(sectors))),
        sectors=sectors,
    )


def notes_per_province(region: str = "") -> dict[str, int]:
    notes = TerritoryNote.objects.filter(is_published=True)
    if region:
        notes = notes.filter(province__region_id=region)
    return dict(notes.values_list("province_id").annotate(count=Count("pk")))


def notes_per_region() -> dict[str, int]:
    notes = TerritoryNote.objects.filter(is_published=True)
    return dict(notes.values_list("province__region_id").annotate(count=Count("pk")))


def _describe(name: str, count: float | None) -> str:
    count = int(count or 0)
    return ngettext(
        "%(name)s: %(count)s need or potential recorded",
        "%(name)s: %(count)s needs and potentials recorded",
        count,
    ) % {"name": name, "count": count}


def needs_map(region: str) -> TerritoryMap:
    """The regions (none chosen) or the chosen region's provinces, each linked to the next step:
    a region to its provinces, a province to its page."""
    if not region:
        return territory_map(
            level="region",
            values=notes_per_region(),
            url_for=lambda code: "?" + urlencode({"region": code}),
            title=_("Map of the 12 regions. Tap your region, then your province."),
            describe=_describe,
        )
    return territory_map(
        level="province",
        values=notes_per_province(region),
        url_for=lambda code: reverse("project_bank:territory", kwargs={"code": code}),
        title=_("Map of the provinces of the region. Tap your province to see what it needs."),
        describe=_describe,
        within=region,
    )


def provinces_of(region: str) -> list[tuple[str, str]]:
    """(code, name) of the region's provinces, by name: the list under the map."""
    return geography.choices(geography.provinces(region=region)) if region else []
