"""Texts to buyers and shops: written with the change, sent after commit (academy.api.send_sms)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from academy.api import send_sms
from core.languages import DEFAULT_LANGUAGE

from ..models import Checkout, Order

PLACED_SMS = gettext_noop(
    "Taawounia market: your order %(references)s is placed (%(total)s MAD, cash on delivery). "
    "Follow it: %(url)s"
)
NEW_ORDER_SMS = gettext_noop(
    "Taawounia market: new order %(reference)s, %(total)s MAD. Confirm or refuse it: %(url)s"
)
STATUS_SMS = gettext_noop("Taawounia market: your order %(reference)s is now “%(status)s”. %(url)s")
CODE_SMS = gettext_noop("Taawounia market: your code is %(code)s. It confirms your order.")


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _text(language: str, message: str, **params) -> str:
    with translation.override(language):
        return _(message) % params


def code_send(*, phone_number: str, code: str, language: str) -> None:
    send_sms(to=phone_number, text=_text(language, CODE_SMS, code=code))


def checkout_placed(*, checkout: Checkout, orders: list[Order]) -> None:
    with translation.override(checkout.language):
        url = _absolute(checkout.get_absolute_url())
    references = ", ".join(order.reference for order in orders)
    total = sum(order.total for order in orders)
    text = _text(checkout.language, PLACED_SMS, references=references, total=total, url=url)
    send_sms(to=checkout.phone_number, text=text)


def shop_new_order(*, order: Order) -> None:
    with translation.override(DEFAULT_LANGUAGE):
        url = _absolute(reverse("marketplace:seller_order", kwargs={"public_id": order.public_id}))
    text = _text(
        DEFAULT_LANGUAGE, NEW_ORDER_SMS, reference=order.reference, total=order.total, url=url
    )
    send_sms(to=order.shop.phone_number, text=text)


def order_status_changed(*, order: Order) -> None:
    language = order.checkout.language
    with translation.override(language):
        url = _absolute(order.checkout.get_absolute_url())
    with translation.override(language):
        status = str(order.get_status_display())
    text = _text(language, STATUS_SMS, reference=order.reference, status=status, url=url)
    send_sms(to=order.checkout.phone_number, text=text)
