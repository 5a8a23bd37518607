"""What a learner does with courses: enrolment, progress per lesson, completion, cohorts.

Everything is keyed by the pages' ``translation_key``, never by a page id: a lesson is the same
lesson in every language, so progress follows the learner when she changes language.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

JOIN_CODE_DIGITS = 8


def cohort_join_code() -> str:
    """Eight random digits: typed on the keypad a learner already uses for her PIN."""
    return "".join(secrets.choice("0123456789") for _digit in range(JOIN_CODE_DIGITS))


class Cohort(models.Model):
    """Learners a trainer follows together: one cooperative's members, one regional session.

    ``members`` holds only learners who consented (an accepted invitation or the cohort's code):
    every read of the trainer's goes through it (docs/decisions/0020).
    """

    name = models.CharField(_("name"), max_length=120)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="owned_cohorts",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="cohorts", blank=True
    )
    join_code = models.CharField(
        _("code to join"),
        max_length=JOIN_CODE_DIGITS,
        unique=True,
        default=cohort_join_code,
        help_text=_("The trainer gives it to learners, who type it in their space to join."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CohortCourse(models.Model):
    """A course the cohort follows: its members (now and to come) are enrolled in it."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="courses"
    )
    course_key = models.UUIDField(_("course"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("course of a cohort")
        verbose_name_plural = _("courses of cohorts")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "course_key"], name="one_course_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.course_key}"


class CohortInvitation(models.Model):
    """A trainer's invitation to a phone number, and the answer of the learner who owns it.

    Accepted, it is her consent to be followed in the cohort; ``left`` records that she withdrew
    it. A learner who joins with the cohort's code gets an accepted row with no ``invited_by``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left the cohort")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="invitations"
    )
    phone_number = models.CharField(_("phone number"), max_length=20, db_index=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner who answered"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cohort_invitations",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("cohort invitation")
        verbose_name_plural = _("cohort invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "phone_number"], name="one_invitation_per_cohort_and_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort} → {self.phone_number} ({self.status})"


class CohortCodeTry(models.Model):
    """A learner typed a cohort's code: counted before the join, so no rollback erases it."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    tried_at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("try of a cohort code")
        verbose_name_plural = _("tries of cohort codes")
        indexes = [models.Index(fields=["learner", "tried_at"])]

    def __str__(self) -> str:
        return f"{self.learner_id} @ {self.tried_at:%Y-%m-%d %H:%M}"


class Enrolment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), null=True, blank=True, on_delete=models.SET_NULL
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course_key"], name="one_enrolment_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} → {self.course_key}"


class LessonProgress(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson_key = models.UUIDField(_("lesson"))
    course_key = models.UUIDField(_("course"), db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.NOT_STARTED
    )
    position_seconds = models.FloatField(_("position (seconds)"), default=0)
    duration_seconds = models.FloatField(_("media duration (seconds)"), null=True, blank=True)
    event_at = models.DateTimeField(_("time of the latest event"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson_key"], name="one_progress_per_lesson"
            )
        ]
        indexes = [models.Index(fields=["learner", "course_key", "event_at"])]

    def __str__(self) -> str:
        return f"{self.learner} · {self.lesson_key} · {self.status}"


class ProgressEvent(models.Model):
    """Each event a device reported, kept once by its client-generated id: replays are harmless."""

    class Kind(models.TextChoices):
        OPEN = "open", _("opened")
        POSITION = "position", _("media position")
        DONE = "done", _("marked done")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_events"
    )
    lesson_key = models.UUIDField()
    kind = models.CharField(max_length=10, choices=Kind)
    position_seconds = models.FloatField(null=True, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    occurred_at = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("progress event")
        verbose_name_plural = _("progress events")

    def __str__(self) -> str:
        return f"{self.kind} {self.lesson_key} @ {self.occurred_at:%Y-%m-%d %H:%M}"
