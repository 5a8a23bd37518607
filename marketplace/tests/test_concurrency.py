"""Many buyers at once for the last items: the stock never goes below zero (PostgreSQL)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from marketplace.models import Order, OrderLine, Product
from marketplace.services.checkout import Buyer, Destination, checkout_place

from .factories import product_make

BUYERS = 24
STOCK = 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_orders_never_oversell(geography):
    if connection.vendor != "postgresql":
        pytest.skip("the row locks under test are PostgreSQL's")
    product = product_make(stock=STOCK)
    other = product_make(stock=100, shop=product.shop, name="تمر")
    start = threading.Barrier(BUYERS)

    def buy(number: int) -> str:
        try:
            start.wait()
            checkout_place(
                items={str(other.public_id): 1, str(product.public_id): 1 + number % 2},
                buyer=Buyer(f"B{number}", f"+2126123{number:05d}", "ar"),
                destination=Destination(delivery="address", address="Tiznit"),
            )
            return "ok"
        except ValidationError as error:
            return error.code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(BUYERS) as pool:
        outcomes = list(pool.map(buy, range(BUYERS)))

    sold = sum(OrderLine.objects.filter(product=product).values_list("quantity", flat=True))
    left = Product.objects.get(pk=product.pk).stock
    assert sold + left == STOCK
    assert left >= 0
    assert set(outcomes) <= {"ok", "out_of_stock"}
    assert outcomes.count("ok") == Order.objects.count() >= 2
    assert outcomes.count("out_of_stock") >= BUYERS - STOCK
    # a refused cart reserved nothing of its other product either
    assert Product.objects.get(pk=other.pk).stock == 100 - outcomes.count("ok")
