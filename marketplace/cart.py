"""The cart: product public ids and quantities in the session (no account needed).

Only quantities are kept: prices, names and shops are read again from the database."""

from dataclasses import dataclass
from decimal import Decimal

from .models import Product
from .selectors import products_listed

SESSION_KEY = "market_cart"


@dataclass(frozen=True)
class CartLine:
    product: Product
    quantity: int

    @property
    def amount(self) -> Decimal:
        return self.product.price * self.quantity


def cart_items(session) -> dict[str, int]:
    return dict(session.get(SESSION_KEY, {}))


def cart_set(session, *, product: Product, quantity: int) -> None:
    items = cart_items(session)
    if quantity > 0:
        items[str(product.public_id)] = min(int(quantity), 9999)
    else:
        items.pop(str(product.public_id), None)
    session[SESSION_KEY] = items


def cart_clear(session) -> None:
    session.pop(SESSION_KEY, None)


def cart_lines(session) -> list[CartLine]:
    """The cart's lines grouped by shop (the orders it will make)."""
    items = cart_items(session)
    products = (
        products_listed()
        .filter(public_id__in=list(items))
        .select_related("shop__cooperative", "photo")
        .prefetch_related("translations", "photo__renditions")
    )
    lines = [CartLine(product, items[str(product.public_id)]) for product in products]
    return sorted(lines, key=lambda line: (line.product.shop_id, line.product.pk))
