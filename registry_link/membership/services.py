"""Writes about memberships. Each owns its transaction; SMS leave only after commit.

Who may act is checked here, not only in the views: a leader acts on her own cooperative's
memberships, a learner on her own.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from academy.api import LEADERS, account_for_number, text_to_user, verified_number_require
from core.arabic import normalise_arabic
from core.phones import normalise_phone_number

from ..choices import LinkSource, LinkStatus, Role
from ..models import ClaimTry, Cooperative, Membership

CLAIM_TRIES_PER_HOUR = 5
INVITATION_DAYS = 30

# Marked here, translated when sent (in the language of the one who receives it).
INVITATION_SMS = gettext_noop(
    "Taawounia Academy: %(leader)s invites you to join the cooperative “%(cooperative)s”. "
    "Sign in and open “My cooperative” to accept or decline."
)
CLAIM_SMS = gettext_noop(
    "Taawounia Academy: a member asks to join “%(cooperative)s”. Sign in and open "
    "“My cooperative” to confirm or refuse."
)


def _name_key(text: str) -> str:
    return normalise_arabic(text)


def _led(*, cooperative: Cooperative, leader) -> Cooperative:
    """The cooperative, if ``leader`` is its confirmed leader; else PermissionDenied."""
    leaders = Membership.objects.leaders().filter(cooperative=cooperative, user=leader)
    if not leader.is_authenticated or not leaders.exists():
        raise PermissionDenied
    return cooperative


def _may_join(user) -> None:
    """A learner with a proved number; staff never join (no one pulls them in)."""
    if user.is_staff or user.is_superuser:
        raise ValidationError(
            _("Staff accounts do not join cooperatives."), code="staff_cannot_join"
        )
    verified_number_require(user)


# Claims ----------------------------------------------------------------------------------


def _claim_try_record(user) -> ClaimTry:
    """Count the try in its own transaction, committed before the register is looked up."""
    since = timezone.now() - timedelta(hours=1)
    with transaction.atomic(durable=True):
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        tries = ClaimTry.objects.filter(user=user, tried_at__gte=since)
        failed = tries.filter(succeeded=False).count()
        # Right ones count too, more loosely: asking and leaving again and again texts leaders.
        if failed >= CLAIM_TRIES_PER_HOUR or tries.count() >= 2 * CLAIM_TRIES_PER_HOUR:
            raise ValidationError(
                _(
                    "Too many tries. Check the number and the name on your papers, and try "
                    "again in an hour."
                ),
                code="too_many_tries",
            )
        return ClaimTry.objects.create(user=user)


def _cooperative_named(*, court: str, local_number: str, name: str) -> Cooperative:
    """The cooperative with this number at this court AND this name, in any of its scripts.

    A right number with a wrong name gets the same answer as an unknown number: nothing says
    that the number exists (decision 0033)."""
    cooperative = Cooperative.objects.filter(
        court=court.strip(), local_number=local_number.strip()
    ).first()
    wanted = _name_key(name)
    if cooperative is None or not wanted or wanted not in map(_name_key, cooperative.names):
        raise ValidationError(
            _("No cooperative has this number and this name. Check both on your papers."),
            code="no_match",
        )
    return cooperative


def membership_claim(*, user, court: str, local_number: str, name: str) -> Membership:
    """She asks to join her cooperative (its number and name): her consent to its leader
    seeing her name, number and training once confirmed. The leader is told by SMS."""
    _may_join(user)
    claim_try = _claim_try_record(user)
    cooperative = _cooperative_named(court=court, local_number=local_number, name=name)
    ClaimTry.objects.filter(pk=claim_try.pk).update(succeeded=True)
    if not cooperative.is_active:
        raise ValidationError(
            _("This cooperative is no longer active in the register: it cannot take members."),
            code="cooperative_inactive",
        )
    with transaction.atomic():
        membership = _claim_write(cooperative=cooperative, user=user)
        for leader in filter(_texted, _leaders(cooperative)):
            text_to_user(user=leader, message=CLAIM_SMS, cooperative=cooperative.name)
    return membership


def _claim_write(*, cooperative: Cooperative, user) -> Membership:
    membership, created = Membership.objects.select_for_update().get_or_create(
        cooperative=cooperative,
        user=user,
        defaults={"status": LinkStatus.CLAIMED, "source": LinkSource.CLAIM},
    )
    if created:
        return membership
    if membership.status == LinkStatus.REFUSED:
        raise ValidationError(
            _("The leader refused your request. Speak with her before asking again."),
            code="refused_before",
        )
    if membership.status in (LinkStatus.CLAIMED, LinkStatus.CONFIRMED):
        raise ValidationError(
            _("You have already asked to join this cooperative."), code="already_claimed"
        )
    if membership.status == LinkStatus.INVITED:  # she was invited: asking is accepting
        return _confirm(membership, by=user)
    membership.status, membership.role = LinkStatus.CLAIMED, Role.MEMBER  # she left, returns
    membership.source, membership.created_at = LinkSource.CLAIM, timezone.now()
    membership.decided_at = membership.decided_by = None
    membership.save()
    return membership


def _leaders(cooperative: Cooperative) -> list:
    memberships = Membership.objects.leaders().filter(cooperative=cooperative)
    return [membership.user for membership in memberships.select_related("user")]


# The leader decides ----------------------------------------------------------------------


def _confirm(membership: Membership, *, by) -> Membership:
    membership.status, membership.decided_at, membership.decided_by = (
        LinkStatus.CONFIRMED,
        timezone.now(),
        by,
    )
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    return membership


@transaction.atomic
def claim_decide(*, cooperative: Cooperative, leader, membership_id: int, confirm: bool):
    """Her leader confirms or refuses a claim; two leaders at once: the first one decides."""
    _led(cooperative=cooperative, leader=leader)
    membership = (
        Membership.objects.select_for_update()
        .filter(pk=membership_id, cooperative=cooperative)
        .first()
    )
    if membership is None:
        raise PermissionDenied  # not a claim on her cooperative: nothing to say about it
    if membership.status != LinkStatus.CLAIMED:
        raise ValidationError(_("This request was already answered."), code="already_decided")
    if confirm:
        return _confirm(membership, by=leader)
    membership.status, membership.decided_at, membership.decided_by = (
        LinkStatus.REFUSED,
        timezone.now(),
        leader,
    )
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    return membership


# Invitations -----------------------------------------------------------------------------


def _texted(user) -> bool:
    """Only a verified, active, non-staff owner of the number gets an SMS (decision 0020)."""
    return (
        user.is_active
        and not user.is_staff
        and not user.is_superuser
        and user.phone_verified_at is not None
    )


@transaction.atomic
def membership_invite(*, cooperative: Cooperative, leader, user) -> Membership | None:
    """Her leader invites an account holder to join; she is texted after commit and joins
    when she accepts (her consent). Someone who refused or left is not asked again."""
    _led(cooperative=cooperative, leader=leader)
    if not cooperative.is_active:
        raise ValidationError(
            _("This cooperative is no longer active in the register: it cannot take members."),
            code="cooperative_inactive",
        )
    membership, created = Membership.objects.select_for_update().get_or_create(
        cooperative=cooperative,
        user=user,
        defaults={
            "status": LinkStatus.INVITED,
            "source": LinkSource.INVITATION,
            "decided_by": leader,
        },
    )
    if not created and membership.status == LinkStatus.CLAIMED:  # she asked already: yes
        return _confirm(membership, by=leader)
    if created and _texted(user):
        text_to_user(
            user=user,
            message=INVITATION_SMS,
            leader=leader.first_name or leader.phone_number,
            cooperative=cooperative.name,
        )
    return membership


def membership_invite_number(*, cooperative: Cooperative, leader, phone_number: str) -> Membership:
    """Her leader invites the owner of a number. A number without an account is refused with
    a reason (register her instead): a registrar learns that much when registering anyway."""
    _led(cooperative=cooperative, leader=leader)
    user = account_for_number(normalise_phone_number(phone_number))
    if user is None:
        raise ValidationError(
            _("This number has no account yet: register her, and give her the code."),
            code="no_account",
        )
    return membership_invite(cooperative=cooperative, leader=leader, user=user)


def _invitation(*, user, membership_id: int) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .filter(pk=membership_id, user=user, status=LinkStatus.INVITED)
        .select_related("cooperative")
        .first()
    )
    if membership is None:
        raise PermissionDenied
    if membership.created_at <= timezone.now() - timedelta(days=INVITATION_DAYS):
        raise ValidationError(
            _("This invitation has expired. Ask your leader for a new one."), code="expired"
        )
    return membership


@transaction.atomic
def invitation_answer(*, user, membership_id: int, accept: bool) -> Membership:
    """She accepts (her consent: the leader sees her training) or declines the invitation."""
    membership = _invitation(user=user, membership_id=membership_id)
    if not accept:
        membership.status, membership.decided_at = LinkStatus.LEFT, timezone.now()
        membership.save(update_fields=["status", "decided_at"])
        return membership
    _may_join(user)
    if not membership.cooperative.is_active:
        raise ValidationError(
            _("This cooperative is no longer active in the register: it cannot take members."),
            code="cooperative_inactive",
        )
    membership.status, membership.decided_at = LinkStatus.CONFIRMED, timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    return membership


@transaction.atomic
def membership_leave(*, user, membership_id: int) -> Membership:
    """She leaves (or withdraws her claim): her leader sees nothing of her from now on."""
    membership = (
        Membership.objects.select_for_update()
        .filter(pk=membership_id, user=user)
        .exclude(status__in=[LinkStatus.LEFT, LinkStatus.REFUSED])
        .first()
    )
    if membership is None:
        raise PermissionDenied
    membership.status, membership.decided_at = LinkStatus.LEFT, timezone.now()
    membership.save(update_fields=["status", "decided_at"])
    return membership


# Members a leader registered herself -------------------------------------------------------


def _only_led(leader) -> Cooperative | None:
    """The one active cooperative she leads; None if she leads none, or several (then she
    cannot be guessed: she invites from each cooperative's page)."""
    led = list(
        Cooperative.objects.active()
        .filter(
            memberships__user=leader,
            memberships__role=Role.LEADER,
            memberships__status=LinkStatus.CONFIRMED,
        )
        .distinct()[:2]
    )
    return led[0] if len(led) == 1 else None


def registered_member_link(*, leader, member) -> Membership | None:
    """A member her leader registered herself is linked to the leader's cooperative at once.

    She gave her number to her leader for that: the leader who registered her sees her progress
    already (decision 0020)."""
    cooperative = _only_led(leader)
    if cooperative is None:
        return None
    membership, _created = Membership.objects.get_or_create(
        cooperative=cooperative,
        user=member,
        defaults={
            "status": LinkStatus.CONFIRMED,
            "source": LinkSource.REGISTERED,
            "decided_at": timezone.now(),
            "decided_by": leader,
        },
    )
    return membership


def registered_number_invite(*, leader, member) -> str:
    """A leader typed the number of an existing account: an invitation to her cooperative.

    Returns the cooperative's name (what the leader is told), or "" when she leads none."""
    cooperative = _only_led(leader)
    if cooperative is None:
        return ""
    membership_invite(cooperative=cooperative, leader=leader, user=member)
    return cooperative.name


# Staff -------------------------------------------------------------------------------------


@transaction.atomic
def leader_appoint(*, cooperative: Cooperative, user, appointed_by) -> Membership:
    """ODCO staff make ``user`` the leader of ``cooperative`` (she may then register members)."""
    if not (appointed_by.is_superuser or appointed_by.has_perm("registry_link.change_membership")):
        raise PermissionDenied
    membership, _created = Membership.objects.select_for_update().get_or_create(
        cooperative=cooperative, user=user, defaults={"source": LinkSource.APPOINTED}
    )
    membership.role, membership.status = Role.LEADER, LinkStatus.CONFIRMED
    membership.decided_at, membership.decided_by = timezone.now(), appointed_by
    membership.save()
    group, _created = Group.objects.get_or_create(name=LEADERS)
    user.groups.add(group)
    return membership
