"""English: the shared Moroccan dates (day first), English numbers (1,234.5)."""

from ..common import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
