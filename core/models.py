"""The shared kernel's only table: the outbox of tasks waiting to be handed to the broker."""

import uuid

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
