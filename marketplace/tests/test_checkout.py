"""Buying: the phone proved by a code, one order per seller, prices from the server."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from marketplace.models import Checkout, Order, Product
from marketplace.services.checkout import Buyer, Destination, checkout_place

from .factories import product_make, shop_make

pytestmark = pytest.mark.django_db
PHONE = "+212612345678"


def _fill_cart(client, *products, quantity=2):
    for product in products:
        response = client.post(
            reverse("marketplace:cart_add", args=[product.public_id]),
            {"quantity": quantity, "price": "0.01"},
        )
        assert response.status_code == 302


def _checkout_form(**changes):
    form = {
        "name": "Fatima",
        "phone_number": "06 12 34 56 78",
        "delivery": "address",
        "address": "12 rue Tiznit, Agadir",
        "price": "1",
        "total": "1",
    }
    return form | changes


def _code(outbox) -> str:
    return re.search(r"\d{6}", outbox(to=PHONE)[-1]["text"]).group()


def test_an_order_needs_the_code_sent_to_the_number(client, outbox):
    product = product_make(stock=5)
    _fill_cart(client, product)
    response = client.post(reverse("marketplace:checkout_start"), _checkout_form())
    assert response.url == reverse("marketplace:checkout_verify")
    assert not Order.objects.exists()
    wrong = client.post(response.url, {"code": "000000"})
    assert wrong.status_code == 200
    assert not Order.objects.exists()
    assert "wrong" in wrong.content.decode() or wrong.context["form"].errors
    placed = client.post(response.url, {"code": _code(outbox)})
    checkout = Checkout.objects.get()
    assert placed.url == checkout.get_absolute_url()
    assert checkout.phone_number == PHONE
    assert Product.objects.get(pk=product.pk).stock == 3


def test_a_number_proved_once_orders_again_without_a_new_code(client, outbox):
    product = product_make(stock=5)
    _fill_cart(client, product, quantity=1)
    verify = client.post(reverse("marketplace:checkout_start"), _checkout_form()).url
    client.post(verify, {"code": _code(outbox)})
    _fill_cart(client, product, quantity=1)
    sent = len(outbox(to=PHONE))
    response = client.post(reverse("marketplace:checkout_start"), _checkout_form())
    assert "/market/orders/" in response.url  # in whatever language her last page was
    assert Checkout.objects.count() == 2
    assert len(outbox(to=PHONE)) == sent + 1  # the order's SMS, no new code


def test_code_requests_are_rate_limited(client, settings, outbox):
    settings.OTP_MAX_PER_NUMBER_PER_HOUR = 2
    product = product_make(stock=5)
    _fill_cart(client, product)
    for _ in range(2):
        assert (
            client.post(reverse("marketplace:checkout_start"), _checkout_form()).status_code == 302
        )
    refused = client.post(reverse("marketplace:checkout_start"), _checkout_form())
    assert refused.status_code == 200
    assert "Too many codes" in refused.content.decode() or refused.context["form"].errors


def test_a_mixed_cart_makes_one_order_per_seller_with_server_prices(client, outbox):
    first, second = shop_make(), shop_make()
    oil = product_make(shop=first, price="120.00")
    honey = product_make(shop=first, name="عسل", price="80.00")
    dates = product_make(shop=second, name="تمر", price="45.50")
    _fill_cart(client, oil, honey, dates)
    Product.objects.filter(pk=oil.pk).update(price=Decimal("130.00"))  # the seller changed it
    verify = client.post(reverse("marketplace:checkout_start"), _checkout_form()).url
    client.post(verify, {"code": _code(outbox)})
    checkout = Checkout.objects.get()
    orders = {order.shop_id: order for order in checkout.orders.all()}
    assert set(orders) == {first.pk, second.pk}
    assert orders[first.pk].total == Decimal("420.00")  # (130 + 80) × 2
    assert orders[second.pk].total == Decimal("91.00")
    assert {order.payment_method for order in orders.values()} == {"cash_on_delivery"}
    assert {order.payment_status for order in orders.values()} == {"due"}
    shops_texted = {message["to"] for message in outbox()}
    assert {first.phone_number, second.phone_number} <= shops_texted


def test_nothing_is_reserved_when_one_product_of_the_cart_ran_out():
    plenty, scarce = product_make(stock=10), product_make(stock=1)
    with pytest.raises(ValidationError) as raised:
        checkout_place(
            items={str(plenty.public_id): 2, str(scarce.public_id): 2},
            buyer=Buyer(name="A", phone_number=PHONE, language="fr"),
            destination=Destination(delivery="address", address="Tiznit"),
        )
    assert raised.value.code == "out_of_stock"
    assert Product.objects.get(pk=plenty.pk).stock == 10
    assert not Order.objects.exists()


@pytest.mark.parametrize(
    ("items", "destination", "code"),
    [
        ({}, Destination(delivery="address", address="x"), "cart_empty"),
        (None, Destination(delivery="address", address=" "), "address_required"),
        (None, Destination(delivery="pickup", pickup=""), "pickup_required"),
    ],
)
def test_bad_checkouts_are_refused_with_a_stable_code(items, destination, code):
    product = product_make(stock=10, minimum_order=1)
    items = {str(product.public_id): 1} if items is None else items
    with pytest.raises(ValidationError) as raised:
        checkout_place(items=items, buyer=Buyer("A", PHONE, "fr"), destination=destination)
    assert raised.value.code == code


def test_below_the_minimum_order_is_refused():
    product = product_make(stock=10, minimum_order=3)
    with pytest.raises(ValidationError) as raised:
        checkout_place(
            items={str(product.public_id): 2},
            buyer=Buyer("A", PHONE, "fr"),
            destination=Destination(delivery="address", address="Tiznit"),
        )
    assert raised.value.code == "below_minimum"


def test_someone_elses_order_cannot_be_cancelled_from_another_browser(client):
    product = product_make(stock=5)
    checkout = checkout_place(
        items={str(product.public_id): 1},
        buyer=Buyer("A", PHONE, "fr"),
        destination=Destination(delivery="address", address="Tiznit"),
    )
    order = checkout.orders.get()
    response = client.post(reverse("marketplace:order_cancel", args=[order.public_id]))
    assert response.status_code == 404
    order.refresh_from_db()
    assert order.status == "placed"


def test_the_cart_never_sends_the_buyer_to_another_site(client):
    product = product_make(stock=5)
    response = client.post(
        reverse("marketplace:cart_add", args=[product.public_id]),
        {"quantity": 1, "next": "https://example.org/phish"},
    )
    assert response.url == reverse("marketplace:cart")
