"""The marketplace's closed lists: product categories and units, order states, delivery, signs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    OILS = "oils", _("Argan and olive oils")
    HONEY = "honey", _("Honey and bee products")
    DATES = "dates", _("Dates and dried fruit")
    CEREALS = "cereals", _("Couscous and cereals")
    SPICES = "spices", _("Spices, herbs and saffron")
    DAIRY = "dairy", _("Cheese and dairy")
    COSMETICS = "cosmetics", _("Natural cosmetics")
    CRAFTS = "crafts", _("Crafts, pottery and carpets")
    OTHER = "other", _("Other products")


# Food the law asks to carry an ONSSA authorisation (or sanitary approval) number.
FOOD_CATEGORIES = {
    Category.OILS,
    Category.HONEY,
    Category.DATES,
    Category.CEREALS,
    Category.SPICES,
    Category.DAIRY,
}
CATEGORY_ICONS = {
    Category.OILS: "🫒",
    Category.HONEY: "🍯",
    Category.DATES: "🌴",
    Category.CEREALS: "🌾",
    Category.SPICES: "🌿",
    Category.DAIRY: "🧀",
    Category.COSMETICS: "🧴",
    Category.CRAFTS: "🏺",
    Category.OTHER: "📦",
}


class Unit(models.TextChoices):
    KG = "kg", pgettext_lazy("unit", "kilogram")
    GRAMS_500 = "500g", pgettext_lazy("unit", "500 g")
    GRAMS_250 = "250g", pgettext_lazy("unit", "250 g")
    LITRE = "l", pgettext_lazy("unit", "litre")
    CL_50 = "50cl", pgettext_lazy("unit", "50 cl bottle")
    CL_25 = "25cl", pgettext_lazy("unit", "25 cl bottle")
    PIECE = "piece", pgettext_lazy("unit", "piece")


class LabelKind(models.TextChoices):
    IGP = "igp", _("Protected geographical indication (IGP)")
    AOP = "aop", _("Protected designation of origin (AOP)")
    LABEL_AGRICOLE = "label_agricole", _("Label agricole")
    ORGANIC = "organic", _("Organic farming")


class OrderStatus(models.TextChoices):
    PLACED = "placed", pgettext_lazy("order status", "Placed")
    CONFIRMED = "confirmed", pgettext_lazy("order status", "Confirmed")
    REFUSED = "refused", pgettext_lazy("order status", "Refused")
    SHIPPED = "shipped", pgettext_lazy("order status", "Shipped")
    READY = "ready", pgettext_lazy("order status", "Ready for pickup")
    DELIVERED = "delivered", pgettext_lazy("order status", "Delivered")
    RETURNED = "returned", pgettext_lazy("order status", "Returned")
    CANCELLED = "cancelled", pgettext_lazy("order status", "Cancelled")


OPEN_STATUSES = {OrderStatus.PLACED, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.READY}
# Orders whose goods went back on the shelf (stock given back).
RESTOCKED_STATUSES = {OrderStatus.REFUSED, OrderStatus.RETURNED, OrderStatus.CANCELLED}


class Delivery(models.TextChoices):
    ADDRESS = "address", _("Delivery to an address")
    PICKUP = "pickup", _("Pickup point")


class PaymentStatus(models.TextChoices):
    DUE = "due", _("To pay on delivery")
    PAID = "paid", _("Paid")
    VOID = "void", _("Nothing to pay")
