"""The dashboard reads summaries only: a constant number of queries however many learners;
charts mirrored in Arabic; every table exported; the refresh scheduled and callable."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.charts import bar_chart, line_chart
from insights import selectors
from insights.services import refresh_summaries

from .factories import COURSE_A, enrol, learner, small_world, staff_make

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/statistics/"


def queries(client, params=None, *, cached=False) -> int:
    if not cached:
        cache.clear()  # the page's figures computed, not read from the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(DASHBOARD, params or {}).status_code == 200
    return len(captured)


@pytest.mark.parametrize("national", [True, False])
def test_the_dashboard_makes_the_same_number_of_queries_whatever_the_data(client, national):
    small_world()
    client.force_login(staff_make(region="" if national else "09", national=national))
    women_by_month = {"by": "month", "gender": "woman"}
    queries(client)  # the first page fills the caches (site, locales)
    assert queries(client, cached=True) <= 9  # the figures come from the cache
    before = queries(client), queries(client, women_by_month)
    assert before[0] <= 25
    for number in range(30):
        person = learner(f"L{number}", region="09", province_id="09.001", gender="woman")
        enrol(person, COURSE_A, month=number % 12 + 1)
    refresh_summaries()
    assert (queries(client), queries(client, women_by_month)) == before


def test_every_table_exports_in_both_formats(client):
    small_world()
    client.force_login(staff_make(national=True))
    for table in selectors.TABLES:
        for fmt, kind in (("csv", "text/csv"), ("xlsx", "spreadsheetml")):
            response = client.get(reverse("insights_export", args=[table, fmt]))
            assert response.status_code == 200, (table, fmt)
            assert kind in response["Content-Type"]


def test_bars_and_lines_run_right_to_left_in_arabic():
    items = [("Souss-Massa", 4), ("L'Oriental", 2)]
    ltr, rtl = bar_chart(title="t", items=items), bar_chart(title="t", items=items, rtl=True)
    assert ltr.items[0].bar_x + ltr.items[0].bar_width < ltr.items[0].value_x  # grows right
    # Mirrored: the bar ends where the left-to-right one starts, counted from the right.
    assert rtl.items[0].bar_x + rtl.items[0].bar_width == pytest.approx(
        ltr.width - ltr.items[0].bar_x, abs=0.2
    )
    assert rtl.items[0].value_x < rtl.items[0].bar_x  # the value on the left of the bar
    assert rtl.items[0].label_x > rtl.items[0].bar_x + rtl.items[0].bar_width  # name on the right
    assert rtl.items[1].bar_width == pytest.approx(ltr.items[0].bar_width / 2, abs=0.2)
    months = ["2026-01", "2026-02"]
    left = line_chart(title="t", labels=months, series=[("a", [1, 2])])
    right = line_chart(title="t", labels=months, series=[("a", [1, 2])], rtl=True)
    assert left.ticks[0][0] < left.ticks[1][0]  # January on the left
    assert right.ticks[0][0] > right.ticks[1][0]  # January on the right


def test_the_refresh_is_scheduled_and_has_a_command(capsys):
    schedule = settings.CELERY_BEAT_SCHEDULE["insights-refresh"]
    assert schedule["task"] == "insights.refresh_summaries_task"
    from insights.tasks import refresh_summaries_task

    small_world()
    assert refresh_summaries_task.run() > 0
    call_command("refresh_statistics")
    assert "summary rows" in capsys.readouterr().out
    assert selectors.last_refresh() is not None
