"""The order's states and the only ways between them (docs/decisions/0035).

placed → confirmed | refused | cancelled; confirmed → shipped (address) | ready (pickup) |
cancelled; shipped, ready → delivered | returned. Each change is one conditional UPDATE on the
status it starts from, so two taps at once change it once; the buyer gets an SMS after commit.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .. import error_codes
from ..choices import RESTOCKED_STATUSES, Delivery
from ..choices import OrderStatus as S
from ..models import Order, OrderEvent, Product
from ..payments import payment_method
from ..selectors import can_manage
from . import notify

SELLER, BUYER = "seller", "buyer"


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str
    actors: frozenset
    delivery: str = ""  # only for orders delivered this way


TRANSITIONS = {
    "confirm": Transition(frozenset({S.PLACED}), S.CONFIRMED, frozenset({SELLER})),
    "refuse": Transition(frozenset({S.PLACED}), S.REFUSED, frozenset({SELLER})),
    "ship": Transition(frozenset({S.CONFIRMED}), S.SHIPPED, frozenset({SELLER}), Delivery.ADDRESS),
    "ready": Transition(frozenset({S.CONFIRMED}), S.READY, frozenset({SELLER}), Delivery.PICKUP),
    "deliver": Transition(frozenset({S.SHIPPED, S.READY}), S.DELIVERED, frozenset({SELLER})),
    "return": Transition(frozenset({S.SHIPPED, S.READY}), S.RETURNED, frozenset({SELLER})),
    "cancel": Transition(frozenset({S.PLACED, S.CONFIRMED}), S.CANCELLED, frozenset({SELLER})),
    "buyer_cancel": Transition(frozenset({S.PLACED}), S.CANCELLED, frozenset({BUYER})),
}


def actions_for(order: Order, *, actor: str) -> list[str]:
    """The actions ``actor`` may take on the order now (the buttons to show)."""
    return [
        name
        for name, step in TRANSITIONS.items()
        if order.status in step.sources
        and actor in step.actors
        and (not step.delivery or step.delivery == order.delivery)
    ]


def _refused(order: Order, action: str) -> ValidationError:
    return ValidationError(
        _("This order is “%(status)s”: it cannot be changed that way."),
        code=error_codes.TRANSITION_REFUSED,
        params={"status": order.get_status_display()},
    )


def _restock(order: Order) -> None:
    for line in order.lines.all():
        Product.objects.filter(pk=line.product_id).update(stock=F("stock") + line.quantity)


def order_transition(*, order: Order, action: str, by=None, actor: str = SELLER) -> Order:
    """Move the order along ``action``; a seller must manage its shop. Raises a translated
    ValidationError (``transition_refused``) for a step the state machine does not allow."""
    step = TRANSITIONS.get(action)
    if actor == SELLER and not (by is not None and can_manage(user=by, shop=order.shop)):
        raise PermissionDenied(error_codes.NOT_A_MANAGER)
    if step is None or actor not in step.actors:
        raise _refused(order, action)
    if step.delivery and step.delivery != order.delivery:
        raise _refused(order, action)
    with transaction.atomic():
        changed = Order.objects.filter(pk=order.pk, status__in=step.sources).update(
            status=step.target
        )
        order.refresh_from_db()
        if not changed:
            raise _refused(order, action)
        OrderEvent.objects.create(
            order=order, status=step.target, by=by if actor == SELLER else None
        )
        method = payment_method(order.payment_method)
        if step.target in RESTOCKED_STATUSES:
            _restock(order)
            order.payment_status = method.cancelled(order)
        elif step.target == S.DELIVERED:
            order.payment_status = method.delivered(order)
        order.save(update_fields=["payment_status", "updated_at"])
        notify.order_status_changed(order=order)
    return order
