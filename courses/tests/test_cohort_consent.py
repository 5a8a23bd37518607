"""A learner is in a cohort only when she says yes: the trainer sees nothing of her before."""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from courses import cohort_members, cohorts
from courses.models import CohortCodeTry, CoursePage, Enrolment, LessonPage

pytestmark = pytest.mark.django_db

TRAINERS = "Editors"


def learner(phone_number: str, first_name: str, *, verified: bool = True, **fields):
    return get_user_model().objects.create_user(
        phone_number,
        "8461",
        first_name=first_name,
        phone_verified_at=timezone.now() if verified else None,
        **fields,
    )


def demo_course_key():
    return CoursePage.objects.get(
        locale__language_code="en", slug="founding-a-cooperative"
    ).translation_key


@pytest.fixture
def cohort(demo_academy):
    owner = learner("+212600000201", "Youssef")
    owner.groups.add(Group.objects.get(name=TRAINERS))
    group = cohorts.cohort_create(owner=owner, name="Souss session")
    cohorts.cohort_enrol(cohort=group, course_key=demo_course_key(), enrolled_by=owner)
    return group


@pytest.fixture
def itto(demo_academy, client):
    """A learner who made progress in the cohort's course on her own."""
    itto = learner("+212611223344", "Itto")
    client.force_login(itto)
    client.post(f"/en/courses/{demo_course_key()}/enrol/")
    lesson = LessonPage.objects.filter(locale__language_code="en").live().order_by("path").first()
    client.post(f"/en/lessons/{lesson.translation_key}/done/")
    client.logout()
    return itto


def invite(client, cohort, numbers: str):
    client.force_login(cohort.owner)
    return client.post(
        f"/en/cohorts/{cohort.pk}/", {"action": "phones", "phone_numbers": numbers}, follow=True
    )


def what_the_trainer_sees(client, cohort) -> str:
    client.force_login(cohort.owner)
    page = client.get(f"/en/cohorts/{cohort.pk}/")
    table = page.content.decode().split('<h2><span aria-hidden="true">➕</span>')[0]
    listing = client.get("/en/cohorts/").content.decode()
    exported = client.get(f"/en/cohorts/{cohort.pk}/export.csv").content.decode("utf-8-sig")
    return table + listing + exported


def her_invitation(client, member):
    client.force_login(member)
    (invitation,) = client.get("/en/me/cohorts/").context["invitations"]
    return invitation


def test_the_trainer_sees_nothing_of_her_until_she_accepts(client, cohort, itto):
    invite(client, cohort, "06 11 22 33 44")
    seen = what_the_trainer_sees(client, cohort)
    assert "Itto" not in seen
    assert "+212611223344" not in seen
    assert "1 member" not in seen
    # she sees who invites her and what the trainer would see, and accepts
    invitation = her_invitation(client, itto)
    page = client.get("/en/me/cohorts/").content.decode()
    assert "Souss session" in page
    assert "Youssef invites you to this cohort." in page
    assert "your progress and your test results in the courses of this cohort" in page
    client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    seen = what_the_trainer_sees(client, cohort)
    assert "Itto" in seen
    assert "+212611223344" in seen
    assert "1 / 5" in seen


def test_the_csv_export_lists_only_learners_who_accepted(client, cohort, itto):
    invite(client, cohort, "0611223344")
    client.force_login(cohort.owner)
    exported = client.get(f"/en/cohorts/{cohort.pk}/export.csv").content.decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(exported)))) == 1  # the header only


def _normalised(page: str, number: str, cohort) -> str:
    page = re.sub(r'(csrfmiddlewaretoken" value|data-csrf)="[^"]+"', "", page)
    page = page.replace(cohort.join_code, "CODE").replace(f"/cohorts/{cohort.pk}/", "/cohorts/N/")
    return page.replace(number, "NUMBER")


def test_the_trainer_gets_the_same_answer_whoever_owns_the_number(client, cohort, itto):
    get_user_model().objects.create_superuser("+212600000999", "admin-pass")
    learner("+212611223355", "Unverified", verified=False)
    pages = []
    for number in ("+212611223344", "+212600000999", "+212611223355", "+212699887766"):
        group = cohorts.cohort_create(owner=cohort.owner, name="Same name")
        response = invite(client, group, number)
        assert response.status_code == 200
        assert "Invitation sent to 1 number." in response.content.decode()
        pages.append(_normalised(response.content.decode(), number, group))
    assert pages[1:] == pages[:1] * 3


