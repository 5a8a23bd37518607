"""The shared kernel's tables: the outbox of tasks waiting for the broker, and imports run in
the background (the file sent, its progress and, at the end, its report)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task written with the change that calls for it; published to the broker after commit.

    ``id`` is also the Celery task id, so a message published twice is recognisable as one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("positional arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("publishing attempts"), default=0)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(published_at=None), name="core_outbox_pending"
            ),
            models.Index(fields=["published_at"], name="core_outbox_published"),
        ]

    def __str__(self) -> str:
        return f"{self.task_name} {self.pk}"


class ImportJob(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Nothing imported: the file has problems")
        FAILED = "failed", _("Failed")

    FINAL_STATES = (State.DONE, State.REJECTED, State.FAILED)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=40)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE
    )
    file_name = models.CharField(_("file name"), max_length=255)
    language = models.CharField(_("language of the report"), max_length=8, blank=True)
    data = models.BinaryField(_("file"), blank=True)  # emptied once the import has run
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.WAITING)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINAL_STATES

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
