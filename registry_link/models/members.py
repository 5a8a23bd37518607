"""Tries at claiming a membership (registration number + name), counted against guessing."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClaimTry(models.Model):
    """One try at naming a cooperative by its number and name; written, and committed, before
    the register is even looked up (decision 0033), so a rollback never erases it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    tried_at = models.DateTimeField(_("tried at"), default=timezone.now)
    succeeded = models.BooleanField(_("succeeded"), default=False)

    class Meta:
        verbose_name = _("try at joining a cooperative")
        verbose_name_plural = _("tries at joining a cooperative")
        indexes = [models.Index(fields=["user", "tried_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.tried_at:%Y-%m-%d %H:%M}"
