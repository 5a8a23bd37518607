"""The register mirror and who belongs to which cooperative (one module per concern)."""

from .founding import Founder, FoundingComment, FoundingEvent, FoundingFile, FoundingStep
from .members import ClaimTry
from .membership import Membership
from .names import NameKey
from .register import Cooperative
from .sync import RegisterSync

__all__ = [
    "ClaimTry",
    "Cooperative",
    "Founder",
    "FoundingComment",
    "FoundingEvent",
    "FoundingFile",
    "FoundingStep",
    "Membership",
    "NameKey",
    "RegisterSync",
]
