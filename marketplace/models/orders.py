"""Orders: one checkout by a buyer, split into one order per shop, each with its timeline."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import Delivery, OrderStatus, PaymentStatus


class Checkout(models.Model):
    """What a buyer ordered at once (her cart), from one shop or several."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    buyer_name = models.CharField(_("name"), max_length=120)
    phone_number = models.CharField(_("phone number"), max_length=20, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("checkout")
        verbose_name_plural = _("checkouts")

    def __str__(self) -> str:
        return f"{self.buyer_name} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("marketplace:checkout", kwargs={"public_id": self.public_id})


class Order(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    checkout = models.ForeignKey(Checkout, on_delete=models.CASCADE, related_name="orders")
    shop = models.ForeignKey(
        "marketplace.Shop", verbose_name=_("shop"), on_delete=models.PROTECT, related_name="orders"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OrderStatus, default=OrderStatus.PLACED
    )
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery)
    address = models.TextField(_("delivery address"), blank=True)
    pickup = models.ForeignKey(
        "marketplace.Shop",
        verbose_name=_("pickup point"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pickups",
    )
    total = models.DecimalField(_("total (MAD)"), max_digits=11, decimal_places=2)
    payment_method = models.CharField(_("payment"), max_length=30)
    payment_status = models.CharField(
        _("payment status"), max_length=8, choices=PaymentStatus, default=PaymentStatus.DUE
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["shop", "status", "created_at"])]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("marketplace:order", kwargs={"public_id": self.public_id})

    @property
    def reference(self) -> str:
        """A short reference people can read out on the phone."""
        return str(self.public_id).split("-")[0].upper()


class OrderLine(models.Model):
    """A product at the price the server knew when the order was placed."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(
        "marketplace.Product", on_delete=models.PROTECT, related_name="order_lines"
    )
    name = models.CharField(_("product"), max_length=200)
    unit = models.CharField(_("unit"), max_length=10)
    unit_price = models.DecimalField(_("unit price (MAD)"), max_digits=9, decimal_places=2)
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.name}"

    @property
    def amount(self):
        return self.unit_price * self.quantity


class OrderEvent(models.Model):
    """One step of the order's timeline."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=12, choices=OrderStatus)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("order event")
        verbose_name_plural = _("order events")

    def __str__(self) -> str:
        return f"{self.order} {self.status}"
