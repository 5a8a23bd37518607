"""Who sees what: national staff and report readers every region, regional staff their own
region whatever the address says, everybody else nothing."""

import pytest
from django.urls import reverse

from insights.access import NATIONAL, scope

from .factories import learner, report_reader_make, small_world, staff_make

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/statistics/"


def total(response, name: str) -> str:
    html = response.content.decode()
    marker = f'data-total="{name}">'
    return html[html.index(marker) + len(marker) :].split("<", 1)[0]


def test_scopes():
    assert scope(staff_make(national=True)) == NATIONAL
    assert scope(report_reader_make()) == NATIONAL
    assert scope(staff_make(region="09")) == "09"
    assert scope(staff_make(region="")) is None  # regional permission, no region: nothing
    assert scope(learner("Plain", region="09", is_staff=True)) is None


def test_regional_staff_see_only_their_region(client):
    small_world()
    client.force_login(staff_make(region="09"))
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert total(response, "learners") == "4"
    # Another region typed in the address: still her own region's figures.
    response = client.get(DASHBOARD, {"region": "02"})
    assert total(response, "learners") == "4"
    assert 'data-scope="09"' in response.content.decode()
    # A province of another region is refused, with the reason.
    response = client.get(DASHBOARD, {"province": "02.411"})
    assert 'data-error="province"' in response.content.decode()
    assert total(response, "learners") == "4"


def test_regional_staff_cannot_export_another_region(client):
    small_world()
    client.force_login(staff_make(region="02"))
    url = reverse("insights_export", args=["learning", "csv"])
    own = client.get(url).content.decode("utf-8-sig")
    assert len(own.strip().splitlines()) == 4  # header, her 2 learners' places, total
    # Another region, or a province of another region, typed in: her own region's file.
    for params in ({"region": "09"}, {"province": "09.001"}, {"region": "09", "by": "region"}):
        assert client.get(url, params).content.decode("utf-8-sig") == own
    by_region = client.get(url, {"by": "region"}).content.decode("utf-8-sig").splitlines()
    assert len(by_region) == 3  # header, L'Oriental, total


def test_national_staff_and_report_readers_see_every_region(client):
    small_world()
    for user in (staff_make(national=True), report_reader_make()):
        client.force_login(user)
        assert total(client.get(DASHBOARD), "learners") == "6"
        assert total(client.get(DASHBOARD, {"region": "02"}), "learners") == "2"


def test_without_the_permission_nothing(client):
    client.force_login(learner("Staff", region="09", is_staff=True))
    assert client.get(DASHBOARD).status_code in (302, 403)
    user = staff_make(region="")
    client.force_login(user)
    # Wagtail answers a refusal with a redirection to the admin's home and a message.
    for url in (
        DASHBOARD,
        reverse("insights_export", args=["learning", "xlsx"]),
        reverse("insights_report"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert response.get("Content-Type", "").startswith("text/html")


def test_the_menu_shows_the_space_to_those_who_may_see_it(client):
    client.force_login(staff_make(region="09"))
    assert DASHBOARD in client.get("/admin/").content.decode()


def test_bad_filters_get_a_translated_reason(client):
    client.force_login(staff_make(national=True))
    response = client.get(DASHBOARD, {"start": "soon"})
    assert response.status_code == 200
    assert 'data-error="start"' in response.content.decode()
    response = client.get(DASHBOARD, {"start": "2026-05", "end": "2026-01"})
    assert 'data-error="end"' in response.content.decode()


def test_unknown_table_or_format_is_404(client):
    client.force_login(staff_make(national=True))
    assert client.get("/admin/statistics/export/users.csv").status_code == 404
    assert client.get("/admin/statistics/export/learning.ods").status_code == 404
