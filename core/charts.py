"""Bar and line charts drawn on the server as SVG (no chart JavaScript), mirrored for
right-to-left languages: bars grow from the right, time runs from right to left.

``bar_chart()`` and ``line_chart()`` compute every coordinate; the templates
``core/charts/bar.html`` and ``core/charts/line.html`` only print them (``{% bar_chart %}``,
``{% line_chart %}`` in core/templatetags/charts.py). marketplace/chart.py keeps its own small
daily-sales chart.
"""

from dataclasses import dataclass

WIDTH = 400
BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 150  # room for the category names beside the bars
VALUE_WIDTH = 50  # room for the value after each bar
LINE_HEIGHT = 220
PLOT_MARGIN = 30
COLOURS = ("#0b6e4f", "#d97706", "#2563eb", "#9333ea")


def _number(value) -> str:
    value = float(value or 0)
    return f"{value:,.0f}" if value.is_integer() or value >= 100 else f"{value:,.1f}"


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float
    text: str  # the value as read
    bar_x: float
    bar_width: float
    y: float
    label_x: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    title: str
    width: int
    height: int
    bar_height: int
    items: tuple[BarItem, ...]
    rtl: bool
    label_anchor: str  # beside the bars, towards the reading start
    value_anchor: str
    colour: str


def bar_chart(*, title: str, items: list[tuple[str, float]], rtl: bool = False) -> BarChart:
    """Horizontal bars, one per (label, value), scaled to the largest value."""
    peak = max((float(value or 0) for _label, value in items), default=0)
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    drawn = []
    for index, (label, value) in enumerate(items):
        width = room * float(value or 0) / peak if peak else 0
        start = LABEL_WIDTH
        bar_x, label_x, value_x = start, 4, start + width + 6
        if rtl:  # mirrored: labels on the right, bars growing leftwards
            bar_x, label_x, value_x = WIDTH - start - width, WIDTH - 4, WIDTH - start - width - 6
        drawn.append(
            BarItem(
                label=str(label),
                value=float(value or 0),
                text=_number(value),
                bar_x=round(bar_x, 1),
                bar_width=round(width, 1),
                y=index * (BAR_HEIGHT + BAR_GAP) + BAR_GAP,
                label_x=round(label_x, 1),
                value_x=round(value_x, 1),
            )
        )
    return BarChart(
        title=title,
        width=WIDTH,
        height=len(items) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP,
        bar_height=BAR_HEIGHT,
        items=tuple(drawn),
        rtl=rtl,
        label_anchor="start",  # the reading start: the left, or the right in RTL
        value_anchor="end" if rtl else "start",
        colour=COLOURS[0],
    )


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    points: str  # the polyline's "x,y x,y …"
    dots: tuple[tuple[float, float, str], ...]  # x, y, what the point says


@dataclass(frozen=True)
class LineChart:
    title: str
    width: int
    height: int
    series: tuple[Series, ...]
    ticks: tuple[tuple[float, str], ...]  # x and label of each category shown under the axis
    peak_text: str
    axis_y: int
    axis_left: int
    axis_right: int
    rtl: bool


def line_chart(
    *, title: str, labels: list[str], series: list[tuple[str, list[float]]], rtl: bool = False
) -> LineChart:
    """Lines over categories (months), left to right, or right to left in RTL languages."""
    peak = max((float(v or 0) for _name, values in series for v in values), default=0)
    left, right = PLOT_MARGIN + 20, WIDTH - PLOT_MARGIN
    bottom, top = LINE_HEIGHT - PLOT_MARGIN, PLOT_MARGIN / 2
    step = (right - left) / max(len(labels) - 1, 1)

    def x(index: int) -> float:
        return round(right - index * step if rtl else left + index * step, 1)

    def y(value) -> float:
        return round(bottom - (bottom - top) * float(value or 0) / peak, 1) if peak else bottom

    drawn = []
    for number, (name, values) in enumerate(series):
        dots = tuple(
            (x(i), y(v), f"{labels[i]} · {name}: {_number(v)}") for i, v in enumerate(values)
        )
        drawn.append(
            Series(
                name=name,
                colour=COLOURS[number % len(COLOURS)],
                points=" ".join(f"{dx},{dy}" for dx, dy, _text in dots),
                dots=dots,
            )
        )
    every = max(1, len(labels) // 6)
    ticks = tuple((x(i), label) for i, label in enumerate(labels) if i % every == 0)
    return LineChart(
        title=title,
        width=WIDTH,
        height=LINE_HEIGHT,
        series=tuple(drawn),
        ticks=ticks,
        peak_text=_number(peak),
        axis_y=bottom,
        axis_left=left,
        axis_right=right,
        rtl=rtl,
    )
