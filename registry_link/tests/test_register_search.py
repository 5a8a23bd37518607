"""The public register search: active cooperatives only, never anyone's personal data."""

import pytest

from registry_link.choices import Status

from .factories import cooperative_make, membership_make, user_make

pytestmark = pytest.mark.django_db
URL = "/fr/register/"


def test_search_by_name_number_and_region(client):
    cooperative_make(name_ar="تعاونية تيفاوين", name_latin="Coopérative Tifawin", region_id="09")
    cooperative_make(name_ar="تعاونية النور", name_latin="Coopérative Annour", region_id="07",
                     court="Marrakech", local_number="77/2019")  # fmt: skip
    by_latin = client.get(URL, {"q": "tifawin"}).content.decode()
    assert "Tifawin" in by_latin
    assert "Annour" not in by_latin
    assert "Tifawin" in client.get(URL, {"q": "تيفاوين"}).content.decode()
    by_number = client.get(URL, {"q": "77/2019"}).content.decode()
    assert "Annour" in by_number
    assert "Tifawin" not in by_number
    by_region = client.get(URL, {"region": "07"}).content.decode()
    assert "Annour" in by_region
    assert "Tifawin" not in by_region


def test_only_active_cooperatives_and_no_personal_data(client):
    cooperative = cooperative_make(
        name_latin="Coopérative Tamount",
        managers=[{"name": "Fadma Oubella", "role": "présidente"}],
    )
    membership_make(cooperative=cooperative, user=user_make(first_name="Itto"))
    cooperative_make(name_latin="Coopérative Tamount Ancienne", status=Status.STRUCK_OFF)
    text = client.get(URL, {"q": "tamount"}).content.decode()
    assert 'data-count="1"' in text
    assert "Ancienne" not in text
    assert "Fadma" not in text
    assert "Itto" not in text


def test_pages_and_odd_input(client):
    for number in range(45):
        cooperative_make(name_latin=f"Coopérative Tiwizi {number:02d}")
    first = client.get(URL, {"q": "tiwizi"}).content.decode()
    assert 'data-count="45"' in first
    assert "page=2" in first
    last = client.get(URL, {"q": "tiwizi", "page": "99"})
    assert last.status_code == 200
    assert "Tiwizi 44" in last.content.decode()
    odd = client.get(URL, {"q": "x" * 500, "region": "99", "sector": "<b>", "page": "abc"})
    assert odd.status_code == 200
