"""Set-based reads of the register for the scoring of cooperatives (one query each, whatever
the number of cooperatives): the facts, the members a year ago, the training of members."""

from datetime import datetime

from django.db.models import Count, Q

from assessments.api import certified_learner_ids
from courses.api import Enrolment

from .choices import Kind, LinkStatus, Status
from .models import Cooperative, Membership

FACTS = ("id", "region_id", "members_count", "women_count", "youth_count", "registered_on")


def cooperatives_to_score(*, ids=None) -> list[dict]:
    """Active cooperatives (not unions): id, region, member counts, registration date."""
    cooperatives = Cooperative.objects.filter(status=Status.ACTIVE, kind=Kind.COOPERATIVE)
    if ids is not None:
        cooperatives = cooperatives.filter(pk__in=ids)
    return list(cooperatives.order_by().values(*FACTS))


def members_counts_on(when: datetime) -> dict[int, int]:
    """Each cooperative's member count as the register's history held it at ``when``."""
    rows = (
        Cooperative.history.filter(history_date__lte=when)
        .order_by("id", "-history_date")
        .distinct("id")
        .values_list("id", "members_count")
    )
    return dict(rows)


def members_training_counts() -> dict[int, dict[str, int]]:
    """Per cooperative, its confirmed members on the platform: ``linked``, ``trained`` (enrolled
    in a course), ``completed`` (a course completed) and ``certified`` (a valid certificate)."""
    enrolled = Enrolment.objects.values("learner_id")
    completed = Enrolment.objects.filter(completed_at__isnull=False).values("learner_id")
    rows = (
        Membership.objects.filter(status=LinkStatus.CONFIRMED)
        .order_by()
        .values("cooperative_id")
        .annotate(
            linked=Count("pk"),
            trained=Count("pk", filter=Q(user_id__in=enrolled)),
            completed=Count("pk", filter=Q(user_id__in=completed)),
            certified=Count("pk", filter=Q(user_id__in=certified_learner_ids())),
        )
    )
    return {row.pop("cooperative_id"): row for row in rows}


def cooperatives_found(
    *, court_numbers: list[tuple[str, str]], region: str | None = None
) -> dict[tuple[str, str], int]:
    """The ids of the cooperatives with these (court, local number) pairs (in ``region`` if
    given)."""
    wanted = set(court_numbers)
    cooperatives = Cooperative.objects.filter(
        court__in={court for court, _number in wanted},
        local_number__in={number for _court, number in wanted},
    )
    if region is not None:
        cooperatives = cooperatives.filter(region_id=region)
    rows = cooperatives.values_list("court", "local_number", "pk")
    return {(court, number): pk for court, number, pk in rows if (court, number) in wanted}


def demo_cooperative_ids() -> list[int]:
    """The made-up cooperatives of the demo (``is_demo``), in a stable order."""
    return list(
        Cooperative.objects.filter(is_demo=True, kind=Kind.COOPERATIVE)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
