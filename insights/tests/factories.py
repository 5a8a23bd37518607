"""A small world counted by hand: seven learners, three cooperatives, one refresh.

Learners (region, province, gender, birth year, language, cooperative):
  amina   09 09.001 woman 2000 ary  argan coop A (Souss-Massa)   enrolled 2, completed 1, cert 1
  itto    09 09.541 woman 1960 shi  argan coop A                 enrolled 1, completed 1, cert 1
  fadma   09 09.001 woman 1998 shi  argan coop B (Souss-Massa)   enrolled 1
  brahim  09 09.541 man   1995 ar   argan coop B                 enrolled 1, completed 1
  said    02 02.411 man   1970 ar   agriculture coop C (Oriental) enrolled 1, completed 1, cert 1
  nadia   02 —      woman 1990 fr   (no cooperative)             enrolled 1
  omar    —  —      man   —    ar   (no cooperative)             nothing: not a learner
"""

import datetime
import uuid
from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from assessments.api import Certificate
from courses.api import Enrolment, LessonProgress
from insights.access import REPORT_READERS
from insights.services import refresh_summaries
from registry_link.tests.factories import cooperative_make, membership_make

COURSE_A, COURSE_B = uuid.uuid4(), uuid.uuid4()
_numbers = count(1)


def at(month: int, day: int = 10) -> datetime.datetime:
    """A moment of this year's ``month`` (the small world lives in the current year)."""
    year = timezone.localdate().year
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


def learner(name: str, **fields):
    phone = f"+2126130{next(_numbers):05d}"
    return get_user_model().objects.create_user(phone, "1357", first_name=name, **fields)


def enrol(user, course, *, month: int, completed: int | None = None) -> Enrolment:
    return Enrolment.objects.create(
        learner=user,
        course_key=course,
        enrolled_at=at(month),
        completed_at=at(completed) if completed else None,
    )


def certify(user, course, *, month: int) -> Certificate:
    return Certificate.objects.create(
        learner=user,
        subject_key=course,
        code=f"C-{next(_numbers)}",
        learner_name=user.first_name,
        language="ar",
        title="Cours",
        title_ar="درس",
        issued_at=at(month),
    )


def small_world() -> dict:
    coop_a = cooperative_make(sector="argan", region_id="09", members_count=20, women_count=18)
    coop_b = cooperative_make(sector="argan", region_id="09", members_count=8, women_count=5)
    coop_c = cooperative_make(sector="agriculture", region_id="02", members_count=30, women_count=3)
    people = {
        "amina": learner("Amina", region="09", province_id="09.001", gender="woman",
                         birth_year=2000, preferred_language="ary"),
        "itto": learner("Itto", region="09", province_id="09.541", gender="woman",
                        birth_year=1960, preferred_language="shi"),
        "fadma": learner("Fadma", region="09", province_id="09.001", gender="woman",
                         birth_year=1998, preferred_language="shi"),
        "brahim": learner("Brahim", region="09", province_id="09.541", gender="man",
                          birth_year=1995, preferred_language="ar"),
        "said": learner("Said", region="02", province_id="02.411", gender="man",
                        birth_year=1970, preferred_language="ar"),
        "nadia": learner("Nadia", region="02", gender="woman", birth_year=1990,
                         preferred_language="fr"),
        "omar": learner("Omar", gender="man", preferred_language="ar"),
    }  # fmt: skip
    for name, coop in (("amina", coop_a), ("itto", coop_a), ("fadma", coop_b)):
        membership_make(cooperative=coop, user=people[name])
    membership_make(cooperative=coop_b, user=people["brahim"])
    membership_make(cooperative=coop_c, user=people["said"])
    enrol(people["amina"], COURSE_A, month=1, completed=2)
    enrol(people["amina"], COURSE_B, month=3)
    enrol(people["itto"], COURSE_A, month=2, completed=3)
    enrol(people["fadma"], COURSE_A, month=2)
    enrol(people["brahim"], COURSE_A, month=1, completed=1)
    enrol(people["said"], COURSE_A, month=3, completed=3)
    enrol(people["nadia"], COURSE_B, month=3)
    for name, month in (("amina", 2), ("itto", 3), ("said", 3)):
        certify(people[name], COURSE_A, month=month)
    LessonProgress.objects.create(
        learner=people["amina"],
        lesson_key=uuid.uuid4(),
        course_key=COURSE_A,
        position_seconds=5400,
        duration_seconds=7200,
        event_at=at(2),
    )
    refresh_summaries()
    return {"people": people, "coops": (coop_a, coop_b, coop_c)}


def staff_make(*, region: str = "", national: bool = False, **fields):
    """Staff who may open the statistics: of one region, or of every region."""
    user = learner("Staff", region=region, is_staff=True, **fields)
    codenames = ["view_statistics", "access_admin"] + (["view_all_regions"] if national else [])
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def report_reader_make():
    """A member of "Report readers" (made again with its permissions if a flush took it)."""
    group, _created = Group.objects.get_or_create(name=REPORT_READERS)
    codenames = ("view_statistics", "view_all_regions", "access_admin")
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user = learner("Reader")
    user.groups.add(group)
    return user
