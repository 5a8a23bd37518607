"""Cohorts: a trainer enrols a group of learners and follows their progress, hers only."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from courses import cohort_members, cohorts
from courses.models import CoursePage, Enrolment, LessonPage

pytestmark = pytest.mark.django_db

TRAINERS = "Editors"  # the Wagtail group that holds academy.manage_cohorts


def learner(phone_number: str, first_name: str = "", **fields):
    fields.setdefault("phone_verified_at", timezone.now())
    return get_user_model().objects.create_user(
        phone_number, "8461", first_name=first_name, **fields
    )


def joined(cohort, member):
    """Invite the learner's number and let her accept, as she would in her space."""
    cohort_members.cohort_invitations_send(
        cohort=cohort, invited_by=cohort.owner, phone_numbers=[member.phone_number]
    )
    (invitation,) = cohort_members.invitations_for(member).filter(cohort=cohort)
    cohort_members.cohort_invitation_accept(learner=member, invitation_id=invitation.pk)


def trainer(phone_number: str = "+212600000201", first_name: str = "Youssef"):
    user = learner(phone_number, first_name)
    user.groups.add(Group.objects.get(name=TRAINERS))
    return user


def demo_course_key():
    return CoursePage.objects.get(
        locale__language_code="en", slug="founding-a-cooperative"
    ).translation_key


def lessons_in_english():
    return list(LessonPage.objects.filter(locale__language_code="en").live().order_by("path"))


@pytest.fixture
def cohort(demo_academy):
    owner = trainer()
    group = cohorts.cohort_create(owner=owner, name="Coopérative Tifawin")
    joined(group, learner("+212611223344", "Itto"))
    joined(group, learner("+212611223345", "Fadma", registered_by=owner))
    return group


def test_enrolling_a_cohort_enrols_every_member_for_the_cohort(cohort):
    count = cohorts.cohort_enrol(
        cohort=cohort, course_key=demo_course_key(), enrolled_by=cohort.owner
    )
    assert count == 2
    enrolments = Enrolment.objects.filter(course_key=demo_course_key())
    assert sorted(e.learner.first_name for e in enrolments) == ["Fadma", "Itto"]
    assert {(e.cohort_id, e.enrolled_by_id) for e in enrolments} == {(cohort.pk, cohort.owner.pk)}


def test_a_member_added_later_is_enrolled_in_the_cohorts_courses(cohort):
    cohorts.cohort_enrol(cohort=cohort, course_key=demo_course_key(), enrolled_by=cohort.owner)
    zahra = learner("+212611223346", "Zahra")
    joined(cohort, zahra)
    assert Enrolment.objects.get(learner=zahra).cohort == cohort


def test_a_learner_already_enrolled_keeps_her_progress(cohort, client):
    itto = cohort.members.get(first_name="Itto")
    client.force_login(itto)
    client.post(f"/en/lessons/{lessons_in_english()[0].translation_key}/done/")
    cohorts.cohort_enrol(cohort=cohort, course_key=demo_course_key(), enrolled_by=cohort.owner)
    progress = cohorts.cohort_progress(cohort=cohort, language_code="en")
    cells = {row.learner.first_name: row.cells[0] for row in progress.rows}
    assert (cells["Itto"].done, cells["Fadma"].done, cells["Itto"].total) == (1, 0, 5)


@pytest.mark.parametrize(
    ("numbers", "ids", "code"),
    [
        (["hello"], [], "invalid_phone"),
        ([], [], "no_members"),
    ],
)
def test_inviting_members_says_what_is_wrong_with_the_input(cohort, numbers, ids, code):
    with pytest.raises(ValidationError) as error:
        cohort_members.cohort_invitations_send(
            cohort=cohort, invited_by=cohort.owner, phone_numbers=numbers, learner_ids=ids
        )
    assert error.value.error_list[0].code == code


def test_a_trainer_cannot_add_members_registered_by_someone_else(cohort):
    someone_else = trainer("+212600000202")
    theirs = learner("+212611223347", registered_by=someone_else)
    with pytest.raises(ValidationError) as error:
        cohort_members.cohort_invitations_send(
            cohort=cohort, invited_by=cohort.owner, learner_ids=[theirs.pk]
        )
    assert error.value.code == "not_your_member"
    assert not cohort.members.filter(pk=theirs.pk).exists()


