from .labels import QualityLabel
from .orders import Checkout, Order, OrderEvent, OrderLine
from .products import Product, ProductPhoto
from .shops import Shop

__all__ = [
    "Checkout",
    "Order",
    "OrderEvent",
    "OrderLine",
    "Product",
    "ProductPhoto",
    "QualityLabel",
    "Shop",
]
