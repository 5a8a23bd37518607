"""The permissions matrix: every role × every learner-facing view and endpoint.

Expected outcomes: ``ok`` (served, or the action done), ``sign_in`` (redirected to the sign-in
page), ``admin_sign_in`` (redirected to the Wagtail admin's sign-in: Wagtail's way of refusing),
``unauthorized`` (401, the JSON progress endpoint), ``forbidden`` (403), ``missing`` (404: someone
else's object, not even confirmed to exist).
"""

import json
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from academy.roles import LEADERS, REVIEWERS, TRAINERS
from courses.cohort_members import (
    cohort_invitation_accept,
    cohort_invitations_send,
    invitations_for,
)
from courses.cohorts import cohort_create, cohort_enrol

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "other_member", "leader", "trainer", "reviewer", "superuser")
PIN = "8461"


@dataclass(frozen=True)
class World:
    users: dict
    course_key: object
    lesson_key: object
    cohort_pk: int


def _user(phone_number: str, first_name: str, group: str | None = None, **fields):
    user = get_user_model().objects.create_user(phone_number, PIN, first_name=first_name, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(demo_academy) -> World:
    trainer = _user("+212600000302", "Youssef", TRAINERS)
    leader = _user("+212600000301", "Khadija", LEADERS)
    users = {
        "member": _user(
            "+212611000001", "Itto", registered_by=leader, phone_verified_at=timezone.now()
        ),
        "other_member": _user("+212611000002", "Fadma"),
        "leader": leader,
        "trainer": trainer,
        "reviewer": _user("+212600000303", "Fatima", REVIEWERS),
        "superuser": get_user_model().objects.create_superuser("+212600000304", "admin-pass"),
    }
    course = Page.objects.get(locale__language_code="en", slug="founding-a-cooperative")
    lesson = course.get_descendants().filter(depth=course.depth + 2).first()
    cohort = cohort_create(owner=trainer, name="Trainer's cohort")
    cohort_invitations_send(cohort=cohort, invited_by=trainer, phone_numbers=["0611000001"])
    (invitation,) = invitations_for(users["member"])
    cohort_invitation_accept(learner=users["member"], invitation_id=invitation.pk)
    cohort_enrol(cohort=cohort, course_key=course.translation_key, enrolled_by=trainer)
    return World(users, course.translation_key, lesson.translation_key, cohort.pk)


def _progress_body(world: World) -> str:
    return json.dumps(
        [
            {
                "id": "2b0f5f43-4f0e-4f6a-9d43-2d3e8b7f0c11",
                "lesson": str(world.lesson_key),
                "kind": "open",
                "at": "2026-01-05T10:00:00+00:00",
            }
        ]
    )


# name: (method, url template, {role: expected}); roles not listed get the default given.
ANYONE_SIGNED_IN = {"anonymous": "sign_in"}
REGISTRARS = {
    "anonymous": "sign_in",
    "member": "forbidden",
    "other_member": "forbidden",
    "reviewer": "forbidden",
}
COHORT_OWNER = {
    "anonymous": "sign_in",
    "member": "forbidden",
    "other_member": "forbidden",
    "leader": "forbidden",
    "reviewer": "forbidden",
    "superuser": "missing",  # may manage cohorts, but this one is not hers
}
ADMIN = {
    "anonymous": "admin_sign_in",
    "member": "admin_sign_in",
    "other_member": "admin_sign_in",
    "leader": "admin_sign_in",
}
ENDPOINTS = {
    "dashboard": ("get", "/en/me/", ANYONE_SIGNED_IN),
    "profile": ("get", "/en/me/profile/", ANYONE_SIGNED_IN),
    "data download": ("get", "/en/me/data/", ANYONE_SIGNED_IN),
    "account delete": ("get", "/en/me/delete/", ANYONE_SIGNED_IN),
    "enrol": ("post", "/en/courses/{course_key}/enrol/", ANYONE_SIGNED_IN),
    "lesson done": ("post", "/en/lessons/{lesson_key}/done/", ANYONE_SIGNED_IN),
    "progress endpoint": ("json", "/api/progress/", {"anonymous": "unauthorized"}),
    "my members": ("get", "/en/me/members/", REGISTRARS),
    "register a member": ("get", "/en/me/members/new/", REGISTRARS),
    "import members": ("get", "/en/me/members/import/", REGISTRARS),
    "my cohorts": ("get", "/en/cohorts/", {**COHORT_OWNER, "superuser": "ok"}),
    "cohort": ("get", "/en/cohorts/{cohort_pk}/", COHORT_OWNER),
    "cohort enrol": ("post", "/en/cohorts/{cohort_pk}/", COHORT_OWNER),
    "cohort csv": ("get", "/en/cohorts/{cohort_pk}/export.csv", COHORT_OWNER),
    "wagtail admin": ("get", "/admin/", ADMIN),
    "translation status": ("get", "/admin/translation-status/", ADMIN),
}


def _outcome(response) -> str:
    location = response.get("Location", "")
    if response.status_code == 302 and "/admin/login/" in location:
        return "admin_sign_in"
    if response.status_code == 302 and "/signin/" in location:
        return "sign_in"
    return {200: "ok", 302: "ok", 401: "unauthorized", 403: "forbidden", 404: "missing"}.get(
        response.status_code, str(response.status_code)
    )


def _request(client, world: World, method: str, url: str):
    url = url.format(
        course_key=world.course_key, lesson_key=world.lesson_key, cohort_pk=world.cohort_pk
    )
    if method == "json":
        return client.post(url, _progress_body(world), content_type="application/json")
    if method == "post":
        return client.post(url, {"action": "enrol", "course": str(world.course_key)})
    return client.get(url)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_permissions_matrix(client, world, role, endpoint):
    method, url, expected = ENDPOINTS[endpoint]
    if role != "anonymous":
        client.force_login(world.users[role])
    response = _request(client, world, method, url)
    assert _outcome(response) == expected.get(role, "ok"), (role, endpoint, response)


# A learner never reads another learner's progress or profile.


def test_her_data_download_holds_only_her_own_data(client, world):
    client.force_login(world.users["other_member"])
    data = client.get("/en/me/data/").content.decode()
    assert "+212611000002" in data
    assert "+212611000001" not in data
    assert json.loads(data)["learning"]["enrolments"] == []


def test_pages_about_herself_never_show_another_learner(client, world):
    client.force_login(world.users["other_member"])
    for url in ("/en/me/", "/en/me/profile/"):
        page = client.get(url).content.decode()
        assert "Itto" not in page
        assert "+212611000001" not in page


def test_another_trainers_cohort_is_not_found(client, world):
    other_trainer = _user("+212600000305", "Hassan", TRAINERS)
    client.force_login(other_trainer)
    assert "Trainer&#x27;s cohort" not in client.get("/en/cohorts/").content.decode()
    for url in (f"/en/cohorts/{world.cohort_pk}/", f"/en/cohorts/{world.cohort_pk}/export.csv"):
        assert client.get(url).status_code == 404


def test_another_trainer_cannot_add_herself_members_through_someone_elses_cohort(client, world):
    other_trainer = _user("+212600000305", "Hassan", TRAINERS)
    client.force_login(other_trainer)
    response = client.post(
        f"/en/cohorts/{world.cohort_pk}/", {"action": "phones", "phone_numbers": "0611000002"}
    )
    assert response.status_code == 404


def test_another_leaders_member_list_shows_only_her_own_members(client, world):
    other_leader = _user("+212600000306", "Naima", LEADERS)
    client.force_login(other_leader)
    page = client.get("/en/me/members/").content.decode()
    assert "Itto" not in page
    assert "+212611000001" not in page
    client.force_login(world.users["leader"])
    assert "+212611000001" in client.get("/en/me/members/").content.decode()


def test_the_progress_endpoint_records_only_for_the_signed_in_learner(client, world):
    from courses.api import learner_data

    client.force_login(world.users["other_member"])
    body = json.loads(_progress_body(world))
    body[0]["learner"] = world.users["member"].pk  # ignored: the learner is the session's
    client.post("/api/progress/", json.dumps(body), content_type="application/json")
    assert learner_data(world.users["member"])["lessons"] == []
    assert len(learner_data(world.users["other_member"])["lessons"]) == 1


def test_dashboard_links_to_members_and_cohorts_only_for_those_allowed(client, world):
    expected = {
        "member": (False, False),
        "leader": (True, False),
        "trainer": (True, True),
        "reviewer": (False, False),
    }
    for role, (members, cohorts) in expected.items():
        client.force_login(world.users[role])
        page = client.get("/en/me/").content.decode()
        assert ('href="/en/me/members/"' in page, 'href="/en/cohorts/"' in page) == (
            members,
            cohorts,
        ), role


# A certificate PDF and a voice note: the learner, her leader, her trainers for the course (a
# cohort she consented to), report readers; anyone else gets 404 (docs/decisions/0020).


@pytest.fixture
def learner_work(world):
    from django.contrib.auth.models import Permission
    from django.core.files.uploadedfile import SimpleUploadedFile

    from assessments.demo.loader import _tone
    from assessments.services.certificates import certificate_issue
    from assessments.services.evaluations import evaluation_save

    member = world.users["member"]
    certificate = certificate_issue(learner=member, course_key=world.course_key)
    evaluation = evaluation_save(
        learner=member,
        course_key=world.course_key,
        satisfaction=4,
        useful="yes",
        voice_note=SimpleUploadedFile("note.wav", _tone(440), content_type="audio/wav"),
    )
    staff = _user("+212600000307", "Samira", TRAINERS, is_staff=True)
    reader = _user("+212600000308", "Amina", REVIEWERS)
    reader.user_permissions.add(Permission.objects.get(codename="view_reports"))
    users = {
        **world.users,
        "unrelated_trainer": _user("+212600000305", "Hassan", TRAINERS),
        "staff_without_reports": staff,
        "report_reader": reader,
    }
    return users, f"/en/me/certificates/{certificate.code}.pdf", evaluation


PDF = {
    "member": 200,
    "leader": 200,
    "trainer": 200,
    "report_reader": 200,
    "superuser": 200,
    "other_member": 404,
    "unrelated_trainer": 404,
    "staff_without_reports": 404,
    "reviewer": 404,
}
# In the admin's reports: only users with admin access reach the view at all. A 404 outside the
# language prefixes is first redirected to the prefixed address, hence ``follow``.
VOICE_NOTE = {
    "trainer": 200,
    "report_reader": 200,
    "superuser": 200,
    "unrelated_trainer": 404,
    "staff_without_reports": 404,
    "reviewer": 404,
}


def _voice_note_url(evaluation) -> str:
    return f"/admin/assessment-reports/voice-notes/{evaluation.pk}/"


@pytest.mark.parametrize("role", list(PDF))
def test_a_certificate_pdf_is_served_only_to_those_who_follow_the_learner(
    client, learner_work, role
):
    users, pdf_url, _evaluation = learner_work
    client.force_login(users[role])
    assert client.get(pdf_url).status_code == PDF[role]


@pytest.mark.parametrize("role", list(VOICE_NOTE))
def test_a_voice_note_is_served_only_to_those_who_follow_the_learner(client, learner_work, role):
    users, _pdf_url, evaluation = learner_work
    client.force_login(users[role])
    response = client.get(_voice_note_url(evaluation), follow=True)
    assert response.status_code == VOICE_NOTE[role]


def test_her_trainer_loses_access_when_she_leaves_the_cohort(client, world, learner_work):
    users, pdf_url, evaluation = learner_work
    client.force_login(users["member"])
    client.post("/en/me/cohorts/", {"action": "leave", "cohort": world.cohort_pk})
    client.force_login(users["trainer"])
    assert client.get(pdf_url).status_code == 404
    assert client.get(_voice_note_url(evaluation), follow=True).status_code == 404


def test_a_cohort_the_learner_did_not_accept_gives_its_trainer_nothing(client, world, learner_work):
    _users, pdf_url, evaluation = learner_work
    other_trainer = _user("+212600000309", "Rachid", TRAINERS)
    cohort = cohort_create(owner=other_trainer, name="Pulled in")
    cohort_enrol(cohort=cohort, course_key=world.course_key, enrolled_by=other_trainer)
    cohort_invitations_send(cohort=cohort, invited_by=other_trainer, phone_numbers=["0611000001"])
    client.force_login(other_trainer)
    assert client.get(pdf_url).status_code == 404
    assert client.get(_voice_note_url(evaluation), follow=True).status_code == 404
    page = client.get(f"/en/cohorts/{cohort.pk}/").content.decode()
    assert "Itto" not in page
    csv_text = client.get(f"/en/cohorts/{cohort.pk}/export.csv").content.decode("utf-8-sig")
    assert "+212611000001" not in csv_text


def test_the_quiz_report_counts_a_learner_for_a_cohort_only_while_she_is_in_it(client, world):
    from assessments.models import Attempt, Quiz
    from assessments.reports import cohort_lines

    quiz = Quiz.objects.create(title="Final", kind=Quiz.Kind.FINAL, course=_course(world))
    member, now = world.users["member"], timezone.now()
    Attempt.objects.create(
        quiz=quiz, learner=member, plan={"questions": []}, finished_at=now, score=1.0, passed=True
    )
    assert [line.cohort for line in cohort_lines(quiz)] == ["Trainer's cohort"]
    client.force_login(world.users["member"])
    client.post("/en/me/cohorts/", {"action": "leave", "cohort": world.cohort_pk})
    assert [line.cohort for line in cohort_lines(quiz)] == ["—"]


def _course(world: World):
    from courses.models import CoursePage

    return CoursePage.objects.get(translation_key=world.course_key, locale__language_code="en")
