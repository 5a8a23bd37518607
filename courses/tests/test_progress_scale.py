"""The progress endpoint stays flat as the events table grows (issue 16): with 50,000 learners
and 200,000 of their events in the database, every query it makes on a large table goes through
an index (PostgreSQL's EXPLAIN), and it makes a fixed number of queries."""

import json
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import LessonPage

from .crowd import add_events, add_learners, remove_learners

pytestmark = pytest.mark.django_db
LARGE_TABLES = ("courses_progressevent", "academy_user", "courses_lessonprogress")


@pytest.fixture
def crowd_with_events(db):
    keys = list(
        LessonPage.objects.filter(locale__language_code="ar").values_list(
            "translation_key", flat=True
        )
    )
    add_learners(50_000)
    add_events(keys, per_learner=4)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE courses_progressevent")
        cursor.execute("ANALYZE academy_user")
    yield keys
    remove_learners()


def plan(sql: str, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_progress_post_reads_large_tables_through_indexes(client, crowd_with_events):
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are PostgreSQL's")
    learner = get_user_model().objects.create(phone_number="+212661000779", first_name="Itto")
    client.force_login(learner)
    event = {
        "id": str(uuid4()),
        "lesson": str(crowd_with_events[0]),
        "kind": "position",
        "at": datetime.now(tz=UTC).isoformat(),
        "position": 12.5,
        "duration": 60,
    }
    with CaptureQueriesContext(connection) as captured:
        response = client.post("/api/progress/", {"events": json.dumps([event])})
    assert response.status_code == 200
    assert response.json()["accepted"] == [event["id"]]
    assert len(captured) <= 30  # a fixed number, whatever the size of the tables
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM courses_progressevent")
        assert cursor.fetchone()[0] >= 200_000
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT") and any(t in query["sql"] for t in LARGE_TABLES)
    ]
    assert reads
    for sql in reads:
        explained = plan(sql.replace("%", "%%"), [])
        for table in LARGE_TABLES:
            assert f"Seq Scan on {table}" not in explained, f"{sql}\n{explained}"
