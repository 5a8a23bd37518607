"""The register mirror and who belongs to which cooperative (one module per concern)."""

from .membership import Membership
from .register import Cooperative
from .sync import RegisterSync

__all__ = ["Cooperative", "Membership", "RegisterSync"]
