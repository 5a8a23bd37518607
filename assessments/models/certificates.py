"""Certificates: issued once per learner and course, verifiable by an unguessable code."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    course_key = models.UUIDField(_("course"))
    code = models.CharField(_("code"), max_length=40, unique=True)
    learner_name = models.CharField(_("name on the certificate"), max_length=300)
    language = models.CharField(_("language"), max_length=8)
    course_title = models.CharField(_("course title"), max_length=255)
    course_title_ar = models.CharField(_("course title in Arabic"), max_length=255)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=0)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course_key"], name="one_certificate_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course_title} · {self.code}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
