"""What other apps may use of ``marketplace`` (the staff statistics read activity here)."""

from .selectors import market_figures, orders_by_region_and_sector, products_listed

__all__ = ["market_figures", "orders_by_region_and_sector", "products_listed"]
