"""The project bank's map of the 12 regions, drawn by the shared map component (core.geography).

Each region links to the idea list filtered by that region (other filters kept) and is coloured by
its number of published ideas.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.geography.maps import TerritoryMap, territory_map


def _describe(name: str, count: float | None) -> str:
    count = int(count or 0)
    return ngettext("%(name)s: %(count)s idea", "%(name)s: %(count)s ideas", count) % {
        "name": name,
        "count": count,
    }


def region_map(counts: dict[str, int], query, selected: str) -> TerritoryMap:
    """The regions to draw: each with its colour, count and link (other filters kept)."""
    kept = {key: value for key, value in query.items() if key not in {"region", "page"}}
    return territory_map(
        level="region",
        values={code: count for code, count in counts.items()},
        url_for=lambda code: "?" + urlencode({**kept, "region": code}),
        selected=selected,
        title=_(
            "Map of the 12 regions: the darker, the more ideas. Tap a region to see its ideas."
        ),
        describe=_describe,
    )
