"""Reads: every table of the statistics space, from the summary tables only (decision 0038).

Each table is one aggregate query over a summary table, whatever the filters; labels come from
closed lists, and province names from one query."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from academy.api import Motivation
from core.geography import selectors as geography
from core.languages import django_languages
from core.regions import Region
from project_bank.api import Sector

from .filters import AGE_BANDS, BREAKDOWNS, GENDERS, Filters
from .models import (
    CoverageSummary,
    FunnelSummary,
    LearningRollup,
    LearningSummary,
    MarketSummary,
    Refresh,
    RegisterSummary,
)
from .tables import Column, Table, share

LEARNING_MEASURES = (
    "learners",
    "enrolments",
    "completions",
    "completers",
    "certificates",
    "seconds",
    "gain_pairs",
    "pre_total",
    "post_total",
)
PLACES = ("region", "province", "sector")


def _months(filters: Filters, field: str = "month") -> Q:
    q = Q()
    if filters.start:
        q &= Q(**{f"{field}__gte": filters.start})
    if filters.end:
        q &= Q(**{f"{field}__lte": filters.end})
    return q


def _places(filters: Filters, fields=PLACES) -> Q:
    return Q(**{name: getattr(filters, name) for name in fields if getattr(filters, name)})


def learning_source(filters: Filters, by: str):
    """The smallest table that holds the answer: the roll-up (no province, role or cohort)
    unless the filters or the breakdown need one of those; the sums are the same."""
    rollup = set(LearningRollup.DIMENSIONS)
    if by in rollup and not filters.province:
        return LearningRollup.objects
    return LearningSummary.objects


def learning_rows(filters: Filters) -> Q:
    people = ("region", "province", "sector", "gender", "youth", "language")
    return _places(filters, people) & _months(filters)


class Labels:
    """Names for the codes of one breakdown (one query for provinces, none otherwise)."""

    def __init__(self, by: str):
        self.by = by
        self.names = self._names(by)

    @staticmethod
    def _names(by: str) -> dict:
        lists = {
            "region": Region.choices,
            "sector": Sector.choices,
            "gender": GENDERS,
            "youth": AGE_BANDS,
            "language": django_languages(),
            "role": Motivation.choices,
        }
        if by == "province":
            return dict(geography.choices(geography.provinces()))
        return {code: str(name) for code, name in lists.get(by, [])}

    def __call__(self, code) -> str:
        if self.by == "month":
            return code
        if not code:
            return _("no cohort") if self.by == "cohort" else _("not given")
        return self.names.get(code, code)


def _learning_columns(by: str) -> list[Column]:
    return [
        Column("label", str(BY_LABELS[by]), "date" if by == "month" else "text"),
        Column("learners", _("Learners"), "people"),
        Column("enrolments", _("Enrolments"), "people"),
        Column("completions", _("Completions"), "people"),
        Column("completers", _("Learners who completed a course"), "people"),
        Column("certificates", _("Certificates"), "people"),
        Column("hours", _("Hours spent"), "derived", base="learners"),
        Column("gain_pairs", _("Learners with both tests"), "people"),
        Column("gain", _("Learning gain (points)"), "derived", base="gain_pairs"),
    ]


def _learning_line(row: dict) -> dict:
    pairs = row["gain_pairs"] or 0
    gain = round(100 * (row["post_total"] - row["pre_total"]) / pairs, 1) if pairs else None
    return {**row, "hours": round((row["seconds"] or 0) / 3600, 1), "gain": gain}


def _add(rows: list[dict], keys) -> dict:
    return {key: sum(row[key] or 0 for row in rows) for key in keys}


BY_LABELS = dict(BREAKDOWNS)


def learning_table(filters: Filters, *, by: str | None = None) -> Table:
    """Learners, enrolments, completions, certificates, time and learning gain by ``by``."""
    by = by or filters.by
    rows = (
        learning_source(filters, by)
        .filter(learning_rows(filters))
        .values(by)
        .annotate(**{key: Sum(key) for key in LEARNING_MEASURES})
        .order_by(by)
    )
    labels = Labels(by)
    lines = [{**_learning_line(row), "label": labels(row[by])} for row in rows]
    if by != "month":
        lines.sort(key=lambda line: (-(line["learners"] or 0), str(line["label"])))
    codes = [line[by] for line in lines]
    total = {**_learning_line(_add(lines, LEARNING_MEASURES)), "label": _("Total")}
    return Table(
        key=f"learning-{by}",
        title=_("Learning by %(breakdown)s") % {"breakdown": str(BY_LABELS[by]).lower()},
        columns=_learning_columns(by),
        rows=lines,
        total=total,
        codes=codes,
    )


def _place_by(filters: Filters) -> str:
    return filters.by if filters.by in PLACES else "region"


def register_table(filters: Filters) -> Table:
    by = _place_by(filters)
    measures = ("cooperatives", "unions", "members", "women", "youth")
    rows = (
        RegisterSummary.objects.filter(_places(filters))
        .values(by)
        .annotate(**{key: Sum(key) for key in measures})
        .order_by(by)
    )
    labels = Labels(by)
    lines = [
        {**row, "label": labels(row[by]), "women_share": share(row["women"], row["members"])}
        for row in rows
    ]
    lines.sort(key=lambda line: -line["cooperatives"])
    total = _add(lines, measures)
    total.update(label=_("Total"), women_share=share(total["women"], total["members"]))
    columns = [
        Column("label", str(BY_LABELS[by]), "text"),
        Column("cooperatives", _("Cooperatives")),
        Column("unions", _("Unions")),
        Column("members", _("Members")),
        Column("women", _("Women members")),
        Column("women_share", _("Women (%)"), "share"),
        Column("youth", _("Young members")),
    ]
    title = _("The register by %(breakdown)s") % {"breakdown": str(BY_LABELS[by]).lower()}
    return Table("register", title, columns, lines, total, [line[by] for line in lines])


def market_table(filters: Filters) -> Table:
    by = "sector" if filters.by == "sector" else "region"
    measures = ("shops", "products", "orders", "delivered", "delivered_value")
    place = _places(filters, ("region", "sector"))
    period = Q(month__isnull=True) | (_months(filters) if (filters.start or filters.end) else Q())
    rows = (
        MarketSummary.objects.filter(place & period)
        .values(by)
        .annotate(**{key: Sum(key) for key in measures})
        .order_by(by)
    )
    labels = Labels(by)
    lines = [{**row, "label": labels(row[by])} for row in rows]
    total = {**_add(lines, measures), "label": _("Total")}
    columns = [
        Column("label", str(BY_LABELS[by]), "text"),
        Column("shops", _("Shops")),
        Column("products", _("Products listed")),
        Column("orders", _("Orders")),
        Column("delivered", _("Orders delivered")),
        Column("delivered_value", _("Value delivered (MAD)"), "money"),
    ]
    title = _("The marketplace by %(breakdown)s") % {"breakdown": str(BY_LABELS[by]).lower()}
    return Table("market", title, columns, lines, total, [line[by] for line in lines])


def funnel_table(filters: Filters) -> Table:
    rows = (
        FunnelSummary.objects.filter(_places(filters, ("region", "sector")) & _months(filters))
        .values("stage")
        .annotate(count=Sum("count"))
        .order_by()
    )
    counts = {row["stage"]: row["count"] for row in rows}
    lines, previous = [], None
    for stage in FunnelSummary.Stage:
        count = counts.get(stage.value, 0)
        lines.append({"label": str(stage.label), "count": count, "rate": share(count, previous)})
        previous = count
    columns = [
        Column("label", _("Stage"), "text"),
        Column("count", _("Count"), "people"),
        Column("rate", _("Of the stage before (%)"), "derived", base="count"),
    ]
    codes = list(FunnelSummary.Stage.values)
    return Table(
        "funnel", _("The project bank, from idea to cooperative"), columns, lines, None, codes
    )


COVERAGE_MEASURES = (
    "members",
    "women",
    "linked",
    "trained",
    "trained_women",
    "trained_this_year",
    "trained_women_this_year",
)


def _coverage_line(row: dict) -> dict:
    return {
        **row,
        "trained_share": share(row["trained"], row["members"]),
        "women_share": share(row["trained_women"], row["women"]),
    }


def _coverage_filter(filters: Filters) -> Q:
    return _places(filters)


def coverage_table(filters: Filters) -> Table:
    """Per region (or province, sector): cooperatives with at least one member trained, and the
    shares of members and of women members who completed a course."""
    by = _place_by(filters)
    rows = (
        CoverageSummary.objects.filter(_coverage_filter(filters))
        .values(by)
        .annotate(
            cooperatives=Count("pk"),
            reached=Count("pk", filter=Q(trained__gt=0)),
            **{key: Sum(key) for key in COVERAGE_MEASURES},
        )
        .order_by(by)
    )
    labels = Labels(by)
    lines = [
        {
            **_coverage_line(row),
            "label": labels(row[by]),
            "reached_share": share(row["reached"], row["cooperatives"]),
        }
        for row in rows
    ]
    lines.sort(key=lambda line: -line["cooperatives"])
    total = _coverage_line(_add(lines, ("cooperatives", "reached", *COVERAGE_MEASURES)))
    total.update(label=_("Total"), reached_share=share(total["reached"], total["cooperatives"]))
    columns = [
        Column("label", str(BY_LABELS[by]), "text"),
        Column("cooperatives", _("Cooperatives")),
        Column("reached", _("With a member trained")),
        Column("reached_share", _("Cooperatives reached (%)"), "share"),
        *_coverage_people_columns(),
    ]
    title = _("Training coverage of the register by %(breakdown)s") % {
        "breakdown": str(BY_LABELS[by]).lower()
    }
    return Table("coverage", title, columns, lines, total, [line[by] for line in lines])


def _coverage_people_columns() -> list[Column]:
    return [
        Column("members", _("Members")),
        Column("trained", _("Members who completed a course"), "people"),
        Column("trained_share", _("Members trained (%)"), "derived", base="trained"),
        Column("women", _("Women members")),
        Column("trained_women", _("Women who completed a course"), "people"),
        Column("women_share", _("Women trained (%)"), "derived", base="trained_women"),
        Column("trained_this_year", _("Completed a course this year"), "people"),
        Column("trained_women_this_year", _("Women who completed a course this year"), "people"),
    ]


COOPERATIVES_SHOWN = 50


def coverage_cooperatives_table(
    filters: Filters, *, limit: int | None = COOPERATIVES_SHOWN
) -> Table:
    """Each cooperative's coverage, the largest first (every one of them in an export)."""
    rows = CoverageSummary.objects.filter(_coverage_filter(filters)).order_by("-members", "name")
    rows = rows.values("cooperative_id", "name", "region", "sector", *COVERAGE_MEASURES)
    if limit:
        rows = rows[:limit]
    regions, sectors = Labels("region"), Labels("sector")
    lines = [
        {**_coverage_line(row), "region": regions(row["region"]), "sector": sectors(row["sector"])}
        for row in rows
    ]
    columns = [
        Column("name", _("Cooperative"), "text"),
        Column("region", _("Region"), "text"),
        Column("sector", _("Sector"), "text"),
        *_coverage_people_columns(),
    ]
    codes = [str(line["cooperative_id"]) for line in lines]
    return Table(
        "cooperatives", _("Training coverage of each cooperative"), columns, lines, None, codes
    )


def last_refresh() -> Refresh | None:
    return Refresh.objects.order_by("-started_at").first()


TABLES = {
    "learning": learning_table,
    "register": register_table,
    "market": market_table,
    "funnel": funnel_table,
    "coverage": coverage_table,
    "cooperatives": lambda filters: coverage_cooperatives_table(filters, limit=None),
}
