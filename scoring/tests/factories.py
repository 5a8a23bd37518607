"""Factories for the scoring's tests (cooperatives and users come from the register's)."""

import uuid
from datetime import date
from decimal import Decimal
from itertools import count

from django.contrib.auth.models import Permission
from django.utils import timezone

from assessments.models import Certificate
from courses.api import Enrolment
from marketplace.models import Checkout, Order
from marketplace.tests.factories import shop_make
from registry_link.tests.factories import cooperative_make, membership_make, user_make
from scoring.models import Filing, FilingKind

_numbers = count(1)

__all__ = ["cooperative_make", "membership_make", "shop_make", "user_make"]


def filing_make(cooperative, *, kind=FilingKind.ASSEMBLY, year=2024, due_on=None, filed_on=None):
    return Filing.objects.create(
        cooperative=cooperative,
        kind=kind,
        year=year,
        due_on=due_on or date(year + 1, 6, 30),
        filed_on=filed_on,
    )


def learner_trained(cooperative, *, completed=False, certified=False):
    """A confirmed member enrolled in a course (completed, certified if told)."""
    learner = user_make()
    membership_make(cooperative=cooperative, user=learner)
    course = uuid.uuid4()
    Enrolment.objects.create(
        learner=learner, course_key=course, completed_at=timezone.now() if completed else None
    )
    if certified:
        Certificate.objects.create(
            learner=learner,
            subject_key=course,
            code=f"T-{next(_numbers)}",
            learner_name="Fatima",
            language="ar",
            title="Course",
            title_ar="دورة",
        )
    return learner


def order_make(shop, *, total="100.00", status="delivered"):
    checkout = Checkout.objects.create(
        buyer_name="Amina", phone_number="+212600000000", language="ar"
    )
    return Order.objects.create(
        checkout=checkout,
        shop=shop,
        status=status,
        delivery="address",
        total=Decimal(total),
        payment_method="cash",
    )


def staff_make(*, region="09", every_region=False, codenames=("view_score",)):
    """Staff of a region with the scoring rights (and the admin's)."""
    staff = user_make(region=region, is_staff=True)
    names = [*codenames, "access_admin"] + (["view_all_regions"] if every_region else [])
    staff.user_permissions.add(*Permission.objects.filter(codename__in=names))
    return staff
