"""The dashboard's and the report's pictures: bars of the chosen breakdown, lines per month and
the choropleth of the 12 regions (or of the region's provinces for regional staff)."""

from dataclasses import replace

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from core.charts import bar_chart, line_chart
from core.geography.maps import territory_map

from .filters import Filters
from .tables import Table

BARS_SHOWN = 12


def learning_bars(table: Table, *, measure: str = "completions"):
    items = [(row["label"], row[measure] or 0) for row in table.rows[:BARS_SHOWN]]
    title = _("%(table)s: %(measure)s") % {
        "table": table.title,
        "measure": table.column(measure).label,
    }
    return bar_chart(title=title, items=items, rtl=get_language_bidi())


def month_lines(table: Table):
    labels = [row["label"].strftime("%Y-%m") for row in table.rows]
    series = [
        (str(table.column(key).label), [row[key] or 0 for row in table.rows])
        for key in ("enrolments", "completions", "certificates")
    ]
    return line_chart(
        title=_("Enrolments, completions and certificates per month"),
        labels=labels,
        series=series,
        rtl=get_language_bidi(),
    )


def place_map(table: Table, *, region: str, filters: Filters, url_for=None):
    """Learners per region (or per province of ``region``), each linked to its filtered page."""
    values = dict(zip(table.codes, (row["learners"] or 0 for row in table.rows), strict=True))

    def link(code: str) -> str:
        field = "province" if region else "region"
        query = {**replace(filters, **{field: code}).query()}
        return reverse("insights_dashboard") + "?" + urlencode(query)

    return territory_map(
        level="province" if region else "region",
        values=values,
        url_for=url_for or link,
        title=_("Learners by place"),
        within=region,
    )


def dashboard_charts(tables: dict, *, filters: Filters, region: str, by_place: Table) -> dict:
    return {
        "bars": learning_bars(tables["learning"]),
        "lines": month_lines(tables["months"]),
        "map": place_map(by_place, region=region, filters=filters),
    }
