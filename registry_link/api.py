"""What other apps may use of ``registry_link``."""

from .choices import Kind, LinkStatus, Role, Status
from .models import Cooperative, Membership
from .selectors import cooperatives_led_by, is_leader_of, memberships_of

__all__ = [
    "Cooperative",
    "Kind",
    "LinkStatus",
    "Membership",
    "Role",
    "Status",
    "cooperatives_led_by",
    "is_leader_of",
    "memberships_of",
]
