"""A schematic map of the 12 regions, drawn as inline SVG (no tiles: it works offline).

Shapes are rough polygons placed north to south, good enough to find one's region; each links to
the idea list filtered by that region and is coloured by its number of ideas.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from core.regions import Region

SHAPES = {
    "01": "95,5 140,5 140,25 95,25",
    "02": "140,5 190,10 190,85 140,70",
    "04": "78,25 115,25 115,50 72,50",
    "03": "115,25 140,25 140,70 115,58",
    "06": "58,50 100,50 100,75 52,75",
    "05": "100,50 115,50 115,58 140,70 130,88 100,88",
    "07": "42,75 100,75 100,105 40,105",
    "08": "100,88 130,88 140,70 190,85 175,125 100,125",
    "09": "32,105 100,105 100,125 88,140 28,135",
    "10": "28,135 88,140 78,165 18,165",
    "11": "18,165 78,165 72,215 8,215",
    "12": "8,215 72,215 62,295 4,295",
}
COLOURS = ("#eef2ee", "#cfe8d9", "#97cfae", "#55ad7f", "#0b6e4f")


@dataclass(frozen=True)
class MapRegion:
    code: str
    label: str
    count: int
    points: str
    colour: str
    url: str
    selected: bool
    x: float
    y: float


def _colour(count: int, most: int) -> str:
    if count <= 0 or most <= 0:
        return COLOURS[0]
    return COLOURS[min(len(COLOURS) - 1, 1 + (count * (len(COLOURS) - 2)) // most)]


def _centre(points: str) -> tuple[float, float]:
    pairs = [tuple(float(n) for n in point.split(",")) for point in points.split()]
    return (
        round(sum(x for x, _y in pairs) / len(pairs), 1),
        round(sum(y for _x, y in pairs) / len(pairs), 1),
    )


def region_map(counts: dict[str, int], query, selected: str) -> list[MapRegion]:
    """The regions to draw: each with its colour, count and link (other filters kept)."""
    most = max(counts.values(), default=0)
    kept = {key: value for key, value in query.items() if key not in {"region", "page"}}
    shapes = []
    for region in Region:
        x, y = _centre(SHAPES[region.value])
        shapes.append(
            MapRegion(
                code=region.value,
                label=str(region.label),
                count=counts.get(region.value, 0),
                points=SHAPES[region.value],
                colour=_colour(counts.get(region.value, 0), most),
                url="?" + urlencode({**kept, "region": region.value}),
                selected=region.value == selected,
                x=x,
                y=y,
            )
        )
    return shapes
