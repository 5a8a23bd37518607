"""The register in the admin: list and filters, editing with history, the import pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core import tasks
from core.models import ImportJob
from registry_link.imports import BACKGROUND_FROM_ROWS
from registry_link.models import Cooperative

from .factories import cooperative_make, user_make
from .test_imports import ROW, csv_file

pytestmark = pytest.mark.django_db


def test_staff_search_and_filter_the_register(admin_client):
    cooperative_make(name_latin="Coopérative Tifawin", region_id="09", sector="argan")
    cooperative_make(name_latin="Coopérative Annour", region_id="07", sector="food")
    found = admin_client.get("/admin/register/?q=tifawin").content.decode()
    assert "Tifawin" in found
    assert "Annour" not in found
    by_region = admin_client.get("/admin/register/?region=07").content.decode()
    assert "Annour" in by_region
    assert "Tifawin" not in by_region


def test_an_edit_in_the_admin_is_kept_with_who_made_it(admin_client, admin_user):
    cooperative = cooperative_make(members_count=7, women_count=2)
    page = admin_client.get(f"/admin/register/edit/{cooperative.pk}/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data.update(members_count="12", women_count="5", managers="[]")
    response = admin_client.post(f"/admin/register/edit/{cooperative.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    latest = cooperative.history.latest()
    assert (latest.members_count, latest.history_user) == (12, admin_user)
    changes = admin_client.get(f"/admin/register/changes/{cooperative.pk}/").content.decode()
    assert "data-changes" in changes
    assert '<span dir="auto">7</span> → <span dir="auto">12</span>' in changes


def test_only_staff_with_the_right_see_the_register_pages(client):
    from django.contrib.auth.models import Permission

    cooperative = cooperative_make()
    staff = user_make(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    for url in ("/admin/register-import/", f"/admin/register/changes/{cooperative.pk}/",
                "/admin/register-syncs/", "/admin/register/"):  # fmt: skip
        response = client.get(url, follow=True)  # Wagtail sends her back to the dashboard
        assert response.redirect_chain, url
        assert response.redirect_chain[-1][0].endswith("/admin/"), url
    learner = user_make()
    client.force_login(learner)
    response = client.get("/admin/register/", follow=True)
    assert "/login/" in response.redirect_chain[-1][0]


def test_import_preview_then_confirm(admin_client):
    cooperative_make(court="Agadir", local_number="2019/145", members_count=3)
    upload = SimpleUploadedFile("register.csv", csv_file(ROW, {**ROW, "local_number": "9"}))
    preview = admin_client.post("/admin/register-import/", {"file": upload})
    text = preview.content.decode()
    assert "data-preview" in text
    assert Cooperative.objects.get(local_number="2019/145").members_count == 3
    done = admin_client.post("/admin/register-import/", {"confirm": "1"})
    assert done.status_code == 302
    assert Cooperative.objects.get(local_number="2019/145").members_count == 24
    assert Cooperative.objects.filter(local_number="9").exists()


def test_an_import_with_problems_shows_them_and_keeps_nothing(admin_client):
    upload = SimpleUploadedFile("register.csv", csv_file({**ROW, "sector": "gold"}))
    text = admin_client.post("/admin/register-import/", {"file": upload}).content.decode()
    assert "data-problems" in text
    assert "unknown_sector" in text
    assert admin_client.post("/admin/register-import/", {"confirm": "1"}).status_code == 200
    assert not Cooperative.objects.exists()


def test_a_large_file_goes_to_a_worker(admin_client):
    count = BACKGROUND_FROM_ROWS + 3
    rows = [{**ROW, "local_number": f"N-{n}"} for n in range(count)]
    upload = SimpleUploadedFile("register.csv", csv_file(*rows))
    admin_client.post("/admin/register-import/", {"file": upload})
    response = admin_client.post("/admin/register-import/", {"confirm": "1"}, follow=True)
    job = ImportJob.objects.get(kind="register")
    assert response["Refresh"] == "3"
    assert not Cooperative.objects.exists()
    tasks.import_job_run_task(job.pk)
    done = admin_client.get(f"/admin/register-import/{job.uuid}/").content.decode()
    assert "data-import-done" in done
    assert Cooperative.objects.count() == count


def test_the_synchronisations_page_shows_runs_and_starts_one(admin_client, settings):
    from core.models import OutboxMessage
    from registry_link.models import RegisterSync

    problem = {"row": 3, "column": "sector", "message": "gold?", "code": "unknown_sector"}
    RegisterSync.objects.create(
        state=RegisterSync.State.REJECTED,
        error_code="rows_rejected",
        report={"problems": [problem]},
    )
    page = admin_client.get("/admin/register-syncs/").content.decode()
    assert "data-not-configured" in page
    assert "unknown_sector" in page
    assert admin_client.post("/admin/register-syncs/").status_code == 200  # nothing to start
    settings.REGISTER_API = {**settings.REGISTER_API, "URL": "http://127.0.0.1:8599/api"}
    assert admin_client.post("/admin/register-syncs/").status_code == 302
    assert OutboxMessage.objects.filter(task_name="registry_link.register_sync_task").exists()


def _form_data(admin_client, cooperative) -> dict:
    form = admin_client.get(f"/admin/register/edit/{cooperative.pk}/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data["managers"] = "[]"
    return data


def test_an_edit_with_an_inconsistent_seat_or_counts_is_refused(admin_client):
    cooperative = cooperative_make(members_count=7, women_count=2)
    data = {**_form_data(admin_client, cooperative), "province": "07.351"}
    response = admin_client.post(f"/admin/register/edit/{cooperative.pk}/", data)
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    data = {**_form_data(admin_client, cooperative), "women_count": "9"}
    response = admin_client.post(f"/admin/register/edit/{cooperative.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors
    cooperative.refresh_from_db()
    assert (cooperative.women_count, cooperative.province_id) == (2, None)
    assert cooperative.history.count() == 1


def test_an_import_job_is_seen_only_by_who_started_it(admin_client, client):
    from django.contrib.auth.models import Permission

    job = ImportJob.objects.create(
        kind="register", created_by=user_make(is_staff=True), file_name="r.csv", total=1
    )
    other = user_make(is_staff=True)
    other.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_cooperative"),
    )
    client.force_login(other)
    url = f"/admin/register-import/{job.uuid}/"
    allowed = client.get("/admin/register-import/", follow=True)
    assert allowed.status_code == 200
    assert "data-template" in allowed.content.decode()
    assert client.get(url, follow=True).status_code == 404
    assert admin_client.get(url, follow=True).status_code == 404


def test_the_changes_page_names_places_and_statuses(admin_client):
    cooperative = cooperative_make(region_id="09")
    cooperative.region_id, cooperative.province_id = "07", "07.351"
    cooperative.status = "liquidation"
    cooperative.save()
    page = admin_client.get(f"/admin/register/changes/{cooperative.pk}/").content.decode()
    assert "Marrakech" in page or "مراكش" in page
    assert '<span dir="auto">07.351</span>' not in page
