"""A shop: the marketplace face of a cooperative or union of the register."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from registry_link.api import Status


class ShopQuerySet(models.QuerySet):
    def open(self):
        """Shops anyone may see: the cooperative is active in the register (no struck-off or
        liquidated seller, whatever the shop row says)."""
        return self.filter(cooperative__status=Status.ACTIVE, is_open=True)


class Shop(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cooperative = models.OneToOneField(
        "registry_link.Cooperative",
        verbose_name=_("cooperative in the register"),
        on_delete=models.PROTECT,
        related_name="shop",
    )
    phone_number = models.CharField(
        _("contact phone"), max_length=20, help_text=_("Buyers and the law need a contact.")
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    description = models.TextField(_("about the shop"), blank=True)
    is_pickup_point = models.BooleanField(
        _("pickup point"),
        default=False,
        help_text=_("Buyers of other cooperatives may collect their orders here."),
    )
    is_open = models.BooleanField(_("open"), default=True)
    verified_at = models.DateTimeField(_("verified by staff on"), null=True, blank=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members allowed to manage the shop"),
        blank=True,
        related_name="managed_shops",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShopQuerySet.as_manager()

    class Meta:
        verbose_name = _("shop")
        verbose_name_plural = _("shops")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.cooperative.name

    def get_absolute_url(self) -> str:
        return reverse("marketplace:shop", kwargs={"public_id": self.public_id})

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
