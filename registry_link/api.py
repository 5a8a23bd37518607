"""What other apps may use of ``registry_link``."""

from .choices import Kind, LinkStatus, Role, Status
from .figures import founding_figures, register_figures
from .models import Cooperative, Membership
from .names import NameCheck, Verdict, name_check, name_keys_rebuild, name_keys_update
from .selectors import cooperatives_led_by, is_leader_of, memberships_of

__all__ = [
    "Cooperative",
    "Kind",
    "LinkStatus",
    "Membership",
    "NameCheck",
    "Role",
    "Status",
    "Verdict",
    "cooperatives_led_by",
    "founding_figures",
    "is_leader_of",
    "memberships_of",
    "name_check",
    "name_keys_rebuild",
    "name_keys_update",
    "register_figures",
]
