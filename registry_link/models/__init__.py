"""The register mirror and who belongs to which cooperative (one module per concern)."""

from .founding import Founder, FoundingComment, FoundingEvent, FoundingFile, FoundingStep  # noqa: F401
from .membership import Membership
from .register import Cooperative

__all__ = ["Cooperative", "Membership"]
