"""Reads of the register and of memberships."""

from django.db.models import Count, QuerySet

from .choices import LinkStatus, Role
from .models import Cooperative, Membership


def cooperative_public_get(*, public_id) -> Cooperative | None:
    """An active cooperative as anyone may see it, or None (struck off, liquidated, unknown)."""
    return (
        Cooperative.objects.active()
        .select_related("region", "province", "commune")
        .filter(public_id=public_id)
        .first()
    )


def cooperatives_led_by(*, user) -> QuerySet[Cooperative]:
    """The cooperatives she leads (confirmed leader); empty for anyone else."""
    if not user.is_authenticated:
        return Cooperative.objects.none()
    return Cooperative.objects.filter(
        memberships__user=user,
        memberships__role=Role.LEADER,
        memberships__status=LinkStatus.CONFIRMED,
    ).distinct()


def memberships_of(*, user) -> QuerySet[Membership]:
    """Her links to cooperatives, confirmed or waiting, with the cooperative loaded."""
    return (
        Membership.objects.filter(user=user)
        .exclude(status__in=[LinkStatus.REFUSED, LinkStatus.LEFT])
        .select_related("cooperative", "cooperative__region")
    )


def is_leader_of(*, user, cooperative: Cooperative) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.leaders().filter(user=user, cooperative=cooperative).exists()
    )


def cooperatives_by_sector(*, province_code: str) -> dict[str, int]:
    """Active cooperatives and unions with their seat in the province, by sector code."""
    rows = (
        Cooperative.objects.active()
        .filter(province_id=province_code)
        .values("sector")
        .annotate(count=Count("pk"))
    )
    return {row["sector"]: row["count"] for row in rows}
