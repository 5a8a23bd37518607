"""Sign-up's language hints: where she lives first, then the language list with the languages
the census finds most used there on top, none hidden; her province and commune are kept."""

import re

import pytest
from django.core.exceptions import ValidationError

from academy import services
from academy.models import User
from core.geography import census
from core.languages import LANGUAGES
from core.models import Commune

pytestmark = pytest.mark.django_db

ALL = [language.code for language in LANGUAGES]
SIGN_UP = {
    "phone_number": "0661234599",
    "pin": "2468",
    "pin_again": "2468",
    "preferred_language": "shi",
    "consent": "on",
}


def _options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    return re.findall(r'<option value="([^"]+)"', select.group(0)) if select else []


def test_her_province_puts_tachelhit_first_and_hides_no_language(client):
    page = client.get("/fr/signup/").content.decode()
    assert _options(page, "preferred_language")[:2] == ["ar", "ary"]
    assert _options(page, "province") == []  # a region first

    page = client.get("/fr/signup/?region=09").content.decode()
    assert "09.581" in _options(page, "province")
    page = client.get("/fr/signup/?region=09&province=09.581").content.decode()
    languages = _options(page, "preferred_language")
    assert languages[:2] == ["shi", "ary"]  # Tiznit: Tachelhit 90.8 %, Darija 58.6 %
    assert sorted(languages) == sorted(ALL)
    assert len(_options(page, "commune")) == 25
    assert re.search(r'<option value="fr" selected>', page)  # the one she reads stays chosen


def test_a_commune_where_tarifit_is_most_used_puts_it_first(client):
    commune = next(
        unit
        for unit in Commune.objects.filter(province__region_id="01").select_related("province")
        if census.language_order(code=unit.code, languages=ALL)[0] == "rif"
    )
    query = f"region=01&province={commune.province_id}&commune={commune.code}"
    page = client.get(f"/ar/signup/?{query}").content.decode()
    assert _options(page, "preferred_language")[0] == "rif"


def test_a_place_from_another_region_is_dropped_not_refused(client):
    page = client.get("/fr/signup/?region=02&province=09.581&commune=09.581.01.07")
    page = page.content.decode()
    assert "09.581" not in _options(page, "province")
    assert _options(page, "commune") == []
    assert 'name="province" value="09.581"' not in page


def test_the_account_keeps_her_province_and_commune(client):
    place = {"region": "09", "province": "09.581", "commune": "09.581.01.07"}
    response = client.post("/fr/signup/", {**SIGN_UP, **place})
    assert response.status_code == 302, response.content.decode()[:2000]
    itto = User.objects.get(phone_number="+212661234599")
    assert (itto.region, itto.province_id, itto.commune_id) == ("09", "09.581", "09.581.01.07")


def test_a_typed_province_outside_her_region_is_not_saved(client):
    client.post("/fr/signup/", {**SIGN_UP, "region": "02", "province": "09.581"})
    itto = User.objects.get(phone_number="+212661234599")
    assert (itto.region, itto.province_id, itto.commune_id) == ("02", None, None)


def test_the_service_refuses_a_mismatched_place_with_a_stable_code():
    with pytest.raises(ValidationError) as refused:
        services.learner_sign_up(
            phone_number="0661234598", pin="2468", region="02", province="09.581"
        )
    assert refused.value.code == "province_outside_region"
    assert not User.objects.filter(phone_number="+212661234598").exists()
