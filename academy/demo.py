"""Demo accounts for development: one per role, printed by `make run`."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import User


@dataclass(frozen=True)
class DemoAccount:
    role: str
    phone_number: str
    password: str
    first_name: str
    group: str | None
    superuser: bool = False
    staff: bool = True


# Printed by `make run` and listed in the README. Created only when DEBUG is on.
DEMO_ACCOUNTS = (
    DemoAccount("admin", "+212600000001", "demo-admin-2026", "Amina", None, superuser=True),
    DemoAccount("trainer", "+212600000002", "demo-trainer-2026", "Youssef", "Editors"),
    DemoAccount("reviewer", "+212600000003", "demo-reviewer-2026", "Fatima", "Moderators"),
    DemoAccount("leader", "+212600000004", "4826", "Khadija", "Cooperative leaders", staff=False),
    DemoAccount("learner", "+212600000005", "1357", "Itto", None, staff=False),
)


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the demo accounts that do not exist yet, each in its Wagtail group."""
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            phone_number=account.phone_number,
            defaults={
                "first_name": account.first_name,
                "is_staff": account.staff,
                "is_superuser": account.superuser,
            },
        )
        if created:
            user.phone_verified_at = timezone.now()  # demo numbers cannot receive SMS
            user.set_password(account.password)
            user.full_clean()
            user.save()
        if account.group:
            user.groups.add(Group.objects.get(name=account.group))
    return list(DEMO_ACCOUNTS)
