"""The register mirror and who belongs to which cooperative (one module per concern)."""

from .membership import Membership
from .names import NameKey
from .register import Cooperative

__all__ = ["Cooperative", "Membership", "NameKey"]
