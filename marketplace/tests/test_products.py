"""Listing from a phone: texts in her language, a photo, a voice, the ONSSA number for food."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.models import Product
from marketplace.services.products import ProductData, product_save
from media_pipeline.tests import media
from registry_link.tests.factories import user_make

from .factories import leader_make, photo_upload, shop_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller():
    cooperative, leader = leader_make()
    return shop_make(cooperative=cooperative), leader


def _data(**changes) -> ProductData:
    values = {
        "name": "ⴰⵔⴳⴰⵏ",
        "description": "",
        "category": "cosmetics",
        "unit": "50cl",
        "price": Decimal("90"),
        "stock": 5,
        "minimum_order": 1,
        "region": "09",
    }
    return ProductData(**(values | changes))


def test_food_needs_its_onssa_number(seller):
    shop, leader = seller
    with pytest.raises(ValidationError) as raised:
        product_save(shop=shop, by=leader, data=_data(category="honey"), language="shi")
    assert raised.value.error_dict["onssa_number"][0].code == "onssa_required"
    product = product_save(
        shop=shop, by=leader, data=_data(category="honey", onssa_number="AO.1"), language="shi"
    )
    assert product.onssa_number == "AO.1"


def test_texts_fall_back_along_the_language_chain(seller):
    shop, leader = seller
    product = product_save(shop=shop, by=leader, data=_data(name="Huile"), language="fr")
    product = Product.objects.get(pk=product.pk)
    product.set_current_language("ar")
    assert product.safe_translation_getter("name", any_language=True) == "Huile"


def test_a_photo_becomes_a_wagtail_image_with_small_renditions(seller, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    shop, leader = seller
    product = product_save(shop=shop, by=leader, data=_data(), language="shi", photo=photo_upload())
    rendition = product.photo.get_rendition("fill-360x240|format-webp")
    assert rendition.width == 360
    assert rendition.url.endswith(".webp")
    avif = product.photo.get_rendition("fill-360x240|format-avif")
    assert avif.url.endswith(".avif")


def test_a_file_that_is_not_a_photo_is_refused(seller):
    shop, leader = seller
    fake = SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError) as raised:
        product_save(shop=shop, by=leader, data=_data(), language="shi", photo=fake)
    assert raised.value.code == "photo_invalid"
    assert not Product.objects.filter(shop=shop).exists()


def test_a_voice_description_goes_through_the_media_pipeline(seller, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    shop, leader = seller
    recording = media.audio(tmp_path, name="voice.m4a", seconds=2)
    upload = SimpleUploadedFile("voice.m4a", recording.read_bytes(), content_type="audio/mp4")
    product = product_save(shop=shop, by=leader, data=_data(), language="shi", voice=upload)
    assert product.voice is not None
    assert product.voice.language == "shi"
    assert product.voice.original_name.endswith(".m4a")


def test_a_voice_that_is_not_sound_is_refused(seller):
    shop, leader = seller
    fake = SimpleUploadedFile("v.m4a", b"\x00" * 400, content_type="audio/mp4")
    with pytest.raises(ValidationError) as raised:
        product_save(shop=shop, by=leader, data=_data(), language="shi", voice=fake)
    assert raised.value.code == "voice_not_audio"


def test_another_shops_product_or_a_stranger_is_refused(seller, client):
    shop, leader = seller
    product = product_save(shop=shop, by=leader, data=_data(), language="fr")
    with pytest.raises(PermissionDenied):
        product_save(shop=shop, by=user_make(), data=_data(), language="fr")
    other_cooperative, other_leader = leader_make()
    other = shop_make(cooperative=other_cooperative)
    client.force_login(other_leader)
    url = reverse("marketplace:product_edit", args=[other.public_id, product.public_id])
    assert client.get(url).status_code == 404
    url = reverse("marketplace:product_edit", args=[shop.public_id, product.public_id])
    assert client.get(url).status_code == 404
