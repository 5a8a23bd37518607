"""How an order is paid: one interface, cash on delivery built in (docs/decisions/0035).

A payment method is a small class named in ``MARKETPLACE["PAYMENT_METHODS"]`` (code → dotted
path). The order services call it at three moments, inside their transaction:

- ``start(order)`` when the order is placed: returns the order's first payment status (cash on
  delivery: ``due``; a card adapter would create its payment intent here and return ``due`` until
  its gateway confirms, through a webhook view of its own calling ``order_paid``);
- ``delivered(order)`` when the goods are handed over: cash on delivery is collected then;
- ``cancelled(order)`` when the order is refused, cancelled or returned: a card adapter refunds.

Each returns the new ``PaymentStatus``; the services store it. Nothing here sends or enqueues
work before commit: an adapter that calls a gateway asks for it with ``transaction.on_commit``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from . import error_codes
from .choices import PaymentStatus

CASH_ON_DELIVERY = "cash_on_delivery"
DEFAULT_METHODS = {CASH_ON_DELIVERY: "marketplace.payments.CashOnDelivery"}


@dataclass(frozen=True)
class PaymentMethod:
    """The interface. ``code`` is stored on the order; ``label`` is shown to the buyer."""

    code: str = ""
    label: str = ""
    icon: str = ""

    def start(self, order) -> str:
        raise NotImplementedError

    def delivered(self, order) -> str:
        raise NotImplementedError

    def cancelled(self, order) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class CashOnDelivery(PaymentMethod):
    code: str = CASH_ON_DELIVERY
    label: str = _("Cash on delivery: you pay when you receive the goods")
    icon: str = "💵"

    def start(self, order) -> str:
        return PaymentStatus.DUE

    def delivered(self, order) -> str:
        return PaymentStatus.PAID

    def cancelled(self, order) -> str:
        return PaymentStatus.VOID


def payment_methods() -> dict[str, PaymentMethod]:
    paths = getattr(settings, "MARKETPLACE", {}).get("PAYMENT_METHODS", DEFAULT_METHODS)
    return {code: import_string(path)() for code, path in paths.items()}


def payment_method(code: str) -> PaymentMethod:
    method = payment_methods().get(code)
    if method is None:
        raise ValidationError(
            _("This way of paying is not offered."), code=error_codes.PAYMENT_UNKNOWN
        )
    return method
