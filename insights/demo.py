"""Demo figures for development (``manage.py load_demo_statistics``, part of ``make demo``):
240 demo learners across the regions, linked to the demo register's cooperatives, enrolled in
the demo courses, then the summaries refreshed. Idempotent: learners are found by number.

Two demo staff accounts come with it: the Souss-Massa delegation (its region only) and a report
reader (every region, read-only)."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from assessments.api import Certificate
from core.geography import selectors as geography
from courses.api import Enrolment, LessonProgress
from registry_link.api import Cooperative, Kind, LinkStatus, Membership

from .access import REPORT_READERS
from .services import refresh_summaries

LEARNERS = 240
REGIONS = ("09", "09", "09", "07", "07", "06", "03", "01", "02", "08", "05", "04", "10", "11")
LANGUAGES = ("ar", "ary", "ary", "shi", "shi", "tzm", "rif", "fr")
ROLES = ("member", "member", "job_seeker", "project_holder")
STAFF = (
    ("+212600000011", "demo-souss-2026", "Délégation Souss-Massa", "09", False),
    ("+212600000012", "demo-reader-2026", "Report reader", "", True),
)


def _staff_ensure() -> None:
    user_model = get_user_model()
    for phone, password, name, region, reader in STAFF:
        user, created = user_model.objects.get_or_create(
            phone_number=phone, defaults={"first_name": name, "region": region, "is_staff": True}
        )
        if created:
            user.phone_verified_at = timezone.now()
            user.set_password(password)
            user.save()
        if reader:
            user.groups.add(Group.objects.get(name=REPORT_READERS))
        else:
            codenames = ("view_statistics", "access_admin")
            user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


def _course_keys() -> list:
    pages = Page.objects.live().filter(content_type__model="coursepage")
    return sorted({page.translation_key for page in pages}, key=str)


def _moment(rng: random.Random, days_back: int) -> datetime.datetime:
    back = datetime.timedelta(days=rng.randint(0, days_back), hours=rng.randint(0, 23))
    return timezone.now() - back


def _learner(rng: random.Random, number: int, provinces: dict):
    region = rng.choice(REGIONS)
    fields = {
        "first_name": f"Demo {number}",
        "region": region,
        "province_id": rng.choice(provinces.get(region) or [None]),
        "gender": "woman" if rng.random() < 0.6 else "man",
        "birth_year": rng.randint(1960, 2006),
        "preferred_language": rng.choice(LANGUAGES),
        "motivation": rng.choice(ROLES),
    }
    user, _created = get_user_model().objects.get_or_create(
        phone_number=f"+2126990{number:05d}", defaults=fields
    )
    return user


def _member_of(rng: random.Random, user, cooperatives: dict) -> None:
    choices = cooperatives.get(user.region) or []
    if choices and user.motivation == "member":
        Membership.objects.get_or_create(
            cooperative=rng.choice(choices),
            user=user,
            defaults={"status": LinkStatus.CONFIRMED, "source": "import"},
        )


def _learns(rng: random.Random, user, course_keys: list) -> None:
    for key in rng.sample(course_keys, k=min(len(course_keys), rng.randint(1, 2))):
        enrolled = _moment(rng, 420)
        done = enrolled + datetime.timedelta(days=rng.randint(3, 60))
        finished = rng.random() < 0.55 and done < timezone.now()
        _enrolment, created = Enrolment.objects.get_or_create(
            learner=user,
            course_key=key,
            defaults={"enrolled_at": enrolled, "completed_at": done if finished else None},
        )
        if not created:
            continue
        LessonProgress.objects.create(
            learner=user,
            lesson_key=key,
            course_key=key,
            position_seconds=rng.randint(60, 1800),
            event_at=enrolled + datetime.timedelta(days=1),
        )
        if finished and rng.random() < 0.7:
            Certificate.objects.get_or_create(
                learner=user,
                kind="course",
                subject_key=key,
                defaults={
                    "code": f"DEMO-{user.pk}-{str(key)[:8]}".upper(),
                    "learner_name": user.first_name,
                    "language": user.preferred_language or "ar",
                    "title": "Demo",
                    "title_ar": "تجريبي",
                    "issued_at": done,
                },
            )


@transaction.atomic
def load_demo_statistics() -> dict:
    rng = random.Random(14)  # noqa: S311 (the same demo every time, nothing secret)
    _staff_ensure()
    provinces: dict[str, list[str]] = {}
    for province in geography.provinces():
        provinces.setdefault(province.region_id, []).append(province.code)
    cooperatives: dict[str, list] = {}
    for cooperative in Cooperative.objects.filter(is_demo=True, kind=Kind.COOPERATIVE):
        cooperatives.setdefault(cooperative.region_id, []).append(cooperative)
    course_keys = _course_keys()
    for number in range(1, LEARNERS + 1):
        user = _learner(rng, number, provinces)
        _member_of(rng, user, cooperatives)
        if course_keys:
            _learns(rng, user, course_keys)
    report = refresh_summaries()
    return {"learners": LEARNERS, "courses": len(course_keys), "rows": report.rows}
