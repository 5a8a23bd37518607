"""The order state machine: every allowed and refused step; the buyer's SMS after commit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from academy.models import SmsMessage
from marketplace.choices import Delivery, OrderStatus
from marketplace.models import Order, Product
from marketplace.services.checkout import Buyer, Destination, checkout_place
from marketplace.services.orders import BUYER, SELLER, TRANSITIONS, order_transition
from registry_link.tests.factories import user_make

from .factories import leader_make, product_make, shop_make

pytestmark = pytest.mark.django_db

S = OrderStatus
ALLOWED = {
    ("confirm", S.PLACED): S.CONFIRMED,
    ("refuse", S.PLACED): S.REFUSED,
    ("cancel", S.PLACED): S.CANCELLED,
    ("cancel", S.CONFIRMED): S.CANCELLED,
    ("ship", S.CONFIRMED): S.SHIPPED,  # address orders only
    ("ready", S.CONFIRMED): S.READY,  # pickup orders only
    ("deliver", S.SHIPPED): S.DELIVERED,
    ("deliver", S.READY): S.DELIVERED,
    ("return", S.SHIPPED): S.RETURNED,
    ("return", S.READY): S.RETURNED,
    ("buyer_cancel", S.PLACED): S.CANCELLED,
}


@pytest.fixture
def seller():
    cooperative, leader = leader_make()
    return shop_make(cooperative=cooperative, is_pickup_point=True), leader


def _order(shop, *, delivery=Delivery.ADDRESS, status=S.PLACED, quantity=2) -> Order:
    product = product_make(shop=shop, stock=10)
    destination = (
        Destination(delivery=delivery, address="12 rue Tiznit, Agadir")
        if delivery == Delivery.ADDRESS
        else Destination(delivery=delivery, pickup=str(shop.public_id))
    )
    placed = checkout_place(
        items={str(product.public_id): quantity},
        buyer=Buyer(name="Fatima", phone_number="+212612345678", language="ar"),
        destination=destination,
    )
    order = placed.orders.get()
    Order.objects.filter(pk=order.pk).update(status=status)
    order.refresh_from_db()
    return order


@pytest.mark.parametrize("action", sorted(TRANSITIONS))
@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("delivery", [Delivery.ADDRESS, Delivery.PICKUP])
def test_every_step_of_the_state_machine(seller, action, status, delivery):
    shop, leader = seller
    order = _order(shop, delivery=delivery, status=status)
    expected = ALLOWED.get((action, status))
    if action == "ship" and delivery == Delivery.PICKUP:
        expected = None
    if action == "ready" and delivery == Delivery.ADDRESS:
        expected = None
    actor = BUYER if action == "buyer_cancel" else SELLER
    if expected is None:
        with pytest.raises(ValidationError) as raised:
            order_transition(order=order, action=action, by=leader, actor=actor)
        assert raised.value.code == "transition_refused"
        order.refresh_from_db()
        assert order.status == status
    else:
        order_transition(order=order, action=action, by=leader, actor=actor)
        order.refresh_from_db()
        assert order.status == expected
        assert order.events.last().status == expected


def test_the_buyer_cannot_confirm_and_a_stranger_cannot_act(seller):
    shop, _ = seller
    order = _order(shop)
    with pytest.raises(ValidationError):
        order_transition(order=order, action="confirm", actor=BUYER)
    with pytest.raises(PermissionDenied):
        order_transition(order=order, action="confirm", by=user_make())
    other_cooperative, other_leader = leader_make()
    shop_make(cooperative=other_cooperative)
    with pytest.raises(PermissionDenied):
        order_transition(order=order, action="confirm", by=other_leader)


def test_refusing_gives_the_stock_back_and_delivering_marks_it_paid(seller):
    shop, leader = seller
    order = _order(shop, quantity=3)
    product = order.lines.get().product
    assert Product.objects.get(pk=product.pk).stock == 7
    order_transition(order=order, action="refuse", by=leader)
    assert Product.objects.get(pk=product.pk).stock == 10
    assert order.payment_status == "void"
    second = _order(shop)
    for action in ("confirm", "ship", "deliver"):
        order_transition(order=second, action=action, by=leader)
    assert second.payment_status == "paid"


def test_the_sms_is_written_with_the_change_and_only_leaves_after_commit(seller, outbox):
    shop, leader = seller
    order = _order(shop)
    before = SmsMessage.objects.count()

    def confirm_then_fail():
        with transaction.atomic():
            order_transition(order=order, action="confirm", by=leader)
            raise RuntimeError("the caller's transaction fails")

    with pytest.raises(RuntimeError):
        confirm_then_fail()
    assert SmsMessage.objects.count() == before  # rolled back with the change
    order.refresh_from_db()
    assert order.status == S.PLACED
    order_transition(order=order, action="confirm", by=leader)
    texts = [message["text"] for message in outbox(to="+212612345678")]
    assert any(order.reference in text for text in texts[-1:])


def test_sms_are_sent_after_commit_on_a_real_commit(seller, django_capture_on_commit_callbacks):
    shop, leader = seller
    order = _order(shop)
    with django_capture_on_commit_callbacks() as callbacks:
        order_transition(order=order, action="confirm", by=leader)
    assert callbacks, "the SMS is handed over only once the change commits"
