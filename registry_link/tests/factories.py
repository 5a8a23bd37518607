"""Factories for the register link's tests."""

from itertools import count

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from academy.models import User
from academy.roles import GROUP_PERMISSIONS, LEADERS
from registry_link.choices import LinkSource, LinkStatus, Role
from registry_link.models import Cooperative, Membership

_numbers = count(1)


def user_make(*, phone: str | None = None, region: str = "09", **fields) -> User:
    """A learner whose number is verified (unless ``phone_verified_at=None`` is given)."""
    phone = phone or f"+2126120{next(_numbers):05d}"
    fields.setdefault("phone_verified_at", timezone.now())
    return User.objects.create_user(phone, "1357", region=region, **fields)


def cooperative_make(**fields) -> Cooperative:
    number = next(_numbers)
    fields.setdefault("name_ar", f"تعاونية الأمل {number}")
    fields.setdefault("name_latin", f"Coopérative Al Amal {number}")
    fields.setdefault("sector", "argan")
    fields.setdefault("region_id", "09")
    fields.setdefault("court", "Agadir")
    fields.setdefault("local_number", str(number))
    return Cooperative.objects.create(**fields)


def membership_make(*, cooperative, user, role=Role.MEMBER, status=LinkStatus.CONFIRMED):
    return Membership.objects.create(
        cooperative=cooperative, user=user, role=role, status=status, source=LinkSource.CLAIM
    )


def leaders_group() -> Group:
    """The "Cooperative leaders" group with its permission (a flushed database lost it)."""
    group, _created = Group.objects.get_or_create(name=LEADERS)
    codenames = GROUP_PERMISSIONS[LEADERS]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="academy", codename__in=codenames)
    )
    return group