def test_a_superuser_cannot_be_pulled_into_a_cohort(client, cohort):
    admin = get_user_model().objects.create_superuser(
        "+212600000999", "admin-pass", phone_verified_at=timezone.now()
    )
    invite(client, cohort, "0600000999")
    client.force_login(admin)
    assert list(client.get("/en/me/cohorts/").context["invitations"]) == []
    (invitation,) = cohort.invitations.all()
    response = client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    assert response.status_code == 400
    response = client.post("/en/me/cohorts/", {"action": "code", "code": cohort.join_code})
    assert "Staff accounts cannot join a cohort." in response.content.decode()
    assert not cohort.members.exists()


def test_an_unverified_number_cannot_accept(client, cohort):
    unverified = learner("+212611223366", "Fadma", verified=False)
    invite(client, cohort, "0611223366")
    (invitation,) = cohort.invitations.all()
    client.force_login(unverified)
    page = client.get("/en/me/cohorts/")
    assert list(page.context["invitations"]) == []
    assert "Souss session" not in page.content.decode()
    response = client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    assert response.status_code == 400
    assert not cohort.members.exists()
    # once her number is verified, the invitation is hers to answer
    get_user_model().objects.filter(pk=unverified.pk).update(phone_verified_at=timezone.now())
    client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    assert list(cohort.members.all()) == [unverified]


def test_an_invitation_to_a_number_without_account_waits_for_her_sign_up(client, cohort):
    invite(client, cohort, "0677889900")
    newcomer = learner("+212677889900", "Zahra")
    invitation = her_invitation(client, newcomer)
    client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    assert Enrolment.objects.get(learner=newcomer).cohort == cohort


def test_she_may_decline_and_is_not_asked_again(client, cohort, itto):
    invite(client, cohort, "0611223344")
    invitation = her_invitation(client, itto)
    client.post("/en/me/cohorts/", {"action": "decline", "invitation": invitation.pk})
    invite(client, cohort, "0611223344")
    client.force_login(itto)
    assert list(client.get("/en/me/cohorts/").context["invitations"]) == []
    assert "Itto" not in what_the_trainer_sees(client, cohort)


def test_she_may_leave_and_the_trainer_sees_nothing_of_her_again(client, cohort, itto):
    invite(client, cohort, "0611223344")
    invitation = her_invitation(client, itto)
    client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    assert "Itto" in what_the_trainer_sees(client, cohort)
    client.force_login(itto)
    client.post("/en/me/cohorts/", {"action": "leave", "cohort": cohort.pk})
    seen = what_the_trainer_sees(client, cohort)
    assert "Itto" not in seen
    assert "+212611223344" not in seen
    enrolment = Enrolment.objects.get(learner=itto)
    assert enrolment.cohort is None  # her enrolment and progress stay hers
    assert enrolment.course_key == demo_course_key()


def test_she_joins_with_the_cohorts_code(client, cohort, itto):
    client.force_login(itto)
    arabic_digits = "".join("٠١٢٣٤٥٦٧٨٩"[int(digit)] for digit in cohort.join_code)
    typed = f"{arabic_digits[:4]} {arabic_digits[4:]}"
    response = client.post("/en/me/cohorts/", {"action": "code", "code": typed}, follow=True)
    assert "You joined the cohort “Souss session”." in response.content.decode()
    assert list(cohort.members.all()) == [itto]
    assert Enrolment.objects.get(learner=itto).cohort == cohort


def test_guessing_codes_stops_after_five_wrong_ones_whatever_fails(client, cohort, itto):
    client.force_login(itto)
    wrong = "00000000" if cohort.join_code != "00000000" else "11111111"
    for _try in range(cohort_members.CODE_TRIES_PER_HOUR):
        response = client.post("/en/me/cohorts/", {"action": "code", "code": wrong})
        assert "No cohort has this code." in response.content.decode()
    response = client.post("/en/me/cohorts/", {"action": "code", "code": cohort.join_code})
    assert "Too many wrong codes." in response.content.decode()
    assert not cohort.members.exists()
    assert CohortCodeTry.objects.filter(learner=itto, succeeded=False).count() == 5


def test_the_trainer_gives_the_cohort_a_new_code_and_the_old_one_stops(client, cohort, itto):
    old = cohort.join_code
    client.force_login(cohort.owner)
    client.post(f"/en/cohorts/{cohort.pk}/", {"action": "code"})
    cohort.refresh_from_db()
    assert cohort.join_code != old
    client.force_login(itto)
    response = client.post("/en/me/cohorts/", {"action": "code", "code": old})
    assert "No cohort has this code." in response.content.decode()


def test_her_answers_to_invitations_are_in_the_download_of_her_data(client, cohort, itto):
    invite(client, cohort, "0611223344")
    invitation = her_invitation(client, itto)
    client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    data = client.get("/en/me/data/").json()
    assert [row["cohort__name"] for row in data["learning"]["cohorts"]] == ["Souss session"]
    assert data["learning"]["cohorts"][0]["status"] == "accepted"
