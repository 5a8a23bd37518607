"""Certificates: issued once per learner and subject (a course or a learning path), verifiable
by an unguessable code. Titles, duration and a path's courses are a snapshot taken at issue.

``courses`` (paths only) lists the path's courses as issued: ``[{"title": ..., "title_ar": ...}]``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        PATH = "path", _("Learning path")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind, default=Kind.COURSE)
    subject_key = models.UUIDField(
        _("course or path"), help_text=_("The translation key of the course or learning path.")
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    learner_name = models.CharField(_("name on the certificate"), max_length=300)
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=255)
    title_ar = models.CharField(_("title in Arabic"), max_length=255)
    courses = models.JSONField(_("courses of the path"), default=list, blank=True)
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
                fields=["learner", "kind", "subject_key"], name="one_certificate_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} · {self.code}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def is_path(self) -> bool:
        return self.kind == self.Kind.PATH
