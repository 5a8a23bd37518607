"""The course evaluation survey (ODCO's "evaluation of training sessions"), with an optional
voice note: private, served only to the learner and to those who see the reports."""

from pathlib import PurePath
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def voice_note_path(instance: "Evaluation", filename: str) -> str:
    """Per learner, a folder named by a keyed hash: unguessable without the secret key."""
    folder = salted_hmac("assessments.voice-note", str(instance.learner_id)).hexdigest()[:32]
    extension = PurePath(filename).suffix.lower()[:6]
    return f"assessments/voice-notes/{folder}/{uuid4().hex}{extension}"


class Evaluation(models.Model):
    class Useful(models.TextChoices):
        YES = "yes", _("Yes")
        SOMEWHAT = "somewhat", _("A little")
        NO = "no", _("No")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE
    )
    course_key = models.UUIDField(_("course"))
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1–5)"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    useful = models.CharField(_("useful for the cooperative"), max_length=10, choices=Useful)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    voice_note = models.FileField(
        _("voice note"), upload_to=voice_note_path, blank=True, max_length=200
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("course evaluation")
        verbose_name_plural = _("course evaluations")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="one_evaluation_each")
        ]

    def __str__(self) -> str:
        return f"{self.course_key} · {self.satisfaction}"
