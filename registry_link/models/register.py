"""A mirror of ODCO's central register of cooperatives (DOMAIN.md, "Founding a cooperative").

A cooperative is identified by its court and its local registration number there: both are
opaque strings, a number means nothing without its court. Every change is kept in a history.
"""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from project_bank.api import Sector

from ..choices import Kind, Status


class CooperativeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Status.ACTIVE)


class Cooperative(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.COOPERATIVE)
    name_ar = models.CharField(_("name in Arabic"), max_length=200, blank=True)
    name_latin = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    name_tfng = models.CharField(_("name in Tifinagh"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector)
    address = models.CharField(_("address of the seat"), max_length=300, blank=True)
    region = models.ForeignKey(
        "core.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province or prefecture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    commune = models.ForeignKey(
        "core.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    court = models.CharField(
        _("court"), max_length=80, help_text=_("The court of first instance that registered it.")
    )
    local_number = models.CharField(_("local registration number"), max_length=40)
    registered_on = models.DateField(_("registered on"), null=True, blank=True)
    object = models.TextField(_("object"), blank=True)
    capital = models.PositiveBigIntegerField(_("capital (MAD)"), default=0)
    share_value = models.PositiveIntegerField(_("value of one share (MAD)"), default=0)
    members_count = models.PositiveIntegerField(_("members"), default=0)
    women_count = models.PositiveIntegerField(_("women members"), default=0)
    youth_count = models.PositiveIntegerField(_("young members"), default=0)
    managers = models.JSONField(
        _("managers"),
        default=list,
        blank=True,
        help_text=_('A list of {"name": ..., "role": ...} as the register gives them.'),
    )
    union = models.ForeignKey(
        "self",
        verbose_name=_("member of the union"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="union_members",
        limit_choices_to={"kind": Kind.UNION},
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.ACTIVE)
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo entry"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = CooperativeQuerySet.as_manager()

    class Meta:
        ordering = ["court", "local_number"]
        verbose_name = _("cooperative in the register")
        verbose_name_plural = _("cooperatives in the register")
        constraints = [
            models.UniqueConstraint(
                fields=["court", "local_number"], name="register_number_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(name_ar="", name_latin="", name_tfng=""),
                name="register_has_a_name",
            ),
            models.CheckConstraint(
                condition=models.Q(women_count__lte=models.F("members_count"))
                & models.Q(youth_count__lte=models.F("members_count")),
                name="register_member_counts_consistent",
            ),
        ]
        indexes = [models.Index(fields=["region", "sector", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry_link:cooperative", kwargs={"public_id": self.public_id})

    @property
    def name(self) -> str:
        """The name in the script the register gave first (Arabic, then Latin, then Tifinagh)."""
        return self.name_ar or self.name_latin or self.name_tfng

    @property
    def names(self) -> list[str]:
        return [name for name in (self.name_ar, self.name_latin, self.name_tfng) if name]

    @property
    def is_active(self) -> bool:
        return self.status == Status.ACTIVE

    @property
    def registration(self) -> str:
        """The number as people quote it: the court scopes it."""
        return f"{self.local_number} · {self.court}"
