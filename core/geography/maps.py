"""The one map component: regions or provinces as inline SVG, coloured by a value, each a link.

The project bank, the statistics and the marketplace all draw their maps with ``territory_map()``
and the ``{% territory_map %}`` tag (core/templatetags/territory.py). The shapes were simplified
at build time (``manage.py build_maps``) and are read once from core/geography/shapes/.

A shape narrower or shorter than 44 CSS pixels when the map is drawn on a 360-pixel phone is
still a link, and is also listed under the map, so every place can be reached with a thumb.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from core.geography import selectors

SHAPES = Path(__file__).resolve().parent / "shapes"
LEVELS = ("region", "province")
COLOURS = ("#eef2ee", "#cfe8d9", "#97cfae", "#55ad7f", "#0b6e4f")
# The map's width on a 360-pixel phone (the page's side margins taken off), in CSS pixels.
PHONE_WIDTH = 328
TARGET = 44  # the smallest comfortable tap target, in CSS pixels
LABEL_SIZE = 30  # label font size, in map units (about 10 CSS pixels on a phone)


@cache
def shapes(level: str) -> dict:
    if level not in LEVELS:
        raise ValueError(level)
    return json.loads((SHAPES / f"{level}s.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapShape:
    code: str
    name: str
    d: str
    url: str
    value: float | None
    colour: str
    selected: bool
    label_x: int
    label_y: int
    labelled: bool  # big enough to carry its name
    small: bool  # under the tap target size on a phone: also listed under the map
    description: str  # what a screen reader says and the list shows: name and value


@dataclass(frozen=True)
class LegendStep:
    colour: str
    low: float
    high: float


@dataclass(frozen=True)
class TerritoryMap:
    level: str
    view_box: str
    title: str
    shapes: tuple[MapShape, ...]
    legend: tuple[LegendStep, ...]
    listed: tuple[MapShape, ...]  # the small shapes and the units that have none (in a list)
    label_size: int  # in map units: about 10 CSS pixels on a phone

    @property
    def label_halo(self) -> int:
        return max(1, self.label_size // 6)


def colour_for(value: float | None, most: float) -> str:
    if not value or value <= 0 or most <= 0:
        return COLOURS[0]
    steps = len(COLOURS) - 1
    return COLOURS[min(steps, 1 + int((value / most) * (steps - 1) + 0.5))]


def legend(values: dict[str, float]) -> tuple[LegendStep, ...]:
    """One step per colour used by ``colour_for``: the values each colour stands for.

    Whole numbers (counts) give whole ranges (1, 2–3, …) read off the colours themselves, so the
    legend and the shapes cannot disagree; other values give the colour's bounds.
    """
    present = [value for value in values.values() if value]
    most = max(present, default=0)
    steps = [LegendStep(colour=COLOURS[0], low=0, high=0)]
    if most <= 0:
        return tuple(steps)
    if all(float(value).is_integer() for value in present):
        ranges: dict[str, list[int]] = {}
        for value in range(1, int(most) + 1):
            ranges.setdefault(colour_for(value, most), []).append(value)
        steps += [LegendStep(colour=c, low=v[0], high=v[-1]) for c, v in ranges.items()]
        return tuple(steps)
    count = len(COLOURS) - 1
    bounds = [0] + [most * (i + 0.5) / (count - 1) for i in range(count - 1)] + [most]
    steps += [
        LegendStep(colour=COLOURS[i], low=round(bounds[i - 1], 1), high=round(bounds[i], 1))
        for i in range(1, count + 1)
    ]
    return tuple(steps)


def _names(level: str) -> dict[str, str]:
    units = selectors.regions() if level == "region" else selectors.provinces()
    return {unit.code: unit.name for unit in units}


def _describe(name: str, value: float | None) -> str:
    return name if value is None else f"{name}: {value:g}"


def _fits(name: str, box: list[int], scale: float) -> bool:
    """Whether the name, about 10 CSS pixels high, fits inside the shape's box."""
    size = LABEL_SIZE * PHONE_WIDTH / 1000 / scale  # the label's size in this map's units
    return len(name) * size * 0.55 <= box[2] and size * 1.5 <= box[3]


def _view_box(boxes) -> str:
    """The smallest view box around these shapes, with a margin."""
    boxes = list(boxes)
    left = min(box["box"][0] for box in boxes)
    top = min(box["box"][1] for box in boxes)
    right = max(box["box"][0] + box["box"][2] for box in boxes)
    bottom = max(box["box"][1] + box["box"][3] for box in boxes)
    margin = max(right - left, bottom - top) // 40 + 1
    return f"{left - margin} {top - margin} {right - left + 2 * margin} {bottom - top + 2 * margin}"


def territory_map(
    *,
    level: str,
    values: dict[str, float],
    url_for: Callable[[str], str],
    selected: str = "",
    title: str = "",
    describe: Callable[[str, float | None], str] | None = None,
    within: str = "",
) -> TerritoryMap:
    """The map of every region or province, each coloured by its value and linked to its page.

    ``within`` (a region code) draws only that region's provinces, zoomed to fill the map: on a
    phone the whole country's 75 province shapes are mostly too small to tap.
    """
    document = shapes(level)
    names = _names(level)
    if within:
        names = {code: name for code, name in names.items() if code.startswith(within + ".")}
    kept = {code: shape for code, shape in document["shapes"].items() if code in names}
    view_box = _view_box(kept.values()) if within else document["viewBox"]
    describe = describe or _describe
    most = max((value for value in values.values() if value), default=0)
    scale = PHONE_WIDTH / float(view_box.split()[2])
    drawn = []
    for code, shape in kept.items():
        name, box = names.get(code, code), shape["box"]
        drawn.append(
            MapShape(
                code=code,
                name=name,
                d=shape["d"],
                url=url_for(code),
                value=values.get(code),
                colour=colour_for(values.get(code), most),
                selected=code == selected,
                label_x=shape["x"],
                label_y=shape["y"],
                labelled=_fits(name, box, scale),
                small=min(box[2], box[3]) * scale < TARGET,
                description=describe(name, values.get(code)),
            )
        )
    shapeless = [
        MapShape(
            code=code,
            name=name,
            d="",
            url=url_for(code),
            value=values.get(code),
            colour=colour_for(values.get(code), most),
            selected=code == selected,
            label_x=0,
            label_y=0,
            labelled=False,
            small=True,
            description=describe(name, values.get(code)),
        )
        for code, name in names.items()
        if code not in kept
    ]
    listed = sorted([s for s in drawn if s.small] + shapeless, key=lambda s: s.code)
    return TerritoryMap(
        level=level,
        view_box=view_box,
        title=title or _("Map: tap a place."),
        shapes=tuple(drawn),
        legend=legend(values),
        listed=tuple(listed),
        label_size=round(LABEL_SIZE * PHONE_WIDTH / 1000 / scale),
    )
