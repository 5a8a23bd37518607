import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.models import CoursePage, LessonPage
from courses.translation import MISSING, OUT_OF_DATE, UP_TO_DATE, course_translation_status

pytestmark = pytest.mark.django_db


def statuses() -> dict:
    course = CoursePage.objects.get(locale__language_code="ar")
    return {status.language.code: status for status in course_translation_status(course).languages}


def edit_arabic_lesson(slug: str) -> None:
    lesson = LessonPage.objects.get(locale__language_code="ar", slug=slug)
    lesson.summary = "ملخص جديد للدرس بعد مراجعة المكوّن."
    lesson.save_revision().publish()


def test_status_of_the_demo_course(demo_academy):
    status = statuses()
    assert status["fr"].state == UP_TO_DATE
    assert status["shi"].state == OUT_OF_DATE
    assert status["shi"].pages_missing == 1
    assert status["rif"].state == MISSING


def test_editing_the_source_makes_translations_out_of_date(demo_academy):
    edit_arabic_lesson("the-six-steps")
    status = statuses()
    for code in ("fr", "ary", "shi"):
        assert status[code].state == OUT_OF_DATE
        assert status[code].segments_waiting == 1


def make_trainer():
    trainer = get_user_model().objects.create_user(
        "+212600000099", "a-long-trainer-password", is_staff=True
    )
    trainer.groups.add(Group.objects.get(name="Editors"))
    return trainer


def test_trainer_sees_the_status_view(client, demo_academy):
    edit_arabic_lesson("capital-and-shares")
    client.force_login(make_trainer())
    response = client.get(reverse("translation_status"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-language="shi" data-state="out_of_date"' in html
    assert 'data-language="rif" data-state="missing"' in html


def test_status_view_needs_admin_access(client, demo_academy):
    learner = get_user_model().objects.create_user("+212600000098", "a-long-learner-password")
    assert client.get(reverse("translation_status")).status_code == 302
    client.force_login(learner)
    assert client.get(reverse("translation_status")).status_code in {302, 403}
