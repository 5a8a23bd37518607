"""A record of each synchronisation with the register's API: where it started, where it stopped."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegisterSync(models.Model):
    class State(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        REJECTED = "rejected", _("Stopped: rows with problems")
        FAILED = "failed", _("Stopped: the register did not answer well")

    state = models.CharField(_("state"), max_length=10, choices=State, default=State.RUNNING)
    cursor_from = models.CharField(_("from"), max_length=200, blank=True)
    cursor_to = models.CharField(
        _("up to"),
        max_length=200,
        blank=True,
        help_text=_("Where the next synchronisation starts (the register's own marker)."),
    )
    pages = models.PositiveIntegerField(_("pages"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    error_code = models.CharField(_("error code"), max_length=40, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("synchronisation with the register")
        verbose_name_plural = _("synchronisations with the register")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.state}"