def test_an_empty_cohort_follows_a_course_and_learners_who_join_later_are_enrolled(
    demo_academy,
):
    owner = trainer()
    empty = cohorts.cohort_create(owner=owner, name="Empty")
    assert cohorts.cohort_enrol(cohort=empty, course_key=demo_course_key(), enrolled_by=owner) == 0
    itto = learner("+212611223344", "Itto")
    joined(empty, itto)
    assert Enrolment.objects.get(learner=itto).cohort == empty


def test_the_trainer_creates_enrols_and_follows_a_cohort_through_her_pages(client, demo_academy):
    # given a trainer and a learner with an account
    owner = trainer()
    itto = learner("+212611223344", "Itto")
    client.force_login(owner)
    # when she creates a cohort, invites the learner by phone number and enrols the cohort,
    response = client.post("/en/cohorts/", {"name": "Souss session"})
    url = response["Location"]
    client.post(url, {"action": "phones", "phone_numbers": "06 11 22 33 44"})
    client.post(url, {"action": "enrol", "course": str(demo_course_key())})
    # and the learner accepts in her space
    client.force_login(itto)
    page = client.get("/en/me/cohorts/")
    (invitation,) = page.context["invitations"]
    client.post("/en/me/cohorts/", {"action": "accept", "invitation": invitation.pk})
    client.force_login(owner)
    # then the learner is enrolled, and the table shows her progress
    assert Enrolment.objects.get(learner=itto).cohort.name == "Souss session"
    response = client.get(url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    (row,) = response.context["progress"].rows
    assert (row.learner, row.cells[0].done, row.cells[0].total) == (itto, 0, 5)
    assert "0 / 5" in response.content.decode()


def test_a_number_that_is_not_a_phone_number_is_shown_on_the_page(client, cohort):
    client.force_login(cohort.owner)
    response = client.post(
        f"/en/cohorts/{cohort.pk}/", {"action": "phones", "phone_numbers": "hello"}
    )
    assert response.status_code == 200
    assert "“hello” is not a phone number." in response.content.decode()


def test_a_trainer_sees_only_her_own_cohorts(client, cohort):
    other = trainer("+212600000202", "Hassan")
    theirs = cohorts.cohort_create(owner=other, name="Hassan's cohort")
    client.force_login(cohort.owner)
    listing = client.get("/en/cohorts/").content.decode()
    assert "Coopérative Tifawin" in listing
    assert "Hassan&#x27;s cohort" not in listing
    assert client.get(f"/en/cohorts/{theirs.pk}/").status_code == 404
    assert client.get(f"/en/cohorts/{theirs.pk}/export.csv").status_code == 404
    response = client.post(f"/en/cohorts/{theirs.pk}/", {"action": "enrol", "course": "x"})
    assert response.status_code == 404


def test_the_csv_export_has_one_line_per_learner_and_course(client, cohort):
    # given a cohort enrolled in the demo course where Itto finished every lesson
    cohorts.cohort_enrol(cohort=cohort, course_key=demo_course_key(), enrolled_by=cohort.owner)
    itto = cohort.members.get(first_name="Itto")
    client.force_login(itto)
    for lesson in lessons_in_english():
        client.post(f"/en/lessons/{lesson.translation_key}/done/")
    completed = Enrolment.objects.get(learner=itto).completed_at
    # when her trainer downloads the CSV
    client.force_login(cohort.owner)
    response = client.get(f"/en/cohorts/{cohort.pk}/export.csv")
    # then it lists each learner with lessons done, total and completion date
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "First name",
        "Phone number",
        "Course",
        "Lessons done",
        "Lessons in the course",
        "Completed on",
    ]
    title = rows[1][2]
    assert title
    assert sorted(rows[1:]) == [
        ["Fadma", "+212611223345", title, "0", "5", ""],
        ["Itto", "+212611223344", title, "5", "5", completed.date().isoformat()],
    ]


def test_a_cell_that_looks_like_a_formula_is_neutralised(client, cohort):
    cohorts.cohort_enrol(cohort=cohort, course_key=demo_course_key(), enrolled_by=cohort.owner)
    cohort.members.filter(first_name="Itto").update(first_name="=HYPERLINK(1)")
    client.force_login(cohort.owner)
    text = client.get(f"/en/cohorts/{cohort.pk}/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_the_progress_table_takes_a_fixed_number_of_queries(cohort, django_assert_max_num_queries):
    cohorts.cohort_enrol(cohort=cohort, course_key=demo_course_key(), enrolled_by=cohort.owner)
    for index in range(10):
        joined(cohort, learner(f"+2126112234{index:02d}"))
    with django_assert_max_num_queries(12):
        progress = cohorts.cohort_progress(cohort=cohort, language_code="fr")
    assert len(progress.rows) == 12
