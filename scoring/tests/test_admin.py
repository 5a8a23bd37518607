"""The scoring in the admin: who sees which region, the exports, the weights, the import."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from scoring import services
from scoring.models import Filing, FilingKind, Score, ScoringVersion

from .factories import cooperative_make, filing_make, staff_make

pytestmark = pytest.mark.django_db
URL = "/admin/scoring/visits/"


def weak(region: str, **fields):
    cooperative = cooperative_make(
        region_id=region, members_count=10, registered_on=date(2015, 1, 1), **fields
    )
    filing_make(cooperative, year=2024)
    filing_make(cooperative, kind=FilingKind.ACCOUNTS, year=2024)
    return cooperative


def refused(response) -> bool:
    """The admin turns a refusal into a way back to its dashboard, with a message."""
    return response.status_code == 302 and response.url == "/admin/"


@pytest.fixture
def two_regions():
    souss = weak("09", name_latin="Cooperative Tifawin")
    oriental = weak("02", name_latin="Cooperative Annour", court="Oujda")
    services.scores_compute(ids=[souss.pk, oriental.pk])
    return souss, oriental


def test_regional_staff_see_only_their_region(client, two_regions):
    souss, oriental = two_regions
    client.force_login(staff_make(region="09"))
    for address in (URL, f"{URL}?region=02", f"{URL}?region="):
        page = client.get(address)
        assert page.status_code == 200
        html = page.content.decode()
        assert f'data-cooperative="{souss.pk}"' in html
        assert f'data-cooperative="{oriental.pk}"' not in html
    exported = client.get(f"{URL}?region=02&export=csv").content.decode()
    assert "Agadir" in exported  # the court, in the registration column
    assert "Oujda" not in exported


def test_regional_staff_cannot_open_another_regions_score(client, two_regions):
    souss, oriental = two_regions
    client.force_login(staff_make(region="09"))
    own = Score.objects.get(cooperative=souss).pk
    other = Score.objects.get(cooperative=oriental).pk
    assert client.get(f"/admin/scoring/scores/{own}/").status_code == 200
    assert client.get(f"/admin/scoring/scores/{other}/", follow=True).status_code == 404


def test_staff_of_every_region_choose_one(client, two_regions):
    souss, oriental = two_regions
    client.force_login(staff_make(region="", every_region=True))
    both = client.get(URL).content.decode()
    assert f'data-cooperative="{souss.pk}"' in both
    assert f'data-cooperative="{oriental.pk}"' in both
    only = client.get(f"{URL}?region=02").content.decode()
    assert f'data-cooperative="{souss.pk}"' not in only


def test_no_right_no_list(client, two_regions):
    client.force_login(staff_make(codenames=()))
    assert refused(client.get(URL))
    client.force_login(staff_make(region=""))  # the right but no region
    assert refused(client.get(URL))


def test_visit_list_exports_csv_and_xlsx(client, two_regions):
    souss, _oriental = two_regions
    client.force_login(staff_make(region="09"))
    csv_text = client.get(f"{URL}?export=csv").content.decode("utf-8-sig")
    _header, first = csv_text.splitlines()[:2]
    assert first.startswith("1,")
    assert "Agadir" in first
    response = client.get(f"{URL}?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == 1  # a number, not text
    assert isinstance(rows[1][5], float)  # the score
    assert rows[1][1] == souss.name
    assert "Agadir" in rows[1][2]


def test_weights_form_makes_a_new_version(admin_client):
    page = admin_client.get("/admin/scoring/weights/")
    form = page.context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else "" for name in form.fields
    }
    data.update({"assemblies_held__weight": "40", "note": "assemblies matter more"})
    assert admin_client.post("/admin/scoring/weights/", data).status_code == 302
    assert list(ScoringVersion.objects.values_list("number", flat=True)) == [2, 1]
    assert ScoringVersion.objects.get(number=2).settings["assemblies_held"]["weight"] == 40
    admin_client.post("/admin/scoring/weights/", data)  # the same again: no new version
    assert ScoringVersion.objects.count() == 2


def test_weights_form_refuses_a_target_equal_to_its_floor(admin_client):
    form = admin_client.get("/admin/scoring/weights/").context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else "" for name in form.fields
    }
    data["orders__target"] = data["orders__floor"]
    page = admin_client.post("/admin/scoring/weights/", data)
    assert page.status_code == 200
    assert page.context["form"].errors["orders__target"].as_data()[0].code == "target_is_floor"


def test_regional_staff_cannot_change_weights(client):
    client.force_login(staff_make())
    assert refused(client.get("/admin/scoring/weights/"))


def test_filings_import_all_or_nothing(admin_client):
    cooperative = cooperative_make(court="Agadir", local_number="77")
    good = (
        "court,local_number,kind,year,due_on,filed_on\n"
        "Agadir,77,assembly,2024,2025-06-30,30/06/2025\n"
    )
    upload = SimpleUploadedFile("filings.csv", good.encode())
    assert admin_client.post("/admin/scoring/filings-import/", {"file": upload}).status_code == 302
    filing = Filing.objects.get(cooperative=cooperative)
    assert (filing.kind, filing.filed_on) == ("assembly", date(2025, 6, 30))
    bad = good + "Agadir,78,accounts,2024,2025-06-30,\nAgadir,77,party,20x4,tomorrow,\n"
    page = admin_client.post(
        "/admin/scoring/filings-import/", {"file": SimpleUploadedFile("f.csv", bad.encode())}
    )
    codes = {problem.code for problem in page.context["problems"]}
    assert codes == {"unknown_cooperative", "unknown_kind", "bad_year", "bad_date"}
    assert Filing.objects.count() == 1


def filing_staff(region="09"):
    return staff_make(
        region=region, codenames=("view_filing", "add_filing", "change_filing", "delete_filing")
    )


def test_regional_staff_record_filings_of_their_region_only(client):
    own = cooperative_make(region_id="09", court="Agadir", local_number="501")
    cooperative_make(region_id="02", court="Oujda", local_number="502")
    client.force_login(filing_staff())
    form = {"kind": "assembly", "year": "2024", "due_on": "2025-06-30", "filed_on": ""}
    answer = client.post(
        "/admin/scoring/filings/new/", {**form, "court": "Agadir", "local_number": "501"}
    )
    assert answer.status_code == 302
    assert Filing.objects.get().cooperative == own
    refused_page = client.post(
        "/admin/scoring/filings/new/", {**form, "court": "Oujda", "local_number": "502"}
    )
    assert refused_page.status_code == 200
    assert refused_page.context["form"].errors["local_number"].as_data()[0].code == (
        "unknown_cooperative"
    )
    assert Filing.objects.count() == 1


def test_regional_staff_cannot_open_another_regions_filing(client):
    theirs = filing_make(cooperative_make(region_id="02", court="Oujda"), year=2024)
    ours = filing_make(cooperative_make(region_id="09"), year=2024)
    client.force_login(filing_staff())
    index = client.get("/admin/scoring/filings/").content.decode()
    assert f"/admin/scoring/filings/edit/{ours.pk}/" in index
    assert f"/admin/scoring/filings/edit/{theirs.pk}/" not in index
    assert client.get(f"/admin/scoring/filings/edit/{theirs.pk}/", follow=True).status_code == 404
    assert client.get(f"/admin/scoring/filings/delete/{theirs.pk}/", follow=True).status_code == 404
    assert client.get(f"/admin/scoring/filings/edit/{ours.pk}/").status_code == 200


def test_regional_staff_import_only_their_regions_filings(client):
    cooperative_make(region_id="02", court="Oujda", local_number="9")
    client.force_login(filing_staff())
    text = "court,local_number,kind,year,due_on,filed_on\nOujda,9,assembly,2024,2025-06-30,\n"
    upload = SimpleUploadedFile("filings.csv", text.encode())
    page = client.post("/admin/scoring/filings-import/", {"file": upload})
    assert [problem.code for problem in page.context["problems"]] == ["unknown_cooperative"]
    assert not Filing.objects.exists()
