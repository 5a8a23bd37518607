"""Settings of the project bank, with their defaults."""

from datetime import timedelta

from django.conf import settings


def min_founders() -> int:
    """Founders a cooperative needs (5 by one source, 7 by an older one: a setting)."""
    return int(getattr(settings, "COOPERATIVE_MIN_FOUNDERS", 5))


def invitation_lifetime() -> timedelta:
    return timedelta(days=int(getattr(settings, "PROJECT_INVITATION_DAYS", 14)))
