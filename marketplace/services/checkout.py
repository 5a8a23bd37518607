"""Buying: a verified phone number, prices from the server, stock reserved without overselling,
one order per shop (docs/decisions/0035)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from academy.api import otp_create, otp_use
from core.phones import normalise_phone_number

from .. import error_codes
from ..choices import Delivery, OrderStatus
from ..models import Checkout, Order, OrderEvent, OrderLine, Product, Shop
from ..payments import CASH_ON_DELIVERY, payment_method
from ..selectors import pickup_points, products_listed
from . import notify

ORDER_PURPOSE = "order"  # academy's OneTimeCode.Purpose.ORDER


@dataclass(frozen=True)
class Buyer:
    name: str
    phone_number: str  # E.164, verified by a code
    language: str


@dataclass(frozen=True)
class Destination:
    delivery: str
    address: str = ""
    pickup: str = ""  # a pickup point's public id


def code_request(*, phone_number: str, language: str, ip: str | None) -> str:
    """Text a code to the number (rate-limited); returns the number in E.164."""
    number = normalise_phone_number(phone_number)
    code = otp_create(phone_number=number, purpose=ORDER_PURPOSE, ip=ip)
    notify.code_send(phone_number=number, code=code, language=language)
    return number


def code_check(*, phone_number: str, code: str) -> None:
    """Spend the code (wrong guesses are counted, committed on their own)."""
    otp_use(phone_number=phone_number, purpose=ORDER_PURPOSE, code=code)


def _destination_check(destination: Destination) -> Shop | None:
    if destination.delivery == Delivery.ADDRESS:
        if not destination.address.strip():
            raise ValidationError(
                _("Write the delivery address."), code=error_codes.ADDRESS_REQUIRED
            )
        return None
    if destination.delivery == Delivery.PICKUP:
        point = pickup_points().filter(public_id=destination.pickup or None).first()
        if point is None:
            raise ValidationError(_("Choose a pickup point."), code=error_codes.PICKUP_REQUIRED)
        return point
    raise ValidationError(_("Choose how to receive the goods."), code=error_codes.ADDRESS_REQUIRED)


def _products(items: dict[str, int]) -> list[Product]:
    """The cart's products as the server knows them, in a fixed order (the row locks of
    concurrent checkouts are then always taken in the same order: no deadlock)."""
    products = list(
        products_listed().select_related("shop__cooperative").filter(public_id__in=list(items))
    )
    if len(products) != len(items):
        raise ValidationError(
            _("A product in your cart is no longer sold. Check your cart."),
            code=error_codes.PRODUCT_UNAVAILABLE,
        )
    for product in products:
        quantity = items[str(product.public_id)]
        if quantity < product.minimum_order:
            raise ValidationError(
                _("“%(product)s” is sold by at least %(minimum)s."),
                code=error_codes.BELOW_MINIMUM,
                params={"product": product, "minimum": product.minimum_order},
            )
    return sorted(products, key=lambda product: product.pk)


def _reserve(product: Product, quantity: int) -> None:
    """Take ``quantity`` off the stock in one conditional UPDATE: PostgreSQL locks the row and
    checks ``stock >= quantity`` again after any concurrent order committed."""
    taken = Product.objects.filter(pk=product.pk, stock__gte=quantity).update(
        stock=F("stock") - quantity
    )
    if not taken:
        left = Product.objects.values_list("stock", flat=True).get(pk=product.pk)
        raise ValidationError(
            _("Only %(left)s left of “%(product)s”. Change the quantity in your cart."),
            code=error_codes.OUT_OF_STOCK,
            params={"left": left, "product": product},
        )


def _order_create(*, checkout, shop, lines, point, destination, method) -> Order:
    total = sum((product.price * quantity for product, quantity in lines), Decimal(0))
    order = Order.objects.create(
        checkout=checkout,
        shop=shop,
        delivery=destination.delivery,
        address=destination.address.strip() if point is None else "",
        pickup=point,
        total=total,
        payment_method=method.code,
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            product=product,
            name=str(product)[:200],
            unit=product.unit,
            unit_price=product.price,
            quantity=quantity,
        )
        for product, quantity in lines
    )
    order.payment_status = method.start(order)
    order.save(update_fields=["payment_status"])
    OrderEvent.objects.create(order=order, status=OrderStatus.PLACED)
    return order


def checkout_place(
    *,
    items: dict[str, int],
    buyer: Buyer,
    destination: Destination,
    payment: str = CASH_ON_DELIVERY,
) -> Checkout:
    """Place the cart: one order per shop, all or nothing. ``items`` maps product public ids to
    quantities; prices, names and shops come from the database, never from the form."""
    items = {str(key): int(quantity) for key, quantity in items.items() if int(quantity) > 0}
    if not items:
        raise ValidationError(_("Your cart is empty."), code=error_codes.CART_EMPTY)
    method = payment_method(payment)
    point = _destination_check(destination)
    with transaction.atomic():
        products = _products(items)
        for product in products:
            _reserve(product, items[str(product.public_id)])
        checkout = Checkout.objects.create(
            buyer_name=buyer.name.strip()[:120],
            phone_number=buyer.phone_number,
            language=buyer.language,
        )
        by_shop = defaultdict(list)
        for product in products:
            by_shop[product.shop].append((product, items[str(product.public_id)]))
        orders = [
            _order_create(
                checkout=checkout,
                shop=shop,
                lines=lines,
                point=point,
                destination=destination,
                method=method,
            )
            for shop, lines in by_shop.items()
        ]
        notify.checkout_placed(checkout=checkout, orders=orders)
        for order in orders:
            notify.shop_new_order(order=order)
    return checkout


def normalise(phone_number: str) -> str:
    return normalise_phone_number(phone_number)
