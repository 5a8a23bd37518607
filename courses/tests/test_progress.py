import json
from datetime import timedelta
from uuid import uuid4

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.learning import learner_courses
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress, ProgressEvent
from courses.progress import EventIn, progress_record
from courses.signals import course_completed

pytestmark = pytest.mark.django_db
T0 = timezone.now() - timedelta(hours=1)


@pytest.fixture
def learner():
    return get_user_model().objects.create_user("+212661111111", "2468", first_name="Itto")


def lessons(code: str = "ar") -> list[LessonPage]:
    return list(LessonPage.objects.filter(locale__language_code=code).order_by("path"))


def position(lesson, seconds, *, at, duration=100.0, event_id=None) -> EventIn:
    return EventIn(
        id=event_id or uuid4(),
        lesson_key=lesson.translation_key,
        kind="position",
        occurred_at=at,
        position_seconds=seconds,
        duration_seconds=duration,
    )


def done(lesson, *, at=None) -> EventIn:
    return EventIn(id=uuid4(), lesson_key=lesson.translation_key, kind="done", occurred_at=at or T0)


def state(learner, lesson) -> LessonProgress:
    return LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)


def test_replaying_the_same_events_changes_nothing(learner):
    lesson = lessons()[0]
    batch = [position(lesson, 10, at=T0), position(lesson, 20, at=T0 + timedelta(seconds=30))]
    assert len(progress_record(learner=learner, events=batch)) == 2
    assert progress_record(learner=learner, events=batch) == []
    assert ProgressEvent.objects.filter(learner=learner).count() == 2
    assert state(learner, lesson).position_seconds == 20


def test_out_of_order_events_keep_the_latest_position(learner):
    lesson = lessons()[0]
    progress_record(learner=learner, events=[position(lesson, 40, at=T0 + timedelta(minutes=5))])
    progress_record(learner=learner, events=[position(lesson, 5, at=T0)])
    assert state(learner, lesson).position_seconds == 40


def test_an_older_event_never_undoes_done(learner):
    lesson = lessons()[0]
    progress_record(learner=learner, events=[done(lesson, at=T0 + timedelta(minutes=5))])
    progress_record(learner=learner, events=[position(lesson, 5, at=T0)])
    assert state(learner, lesson).status == LessonProgress.Status.DONE


def test_listening_to_most_of_the_media_makes_the_lesson_done(learner, settings):
    settings.PROGRESS_DONE_THRESHOLD = 0.9
    lesson = lessons()[0]
    progress_record(learner=learner, events=[position(lesson, 50, at=T0)])
    assert state(learner, lesson).status == LessonProgress.Status.IN_PROGRESS
    progress_record(learner=learner, events=[position(lesson, 91, at=T0 + timedelta(seconds=41))])
    assert state(learner, lesson).status == LessonProgress.Status.DONE


def test_progress_follows_the_lesson_into_another_language(learner):
    arabic, tachelhit = lessons("ar")[1], lessons("shi")[1]
    assert arabic.translation_key == tachelhit.translation_key
    progress_record(learner=learner, events=[position(arabic, 33, at=T0)])
    progress_record(learner=learner, events=[position(tachelhit, 44, at=T0 + timedelta(seconds=9))])
    assert LessonProgress.objects.filter(learner=learner).count() == 1
    assert state(learner, tachelhit).position_seconds == 44


def test_continue_goes_to_the_lesson_and_position_in_the_current_language(learner):
    second = lessons("ar")[1]
    progress_record(learner=learner, events=[done(lessons("ar")[0])])
    progress_record(learner=learner, events=[position(second, 75, at=T0 + timedelta(minutes=1))])
    (course,) = learner_courses(learner, "rif")
    assert course.resume.page.locale.language_code == "rif"
    assert course.resume.page.translation_key == second.translation_key
    assert course.resume.url.endswith("?t=75")
    assert (course.done, course.total) == (1, 5)


def test_after_a_done_lesson_continue_goes_to_the_next_one(learner):
    first, second = lessons("shi")[:2]
    progress_record(learner=learner, events=[done(first)])
    (course,) = learner_courses(learner, "shi")
    assert course.resume.page.pk == second.pk


def test_completion_is_recorded_exactly_once(learner, django_capture_on_commit_callbacks):
    received = []

    def listener(**kwargs):
        received.append(kwargs)

    course_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons():
                progress_record(learner=learner, events=[done(lesson)])
            progress_record(learner=learner, events=[done(lessons()[0])])
    finally:
        course_completed.disconnect(listener)
    course = CoursePage.objects.get(locale__language_code="ar")
    enrolment = Enrolment.objects.get(learner=learner, course_key=course.translation_key)
    assert enrolment.completed_at is not None
    assert len(received) == 1
    assert received[0]["course_key"] == course.translation_key


