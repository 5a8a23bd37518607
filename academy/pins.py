"""PIN rules: 4 to 6 digits, not one that a stranger would try first."""

from itertools import pairwise

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_DIGITS, MAX_DIGITS = 4, 6
COMMON_PINS = frozenset(
    {"1212", "1004", "2000", "6969", "4321", "2580", "0852", "112233", "121212"}
)


def _is_run(pin: str) -> bool:
    """All one digit, or counting up or down: 0000, 1234, 98765."""
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    return len(steps) == 1 and steps.pop() in {-1, 0, 1}


def validate_pin(pin: str) -> None:
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise ValidationError(
            _("Your PIN must be %(min)s to %(max)s digits."),
            code="pin_format",
            params={"min": MIN_DIGITS, "max": MAX_DIGITS},
        )
    if _is_run(pin) or pin in COMMON_PINS:
        raise ValidationError(
            _("This PIN is too easy to guess. Choose other digits."), code="pin_common"
        )
