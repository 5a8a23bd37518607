"""Every page sent to a signed-in user carries ``Cache-Control: no-store, private`` (decision 0010),
by one middleware; public pages for visitors stay cacheable."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import Page

from academy.models import User
from academy.roles import LEADERS, TRAINERS
from assessments.demo.loader import _tone, demo_assessments_load
from assessments.models import Quiz
from assessments.services.attempts import attempt_start
from assessments.services.certificates import certificate_issue
from assessments.services.evaluations import evaluation_save
from assessments.tests.helpers import pass_test

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_pages(demo_academy) -> tuple[User, list[str]]:
    """A learner (also a leader and a trainer, to reach every page) and her personal pages."""
    demo_assessments_load(in_lesson=False)
    final = Quiz.objects.get(kind=Quiz.Kind.FINAL)
    module_test = Quiz.objects.get(kind=Quiz.Kind.MODULE)
    user = User.objects.create_user(
        "+212611223344", "8461", first_name="Itto", phone_verified_at=timezone.now()
    )
    for group in (LEADERS, TRAINERS):
        user.groups.add(Group.objects.get(name=group))
    passed = pass_test(user, final)
    started = attempt_start(learner=user, quiz=module_test)
    certificate = certificate_issue(learner=user, course_key=final.course.translation_key)
    evaluation = evaluation_save(
        learner=user,
        course_key=certificate.subject_key,
        satisfaction=5,
        useful="yes",
        voice_note=SimpleUploadedFile("note.wav", _tone(440), content_type="audio/wav"),
    )
    return user, [
        "/en/me/",
        "/en/me/profile/",
        "/en/me/data/",
        "/en/me/delete/",
        "/en/me/certificates/",
        f"/en/me/certificates/{certificate.code}/evaluation/",
        f"/en/me/certificates/{certificate.code}.pdf",
        f"/en/me/evaluations/{evaluation.pk}/voice-note/",
        f"/en/tests/{final.pk}/",
        f"/en/tests/attempt/{started.pk}/",
        f"/en/tests/attempt/{passed.pk}/result/",
        "/en/projects/",
        "/en/me/members/",
        "/en/cohorts/",
        "/en/me/cohorts/",
        "/en/me/offline/",
        final.course.url,  # a course page shows her progress once she is signed in
    ]


def test_every_personal_page_is_sent_with_no_store(client, learner_pages):
    user, urls = learner_pages
    client.force_login(user)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives, url


def _public_page_url() -> str:
    lesson = Page.objects.filter(locale__language_code="en", depth__gte=5).live().first()
    return lesson.url


def test_public_pages_stay_cacheable_for_visitors(client, demo_academy):
    for url, status in ((_public_page_url(), 200), ("/en/", 200), ("/verify/NOCODE/", 404)):
        response = client.get(url)
        assert response.status_code == status, url
        assert "no-store" not in response.get("Cache-Control", ""), url