def test_an_optional_lesson_is_not_needed_to_complete(learner):
    *required, optional = lessons()
    LessonPage.objects.filter(translation_key=optional.translation_key).update(required=False)
    for lesson in required:
        progress_record(learner=learner, events=[done(lesson)])
    assert Enrolment.objects.get(learner=learner).completed_at is not None


def sent(lesson=None, **fields) -> dict:
    """An event as the phone sends it (a lesson of the demo course unless told otherwise)."""
    key = str(lesson.translation_key) if lesson else str(uuid4())
    return {"id": str(uuid4()), "lesson": key, "kind": "position", "at": T0.isoformat(),
            "position": 12.5, "duration": 60, **fields}  # fmt: skip


def post_events(client, events):
    return client.post("/api/progress/", {"events": json.dumps(events)})


def test_the_progress_endpoint_takes_sendbeacon_form_posts(client, learner):
    lesson = lessons("shi")[0]
    client.force_login(learner)
    event = sent(lesson)
    first = post_events(client, [event])
    again = post_events(client, [event])
    assert first.json()["accepted"] == [event["id"]]
    assert again.json()["accepted"] == []
    assert again.json()["duplicates"] == [event["id"]]
    assert state(learner, lesson).position_seconds == 12.5


def test_a_batch_keeps_its_valid_events_and_says_which_were_refused(client, learner):
    first, second = lessons("shi")[:2]
    client.force_login(learner)
    good = [sent(first), sent(second, kind="done")]
    unknown, unreadable = sent(), sent(first, at="yesterday")
    response = post_events(client, [good[0], unknown, unreadable, good[1]])
    assert response.status_code == 200
    answer = response.json()
    assert sorted(answer["accepted"]) == sorted(event["id"] for event in good)
    assert answer["duplicates"] == []
    assert sorted(answer["refused"], key=lambda row: row["code"]) == [
        {"id": unreadable["id"], "code": "invalid"},
        {"id": unknown["id"], "code": "unknown_lesson"},
    ]
    assert state(learner, first).position_seconds == 12.5
    assert state(learner, second).status == LessonProgress.Status.DONE


def test_a_replayed_batch_names_its_duplicates_and_keeps_only_the_new_event(client, learner):
    lesson = lessons("shi")[0]
    client.force_login(learner)
    batch = [sent(lesson, position=10), sent(lesson, position=20)]
    post_events(client, batch)
    later = sent(lesson, position=30, at=(T0 + timedelta(minutes=1)).isoformat())
    answer = post_events(client, [*batch, later]).json()
    assert answer["accepted"] == [later["id"]]
    assert sorted(answer["duplicates"]) == sorted(event["id"] for event in batch)
    assert ProgressEvent.objects.filter(learner=learner).count() == 3
    assert state(learner, lesson).position_seconds == 30


def test_a_batch_over_the_limit_is_refused_whole_and_says_the_limit(client, learner):
    lesson = lessons("shi")[0]
    client.force_login(learner)
    events = [sent(lesson, position=n) for n in range(51)]
    response = post_events(client, events)
    assert response.status_code == 413
    assert response.json()["code"] == "too_many_events"
    assert response.json()["limit"] == 50
    assert response.json()["error"]
    assert not ProgressEvent.objects.filter(learner=learner).exists()
    limit = response.json()["limit"]
    for start in range(0, len(events), limit):  # sent again in pieces: every one is kept
        assert post_events(client, events[start : start + limit]).status_code == 200
    assert ProgressEvent.objects.filter(learner=learner).count() == 51


@pytest.mark.parametrize("raw", ["not json", '{"id": "x"}', "42"])
def test_a_report_that_is_not_a_list_of_events_gets_a_clear_error(client, learner, raw):
    client.force_login(learner)
    response = client.post("/api/progress/", {"events": raw})
    assert response.status_code == 400
    assert response.json()["error"]
    assert not LessonProgress.objects.filter(learner=learner).exists()


def test_the_progress_endpoint_needs_a_signed_in_learner(client):
    assert client.post("/api/progress/", {"events": "[]"}).status_code == 401


def test_marking_a_lesson_done_goes_to_the_next_lesson(client, learner):
    first, second = lessons("shi")[:2]
    client.force_login(learner)
    response = client.post(f"/shi/lessons/{first.translation_key}/done/")
    assert response.headers["Location"] == second.url
    assert state(learner, first).status == LessonProgress.Status.DONE


def test_a_position_report_takes_few_queries_once_the_lesson_is_known(client, learner):
    """The lesson's course and the course's lessons come from the process's memory until the
    next publish; completion is checked only when a lesson gets finished."""
    lesson = lessons("ar")[0]
    client.force_login(learner)
    post_events(client, [sent(lesson)])
    with CaptureQueriesContext(connection) as captured:
        response = post_events(client, [sent(lesson, position=20.0)])
    assert response.json()["accepted"]
    assert len(captured) <= 10, "\n".join(query["sql"][:160] for query in captured)
    assert not [query for query in captured if "wagtailcore_page" in query["sql"]]
