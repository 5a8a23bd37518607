"""A small bar chart of sales drawn as SVG on the server (no chart JavaScript)."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format

WIDTH, HEIGHT, BASELINE = 320, 120, 100


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    title: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: int
    bars: list[Bar]
    peak: Decimal
    first_label: str
    last_label: str


def sales_chart(days: list[tuple]) -> Chart:
    """Bars for (date, amount) pairs, scaled to the highest day; titles read the figures out."""
    peak = max((Decimal(amount) for _, amount in days), default=Decimal(0))
    step = WIDTH // max(len(days), 1)
    bars = []
    for index, (day, amount) in enumerate(days):
        height = int(Decimal(amount) * (BASELINE - 10) / peak) if peak else 0
        title = f"{date_format(day, 'SHORT_DATE_FORMAT')}: {amount} MAD"
        bars.append(Bar(index * step + 2, BASELINE - height, step - 4, height, title))
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        baseline=BASELINE,
        bars=bars,
        peak=peak,
        first_label=date_format(days[0][0], "d/m") if days else "",
        last_label=date_format(days[-1][0], "d/m") if days else "",
    )
