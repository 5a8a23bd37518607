"""A leader registers a member; the member activates her account with the code and her own PIN."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from academy.models import User
from academy.roles import LEADERS, TRAINERS
from courses.api import LessonPage, learners_progress

pytestmark = pytest.mark.django_db


def user_in(group: str | None, phone_number: str, first_name: str = "") -> User:
    user = User.objects.create_user(phone_number, "8461", first_name=first_name)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def register(client, **data):
    fields = {"phone_number": "06 11 22 33 44", "first_name": "Itto", "preferred_language": "shi"}
    return client.post("/en/me/members/new/", {**fields, **data})


def test_a_leader_registers_a_member_who_activates_her_account_once(client):
    # given a cooperative leader who registers a member
    client.force_login(user_in(LEADERS, "+212600000101", "Khadija"))
    response = register(client, region="09", gender="woman", birth_year="1990")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    code = response.context["registrations"][0].activation_code
    assert code in response.content.decode()
    member = User.objects.get(phone_number="+212611223344")
    assert (member.first_name, member.region, member.registered_by.first_name) == (
        "Itto",
        "09",
        "Khadija",
    )
    assert not member.has_usable_password()
    # when the member activates her account on her own phone with the code
    client.logout()
    activation = {"phone_number": "0611223344", "code": code, "pin": "8462"}
    response = client.post("/shi/activate/", activation)
    # then she is signed in, and signs in again later with her PIN
    assert response.status_code == 302
    assert client.get("/shi/me/").status_code == 200
    client.post("/shi/signout/")
    response = client.post("/shi/signin/", {"phone_number": "0611223344", "pin": "8462"})
    assert response.status_code == 302
    assert client.get("/shi/me/").context["user"] == member
    # and the code does not work a second time
    client.post("/shi/signout/")
    response = client.post("/shi/activate/", {**activation, "pin": "9731"})
    assert response.status_code == 200
    assert response.context["form"].errors
    member.refresh_from_db()
    assert member.check_password("8462")


def test_a_number_that_already_has_an_account_is_refused_with_a_message(client):
    user_in(None, "+212611223344")
    client.force_login(user_in(TRAINERS, "+212600000102"))
    response = register(client)
    assert response.status_code == 200
    assert response.context["form"].errors["phone_number"]
    assert User.objects.filter(registered_by__isnull=False).count() == 0


def test_only_the_phone_number_is_required(client):
    client.force_login(user_in(LEADERS, "+212600000101"))
    response = register(client, first_name="", preferred_language="")
    assert response.status_code == 200
    member = User.objects.get(phone_number="+212611223344")
    assert (member.first_name, member.preferred_language, member.gender) == ("", "", "")


def test_a_member_cannot_register_anyone(client):
    client.force_login(user_in(None, "+212600000103"))
    assert register(client).status_code == 403
    assert not User.objects.filter(phone_number="+212611223344").exists()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_leader_sees_her_members_progress_in_a_fixed_number_of_queries(client, demo_academy):
    # given a leader with members who are enrolled in the demo course
    leader = user_in(LEADERS, "+212600000101")
    lesson = LessonPage.objects.filter(locale__language_code="en").live().first()

    def add_members(numbers):
        for index in numbers:
            member = User.objects.create_user(
                f"+2126112233{index:02d}", None, first_name=f"Member {index}", registered_by=leader
            )
            client.force_login(member)
            client.post(f"/en/lessons/{lesson.translation_key}/done/")
        client.force_login(leader)

    add_members(range(3))
    other = user_in(LEADERS, "+212600000104")
    stranger = User.objects.create_user("+212611229999", None, registered_by=other)
    # when she opens "my members"
    response = client.get("/en/me/members/")
    # then she sees her members only, with their progress
    page = response.content.decode()
    assert all(f"Member {index}" in page for index in range(3))
    assert stranger.phone_number not in page
    assert [item.courses[0].cell.done for item in response.context["members"]] == [1, 1, 1]
    # and the page's queries do not grow with the number of members
    before = _queries(client, "/en/me/members/")
    add_members(range(3, 9))
    assert _queries(client, "/en/me/members/") == before


def test_learners_progress_counts_done_lessons_per_course(client, demo_academy):
    leader = user_in(LEADERS, "+212600000101")
    member = User.objects.create_user("+212611223344", None, registered_by=leader)
    lesson = LessonPage.objects.filter(locale__language_code="en").live().first()
    client.force_login(member)
    client.post(f"/en/lessons/{lesson.translation_key}/done/")
    (progress,) = learners_progress(learners=[member], language_code="en")
    (course,) = progress.courses
    assert (course.cell.done, course.cell.total, course.cell.completed_at) == (1, 5, None)


def test_the_member_form_asks_about_the_member_not_about_you():
    from django.utils import translation

    from academy.forms import MemberForm, SignUpForm

    with translation.override("en"):
        member, own = MemberForm(), SignUpForm()
        assert str(member.fields["gender"].label) == "The member is"
        assert str(own.fields["gender"].label) == "You are"  # her own sign-up is unchanged
