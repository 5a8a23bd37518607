"""Darija is written in Arabic script: the short date keeps the right-to-left marks Django uses for
Arabic, so "07/12/2026" reads day first inside Arabic text."""

from ..common import *  # noqa: F403

SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
