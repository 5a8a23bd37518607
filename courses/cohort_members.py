"""Who is in a cohort: only learners who said yes (docs/decisions/0020).

A trainer invites phone numbers; the learner who owns a number accepts or declines in her space,
or joins with the cohort's code. ``Cohort.members`` holds only learners who consented, and every
read of the trainer's (progress table, CSV, reports, access to certificates and voice notes)
goes through it, so until she accepts the trainer sees nothing of her. She may leave later: her
enrolments stay hers, unlinked from the cohort.

The trainer's answer never depends on which numbers have accounts: an invitation is kept for
every well-formed number, and waits until that number signs up and is verified.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.phones import normalise_phone_number

from .cohorts import cohort_course_keys, free_join_code
from .models import Cohort, CohortCodeTry, CohortInvitation, Enrolment
from .progress import enrolment_create
from .signals import cohort_invited

INVITATION_DAYS = 30
CODE_TRIES_PER_HOUR = 5


# Selectors -------------------------------------------------------------------------------


def _open_invitations() -> QuerySet[CohortInvitation]:
    since = timezone.now() - timedelta(days=INVITATION_DAYS)
    return CohortInvitation.objects.filter(
        status=CohortInvitation.Status.PENDING, created_at__gte=since
    )


def invitations_for(learner) -> QuerySet[CohortInvitation]:
    """The invitations she may answer: to her number, once it is verified (none for staff)."""
    if not _may_join_at_all(learner) or learner.phone_verified_at is None:
        return CohortInvitation.objects.none()
    return (
        _open_invitations()
        .filter(phone_number=learner.phone_number)
        .select_related("cohort__owner")
        .order_by("-created_at")
    )


def cohorts_joined(learner) -> QuerySet[Cohort]:
    return learner.cohorts.select_related("owner").order_by("name")


def invited_numbers(cohort: Cohort) -> list[str]:
    """Numbers the trainer invited who have not joined (declined looks the same as waiting)."""
    waiting = _open_invitations().filter(cohort=cohort) | CohortInvitation.objects.filter(
        cohort=cohort, status=CohortInvitation.Status.DECLINED
    )
    return list(waiting.order_by("phone_number").values_list("phone_number", flat=True))


def follows(*, viewer, learner, course_key) -> bool:
    """Whether ``viewer`` is one of her trainers for this course: the owner of a cohort she
    consented to that is enrolled in it."""
    return Cohort.objects.filter(
        owner=viewer, members=learner, courses__course_key=course_key
    ).exists()


# Services --------------------------------------------------------------------------------


def _may_join_at_all(learner) -> bool:
    return bool(learner.is_authenticated and not learner.is_staff and not learner.is_superuser)


def _may_join(learner) -> None:
    if not _may_join_at_all(learner):
        raise ValidationError(_("Staff accounts cannot join a cohort."), code="staff_account")
    if learner.phone_verified_at is None:
        raise ValidationError(
            _("Verify your phone number before joining a cohort."), code="phone_not_verified"
        )


def _numbers(raw_numbers) -> list[str]:
    numbers, errors = [], []
    for raw in raw_numbers:
        try:
            numbers.append(normalise_phone_number(raw))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return numbers


def _registered_numbers(*, owner, learner_ids) -> list[str]:
    numbers = list(
        get_user_model()
        .objects.filter(pk__in=learner_ids, registered_by=owner)
        .values_list("phone_number", flat=True)
    )
    if len(numbers) != len(set(learner_ids)):
        raise ValidationError(_("You can only add members you registered."), code="not_your_member")
    return numbers


@transaction.atomic
def cohort_invitations_send(*, cohort: Cohort, invited_by, phone_numbers=(), learner_ids=()) -> int:
    """Invite numbers (typed, or those of members ``invited_by`` registered) to the cohort.

    Returns how many numbers were invited, whatever their owners (an account or none, staff,
    already a member): the answer reveals nothing about them. A number that declined or left is
    not asked again; she may still join with the code.
    """
    numbers = _numbers(list(phone_numbers))
    numbers += _registered_numbers(owner=invited_by, learner_ids=list(learner_ids))
    numbers = list(dict.fromkeys(numbers))
    if not numbers:
        raise ValidationError(_("Choose at least one member."), code="no_members")
    new = []
    for number in numbers:
        invitation, created = CohortInvitation.objects.get_or_create(
            cohort=cohort, phone_number=number, defaults={"invited_by": invited_by}
        )
        if created:
            new.append(number)
        elif invitation.status == CohortInvitation.Status.PENDING:
            invitation.created_at, invitation.invited_by = timezone.now(), invited_by
            invitation.save(update_fields=["created_at", "invited_by"])
    transaction.on_commit(
        lambda: cohort_invited.send(sender=Cohort, cohort=cohort, phone_numbers=new)
    )
    return len(numbers)


def _join(*, cohort: Cohort, learner, invitation: CohortInvitation) -> Cohort:
    invitation.status = CohortInvitation.Status.ACCEPTED
    invitation.learner, invitation.answered_at = learner, timezone.now()
    invitation.save(update_fields=["status", "learner", "answered_at"])
    cohort.members.add(learner)
    keys = cohort_course_keys(cohort)
    for course_key in keys:
        enrolment_create(
            learner=learner, course_key=course_key, enrolled_by=cohort.owner, cohort=cohort
        )
    Enrolment.objects.filter(learner=learner, course_key__in=keys, cohort__isnull=True).update(
        cohort=cohort
    )
    return cohort


def _invitation(*, learner, invitation_id: int) -> CohortInvitation:
    invitation = invitations_for(learner).filter(pk=invitation_id).select_for_update().first()
    if invitation is None:
        raise ValidationError(_("This invitation is no longer open."), code="invitation_closed")
    return invitation


@transaction.atomic
def cohort_invitation_accept(*, learner, invitation_id: int) -> Cohort:
    """She consents: her trainer sees her progress and test results in the cohort's courses."""
    _may_join(learner)
    invitation = _invitation(learner=learner, invitation_id=invitation_id)
    return _join(cohort=invitation.cohort, learner=learner, invitation=invitation)


