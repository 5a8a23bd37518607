"""Telling a learner by SMS that a trainer invited her to a cohort (courses may not send SMS)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

from .sms import send_sms


def cohort_invitation_sms(sender, *, cohort, phone_numbers, **kwargs) -> None:
    """Thin handler of ``courses.api.cohort_invited`` (sent after commit): one SMS, in her
    language, to each invited number that belongs to a verified learner. A number without an
    account gets nothing (no SMS to strangers); the invitation waits for her sign-up."""
    learners = get_user_model().objects.filter(
        phone_number__in=list(phone_numbers),
        is_active=True,
        is_staff=False,
        is_superuser=False,
        phone_verified_at__isnull=False,
    )
    trainer = cohort.owner.get_full_name() or cohort.owner.first_name
    for learner in learners:
        with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
            text = gettext(
                "Taawounia Academy: %(trainer)s invites you to the cohort “%(cohort)s”. Sign in "
                "and open “Cohorts I am in” to accept or decline."
            ) % {"trainer": trainer or gettext("a trainer"), "cohort": cohort.name}
        send_sms(to=learner.phone_number, text=text)
