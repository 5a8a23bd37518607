"""The facts of every cooperative to score, read in a handful of set-based queries."""

from datetime import date, datetime, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from marketplace.api import sales_by_cooperative
from registry_link.api import (
    cooperatives_to_score,
    members_counts_on,
    members_training_counts,
)

from .models import Filing, FilingKind
from .rules import Facts

FILINGS_YEARS = 3  # filings and assemblies due over the last three years count
YEAR = timedelta(days=365)


def _filings(today: date) -> dict[int, dict]:
    assembly = Q(kind=FilingKind.ASSEMBLY)
    rows = (
        Filing.objects.filter(due_on__gt=today - FILINGS_YEARS * YEAR, due_on__lte=today)
        .order_by()
        .values("cooperative_id")
        .annotate(
            assemblies_due=Count("pk", filter=assembly),
            assemblies_held=Count("pk", filter=assembly & Q(filed_on__isnull=False)),
            filings_due=Count("pk", filter=~assembly),
            filings_on_time=Count("pk", filter=~assembly & Q(filed_on__lte=F("due_on"))),
        )
    )
    return {row.pop("cooperative_id"): row for row in rows}


def facts_all(*, now: datetime | None = None, ids=None) -> list[tuple[dict, Facts]]:
    """Each active cooperative (its register row) with its facts."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    year_ago = members_counts_on(now - YEAR)
    filings = _filings(today)
    training = members_training_counts()
    sales = sales_by_cooperative(since=now - YEAR)
    result = []
    for row in cooperatives_to_score(ids=ids):
        pk = row["id"]
        facts = Facts(
            members=row["members_count"],
            women=row["women_count"],
            youth=row["youth_count"],
            members_year_ago=year_ago.get(pk),
            registered_on=row["registered_on"],
            **filings.get(pk, {}),
        )
        learning = training.get(pk)
        if learning:
            facts.trained, facts.completed = learning["trained"], learning["completed"]
            facts.certified = learning["certified"]
        if pk in sales:
            facts.shop = True
            facts.orders = sales[pk]["order_count"]
            facts.ordered, facts.delivered = (
                float(sales[pk]["ordered"]),
                float(sales[pk]["delivered"]),
            )
        result.append((row, facts))
    return result