@transaction.atomic
def cohort_invitation_decline(*, learner, invitation_id: int) -> None:
    invitation = _invitation(learner=learner, invitation_id=invitation_id)
    invitation.status = CohortInvitation.Status.DECLINED
    invitation.learner, invitation.answered_at = learner, timezone.now()
    invitation.save(update_fields=["status", "learner", "answered_at"])


@transaction.atomic
def cohort_leave(*, learner, cohort_id: int) -> None:
    """She withdraws her consent: out of the cohort, and her enrolments no longer count for it."""
    cohort = learner.cohorts.filter(pk=cohort_id).first()
    if cohort is None:
        raise ValidationError(_("You are not in this cohort."), code="not_a_member")
    cohort.members.remove(learner)
    Enrolment.objects.filter(learner=learner, cohort=cohort).update(cohort=None)
    CohortInvitation.objects.update_or_create(
        cohort=cohort,
        phone_number=learner.phone_number,
        defaults={
            "status": CohortInvitation.Status.LEFT,
            "learner": learner,
            "answered_at": timezone.now(),
        },
    )


def _code_try_record(learner) -> CohortCodeTry:
    """Count the try in its own transaction, committed before the code is even looked up."""
    since = timezone.now() - timedelta(hours=1)
    with transaction.atomic(durable=True):
        get_user_model().objects.select_for_update().filter(pk=learner.pk).first()
        failed = CohortCodeTry.objects.filter(
            learner=learner, tried_at__gte=since, succeeded=False
        ).count()
        if failed >= CODE_TRIES_PER_HOUR:
            raise ValidationError(
                _("Too many wrong codes. Try again in an hour."), code="too_many_codes"
            )
        return CohortCodeTry.objects.create(learner=learner)


def cohort_join_with_code(*, learner, code: str) -> Cohort:
    """She joins the cohort whose code she typed (given by the trainer): her consent."""
    _may_join(learner)
    code_try = _code_try_record(learner)
    # Arabic-Indic digits count too: int() reads every decimal digit.
    digits = "".join(str(int(character)) for character in code if character.isdecimal())
    with transaction.atomic():
        cohort = Cohort.objects.filter(join_code=digits).first() if digits else None
        if cohort is None:
            raise ValidationError(_("No cohort has this code."), code="unknown_code")
        CohortCodeTry.objects.filter(pk=code_try.pk).update(succeeded=True)
        if cohort.members.filter(pk=learner.pk).exists():
            return cohort
        invitation, _created = CohortInvitation.objects.get_or_create(
            cohort=cohort, phone_number=learner.phone_number
        )
        return _join(cohort=cohort, learner=learner, invitation=invitation)


def cohort_code_renew(*, cohort: Cohort) -> Cohort:
    """A new code (the old one was shared too widely): members stay, the old code stops."""
    cohort.join_code = free_join_code()
    cohort.save(update_fields=["join_code"])
    return cohort
