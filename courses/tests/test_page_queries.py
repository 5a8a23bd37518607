"""Learner pages read the database a fixed, small number of times (issue 16: at most 10).

Counted warm (a second request: renditions made, caches filled), for a visitor and for a signed-in
learner, in Arabic, in Tachelhit and on a fallback page, with 50,000 learners in the database,
and again after she followed twenty courses and a module grew to fifty lessons: the counts
depend on none of these.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import page_cache
from courses.models import CoursePage, LessonPage, ModulePage
from courses.progress import enrolment_create, lesson_mark_done

from .crowd import add_course, add_learners, remove_learners

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
COURSE = "/{language}/founding-a-cooperative/"
LESSON = "/{language}/founding-a-cooperative/before-you-start/the-six-steps/"
FALLBACK = "/{language}/founding-a-cooperative/money-and-registration/bank-and-registration/"

LEARNER_PAGES = [
    LESSON.format(language="ar"),
    LESSON.format(language="shi"),
    FALLBACK.format(language="shi"),  # not translated to Tachelhit: the Darija/Arabic text
    LESSON.format(language="rif"),  # no Tarifit at all: the whole chain
    COURSE.format(language="ar"),
    COURSE.format(language="shi"),
    "/ar/",
    "/shi/",
]


def counted(client, path: str) -> tuple[int, list[str]]:
    first = client.get(path)
    assert first.status_code == 200, (path, first.status_code)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured), [query["sql"][:200] for query in captured.captured_queries]


@pytest.fixture(scope="module")
def crowd(django_db_setup, django_db_blocker):
    """50,000 learners, for every test of this module (removed at its end)."""
    with django_db_blocker.unblock():
        add_learners(50_000)
    yield
    with django_db_blocker.unblock():
        remove_learners()


@pytest.fixture
def learner(db):
    user = get_user_model().objects.create(phone_number="+212661000777", first_name="Itto")
    course = CoursePage.objects.get(locale__language_code="ar")
    enrolment_create(learner=user, course_key=course.translation_key)
    lesson = LessonPage.objects.filter(locale__language_code="ar").first()
    lesson_mark_done(learner=user, lesson_key=lesson.translation_key)
    return user


@pytest.mark.parametrize("path", LEARNER_PAGES)
def test_a_visitor_s_page_takes_at_most_ten_queries(crowd, client, path):
    count, queries = counted(client, path)
    assert count <= MAX_QUERIES, "\n".join(queries)


@pytest.mark.parametrize("path", [*LEARNER_PAGES, "/ar/me/", "/shi/me/"])
def test_a_learner_s_page_takes_at_most_ten_queries(crowd, client, learner, path):
    client.force_login(learner)
    count, queries = counted(client, path)
    assert count <= MAX_QUERIES, "\n".join(queries)


def test_counts_stay_the_same_when_she_follows_twenty_courses_and_a_module_grows(
    crowd, client, learner
):
    client.force_login(learner)
    pages = [COURSE.format(language="ar"), LESSON.format(language="ar"), "/ar/me/"]
    before = {path: counted(client, path)[0] for path in pages}
    demo = CoursePage.objects.get(locale__language_code="ar")
    catalogue = demo.get_parent()
    for number in range(19):
        course = add_course(catalogue, number)
        enrolment_create(learner=learner, course_key=course.translation_key)
        first = LessonPage.objects.descendant_of(course).first()
        lesson_mark_done(learner=learner, lesson_key=first.translation_key)
    module = ModulePage.objects.child_of(demo).first()
    for number in range(45):
        module.add_child(
            instance=LessonPage(title=f"درس {number}", slug=f"more-{number}", summary="…")
        )
    page_cache._committed()  # as the commit would: pages are cached again from here
    after = {path: counted(client, path) for path in pages}
    assert "دورة 18" in client.get("/ar/me/").content.decode()  # all twenty are listed
    for path in pages:
        assert after[path][0] <= before[path], (path, before[path], "\n".join(after[path][1]))
