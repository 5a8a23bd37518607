"""Who belongs to which cooperative, and who leads it.

A learner asks to join (claim) or is invited; the cooperative's leader confirms. A leader is a
member whose role is ``leader`` for that cooperative only: leading one cooperative gives no sight
of another's members.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import LinkSource, LinkStatus, Role


class MembershipQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=LinkStatus.CONFIRMED)

    def leaders(self):
        return self.confirmed().filter(role=Role.LEADER)


class Membership(models.Model):
    cooperative = models.ForeignKey(
        "registry_link.Cooperative",
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="cooperative_memberships",
    )
    role = models.CharField(_("role"), max_length=8, choices=Role, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=LinkStatus, default=LinkStatus.CLAIMED
    )
    source = models.CharField(_("how she was linked"), max_length=12, choices=LinkSource)
    created_at = models.DateTimeField(_("asked on"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["cooperative", "-role", "created_at"]
        verbose_name = _("cooperative membership")
        verbose_name_plural = _("cooperative memberships")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "user"], name="membership_once"),
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.cooperative}"

    @property
    def is_leader(self) -> bool:
        return self.role == Role.LEADER and self.status == LinkStatus.CONFIRMED
