"""A seller cannot claim a quality sign; an expired certificate hides the sign."""

import pytest
from django.urls import reverse

from marketplace.forms import ProductForm
from marketplace.models import QualityLabel

from .factories import label_make, leader_make, product_make, shop_make

pytestmark = pytest.mark.django_db


def test_the_seller_form_has_no_way_to_type_a_sign():
    assert not {"label", "labels", "sign", "kind"} & set(ProductForm.base_fields)


def test_a_sign_posted_by_the_seller_is_ignored(client):
    cooperative, leader = leader_make()
    shop = shop_make(cooperative=cooperative)
    client.force_login(leader)
    response = client.post(
        reverse("marketplace:product_new", args=[shop.public_id]),
        {
            "name": "Huile d'argan",
            "category": "cosmetics",
            "unit": "50cl",
            "price": "90",
            "stock": "5",
            "minimum_order": "1",
            "region": "09",
            "labels": "1",
            "label": "igp",
            "kind": "aop",
        },
    )
    assert response.status_code == 302
    assert not QualityLabel.objects.filter(shop=shop).exists()
    assert "IGP" not in client.get(response.url).content.decode()


def test_a_valid_certificate_shows_its_sign_and_an_expired_one_hides_it(client):
    product = product_make(name="أركان إيغود")
    label = label_make(shop=product.shop, products=[product])
    page = client.get(product.get_absolute_url()).content.decode()
    assert label.certificate_number in page
    assert "Normacert" in page
    filtered = client.get(reverse("marketplace:products"), {"label": "igp"}).content.decode()
    assert "أركان إيغود" in filtered

    label.valid_until = label.valid_until.replace(year=2020)
    label.save()
    page = client.get(product.get_absolute_url()).content.decode()
    assert label.certificate_number not in page
    filtered = client.get(reverse("marketplace:products"), {"label": "igp"}).content.decode()
    assert "أركان إيغود" not in filtered


def test_a_sign_covers_only_the_products_staff_chose(client):
    covered = product_make(name="زيت مغطى")
    other = product_make(name="زيت آخر", shop=covered.shop)
    label = label_make(shop=covered.shop, products=[covered])
    assert label.certificate_number not in client.get(other.get_absolute_url()).content.decode()
