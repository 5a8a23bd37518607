"""Staff figures: interest in ideas (views, adoptions, founding groups) by idea, sector, region,
broken down by women and youth; the same table as CSV."""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.http import HttpResponse
from django.utils.translation import gettext as _

from core import spreadsheets
from core.regions import Region

from .choices import Sector
from .models import IdeaEvent, Project

# grouping → (field on IdeaEvent, field on Project)
GROUPINGS = {
    "idea": ("idea__key", "idea__key"),
    "sector": ("idea__sector", "idea__sector"),
    "region": ("region", "region"),
}
MEASURES = (
    "views",
    "views_women",
    "views_youth",
    "adoptions",
    "adoptions_women",
    "adoptions_youth",
)


@dataclass(frozen=True)
class InterestTable:
    by: str
    header: list[str]
    rows: list[list]


def _counts(field: str) -> dict[str, dict]:
    view, adopt = Q(kind=IdeaEvent.Kind.VIEW), Q(kind=IdeaEvent.Kind.ADOPT)
    rows = IdeaEvent.objects.values(group=F(field)).annotate(
        views=Count("pk", filter=view),
        views_women=Count("pk", filter=view & Q(is_woman=True)),
        views_youth=Count("pk", filter=view & Q(is_youth=True)),
        adoptions=Count("pk", filter=adopt),
        adoptions_women=Count("pk", filter=adopt & Q(is_woman=True)),
        adoptions_youth=Count("pk", filter=adopt & Q(is_youth=True)),
    )
    return {row["group"] or "": row for row in rows}


def _founding_groups(field: str) -> dict[str, int]:
    """Projects whose founders reach the number they need, per group."""
    projects = Project.objects.annotate(founders=Count("members")).filter(
        founders__gte=F("min_founders")
    )
    return {key or "": count for key, count in projects.values_list(field).annotate(n=Count("pk"))}


def _label(by: str, value: str) -> str:
    if by == "sector" and value in Sector.values:
        return str(Sector(value).label)
    if by == "region" and value in Region.values:
        return str(Region(value).label)
    return value or _("not given")


def interest_table(*, by: str = "idea") -> InterestTable:
    event_field, project_field = GROUPINGS[by]
    counts, founding = _counts(event_field), _founding_groups(project_field)
    groups = sorted(set(counts) | set(founding))
    header = [
        {"idea": _("Idea"), "sector": _("Sector"), "region": _("Region")}[by],
        _("Views"),
        _("Views by women"),
        _("Views by young people"),
        _("Adoptions"),
        _("Adoptions by women"),
        _("Adoptions by young people"),
        _("Founding groups complete"),
    ]
    rows = [
        [
            _label(by, group),
            *(counts.get(group, {}).get(m, 0) for m in MEASURES),
            founding.get(group, 0),
        ]
        for group in groups
    ]
    return InterestTable(by=by, header=header, rows=rows)


def csv_response(table: InterestTable) -> HttpResponse:
    return spreadsheets.csv_response(
        filename=f"project-bank-{table.by}.csv", header=table.header, rows=table.rows
    )
