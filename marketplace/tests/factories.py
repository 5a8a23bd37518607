"""Factories for the marketplace's tests."""

import io
from datetime import timedelta
from decimal import Decimal
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage

from core.arabic import search_document
from marketplace.models import Product, QualityLabel, Shop
from registry_link.choices import Role
from registry_link.tests.factories import cooperative_make, membership_make, user_make

_numbers = count(1)


def leader_make(cooperative=None, **fields):
    """A cooperative (active unless told) and its confirmed leader."""
    cooperative = cooperative or cooperative_make(**fields)
    leader = user_make()
    membership_make(cooperative=cooperative, user=leader, role=Role.LEADER)
    return cooperative, leader


def shop_make(*, cooperative=None, is_pickup_point=False, **fields) -> Shop:
    cooperative = cooperative or cooperative_make(**fields)
    return Shop.objects.create(
        cooperative=cooperative,
        phone_number=f"+2126610{next(_numbers):05d}",
        is_pickup_point=is_pickup_point,
    )


def product_make(*, shop=None, name="زيت الأركان", stock=10, price="120.00", **fields) -> Product:
    shop = shop or shop_make()
    fields.setdefault("category", "oils")
    fields.setdefault("onssa_number", "AO.12.345.67")
    fields.setdefault("region_id", "09")
    product = Product(shop=shop, stock=stock, price=Decimal(price), **fields)
    product.set_current_language("ar")
    product.name = name
    product.save()
    Product.objects.filter(pk=product.pk).update(
        search_text=search_document(f"{name} {shop.cooperative.name}")
    )
    return product


def label_make(*, shop, products=(), valid_days=365, kind="igp") -> QualityLabel:
    label = QualityLabel.objects.create(
        kind=kind,
        name="Argane IGP",
        shop=shop,
        certifying_body="Normacert",
        certificate_number=f"IGP-{next(_numbers)}",
        valid_until=timezone.localdate() + timedelta(days=valid_days),
    )
    label.products.set(products)
    return label


def photo_upload(name="photo.jpg", colour=(200, 140, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (800, 600), colour).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
