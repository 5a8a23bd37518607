"""The biennial statistics report as a PDF (WeasyPrint), in Arabic or French, for a chosen
period: the same tables as the dashboard, small counts suppressed, with charts and the map."""

import base64

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.pdf import font_dir, html_to_pdf
from core.regions import Region

from . import charts, selectors
from .conf import setting
from .filters import Filters
from .tables import suppressed

LANGUAGES = ("ar", "fr")


def _svg_image(svg: str, *, width: int, height: int) -> str:
    """An SVG drawing as a data URI for an ``<img>``, with its size (WeasyPrint draws it so)."""
    svg = svg.replace('width="100%"', f'width="{width}" height="{height}"', 1)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def _chart_image(template: str, chart) -> str:
    svg = render_to_string(template, {"chart": chart})
    svg = svg[svg.index("<svg") : svg.index("</svg>") + len("</svg>")]
    return _svg_image(svg, width=chart.width, height=chart.height)


def _map_image(territory) -> str:
    svg = render_to_string("insights/report_map.svg", {"map": territory})
    width, height = (int(float(part)) for part in territory.view_box.split()[2:])
    return _svg_image(svg, width=width, height=height)


def report_context(*, filters: Filters) -> dict:
    threshold = setting("SMALL_COUNT")
    by_place = selectors.learning_table(filters, by="province" if filters.region else "region")
    tables = [
        by_place,
        selectors.learning_table(filters, by="gender"),
        selectors.learning_table(filters, by="youth"),
        selectors.learning_table(filters, by="sector"),
        selectors.learning_table(filters, by="language"),
        selectors.funnel_table(filters),
        selectors.register_table(filters),
        selectors.market_table(filters),
        selectors.coverage_table(filters),
    ]
    months = selectors.learning_table(filters, by="month")
    territory = charts.place_map(by_place, region=filters.region, filters=filters, url_for=str)
    bars = charts.learning_bars(by_place, measure="learners")
    lines = charts.month_lines(months)
    return {
        "filters": filters,
        "region_name": Region(filters.region).label if filters.region else "",
        "total": suppressed(by_place, threshold=threshold).total,
        "tables": [suppressed(table, threshold=threshold) for table in tables],
        "bars": bars,
        "bars_image": _chart_image("core/charts/bar.html", bars),
        "lines": lines,
        "lines_image": _chart_image("core/charts/line.html", lines),
        "map": territory,
        "map_image": _map_image(territory),
        "small_count": threshold,
        "made_at": timezone.localtime(),
        "font_dir": font_dir(),
    }


def report_pdf(*, filters: Filters, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("insights/report.html", report_context(filters=filters))
    return html_to_pdf(html)
