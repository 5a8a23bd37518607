"""Reads for the membership pages: a fixed number of queries, whatever the number of members.

The leader sees her members' training only once they are confirmed (their claim or their yes
to her invitation is their consent, decision 0033); a pending claim shows a name and a number.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from assessments.api import certificates_by_learner
from courses.api import CourseLine, learners_progress

from ..choices import Kind, LinkStatus, Role
from ..models import Cooperative, Membership


@dataclass(frozen=True)
class MemberTraining:
    """A confirmed member, her courses (with completion) and her certificates."""

    membership: Membership
    courses: list[CourseLine]
    certificates: list

    @property
    def completed(self) -> int:
        return sum(1 for line in self.courses if line.cell.completed_at)


@dataclass(frozen=True)
class LeaderPage:
    cooperative: Cooperative
    claims: list[Membership]
    invited: list[Membership]
    members: list[MemberTraining]


def cooperative_led_get(*, user, public_id) -> Cooperative | None:
    """The cooperative with ``public_id`` if ``user`` is its confirmed leader; else None."""
    if not user.is_authenticated:
        return None
    return (
        Cooperative.objects.filter(
            public_id=public_id,
            memberships__user=user,
            memberships__role=Role.LEADER,
            memberships__status=LinkStatus.CONFIRMED,
        )
        .select_related("region")
        .first()
    )


def leader_page(*, cooperative: Cooperative, language_code: str) -> LeaderPage:
    """Claims waiting, invitations out, and confirmed members with their training."""
    memberships = list(
        Membership.objects.filter(
            cooperative=cooperative,
            status__in=[LinkStatus.CLAIMED, LinkStatus.INVITED, LinkStatus.CONFIRMED],
        )
        .select_related("user")
        .order_by("role", "user__first_name", "user__phone_number")  # "leader" first
    )
    confirmed = [item for item in memberships if item.status == LinkStatus.CONFIRMED]
    progress = learners_progress(
        learners=[item.user for item in confirmed], language_code=language_code
    )
    certificates = certificates_by_learner([item.user_id for item in confirmed])
    return LeaderPage(
        cooperative=cooperative,
        claims=[item for item in memberships if item.status == LinkStatus.CLAIMED],
        invited=[item for item in memberships if item.status == LinkStatus.INVITED],
        members=[
            MemberTraining(
                membership=item,
                courses=line.courses,
                certificates=certificates.get(item.user_id, []),
            )
            for item, line in zip(confirmed, progress, strict=True)
        ],
    )


def links_of(*, user) -> QuerySet[Membership]:
    """Her links (waiting, invited, confirmed), with the cooperative, for "My cooperative"."""
    return (
        Membership.objects.filter(
            user=user,
            status__in=[LinkStatus.CLAIMED, LinkStatus.INVITED, LinkStatus.CONFIRMED],
        )
        .select_related("cooperative", "cooperative__region")
        .order_by("status", "created_at")
    )


def invitations_waiting(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Membership.objects.filter(user=user, status=LinkStatus.INVITED).count()


def courts() -> list[str]:
    """The courts of the register, for the claim form (public facts)."""
    return list(
        Cooperative.objects.filter(kind__in=[Kind.COOPERATIVE, Kind.UNION])
        .order_by("court")
        .values_list("court", flat=True)
        .distinct()
    )
