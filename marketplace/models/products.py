"""Products a shop lists: translated texts (django-parler), price in MAD, stock, photos, voice."""

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from ..choices import CATEGORY_ICONS, FOOD_CATEGORIES, Category, Unit


class Product(TranslatableModel):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    shop = models.ForeignKey(
        "marketplace.Shop",
        verbose_name=_("shop"),
        on_delete=models.CASCADE,
        related_name="products",
    )
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category)
    unit = models.CharField(_("sold by"), max_length=10, choices=Unit, default=Unit.KG)
    price = models.DecimalField(
        _("price (MAD)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(0.01)],
    )
    stock = models.PositiveIntegerField(_("in stock"), default=0)
    minimum_order = models.PositiveIntegerField(
        _("minimum order"), default=1, validators=[MinValueValidator(1)]
    )
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("region of origin"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    onssa_number = models.CharField(
        _("ONSSA authorisation number"),
        max_length=40,
        blank=True,
        help_text=_("Required for food products."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    voice = models.ForeignKey(
        "media_pipeline.MediaAsset",
        verbose_name=_("spoken description"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_listed = models.BooleanField(_("listed"), default=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(stock__gte=0), name="product_stock_positive"),
            models.CheckConstraint(condition=models.Q(price__gt=0), name="product_price_positive"),
        ]
        indexes = [
            models.Index(fields=["category", "is_listed"]),
            models.Index(fields=["region", "is_listed"]),
            models.Index(fields=["-created_at", "-id"], name="product_newest_first"),
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or str(self.public_id)

    def get_absolute_url(self) -> str:
        return reverse("marketplace:product", kwargs={"public_id": self.public_id})

    @property
    def icon(self) -> str:
        return CATEGORY_ICONS.get(self.category, "📦")

    @property
    def needs_onssa(self) -> bool:
        return self.category in FOOD_CATEGORIES


class ProductPhoto(models.Model):
    """More photos of a product, after the main one."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")

    def __str__(self) -> str:
        return f"{self.product} #{self.position}"
