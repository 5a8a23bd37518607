"""Her province and commune: optional, picked from lists that follow her region, without typing
and without JavaScript (save the region, then the province, then the commune)."""

import re

import pytest
from django.core.exceptions import ValidationError

from academy import services
from academy.models import User

pytestmark = pytest.mark.django_db

PROFILE = {"action": "profile", "first_name": "Itto", "preferred_language": "ar"}


@pytest.fixture
def itto(client):
    user = User.objects.create_user("+212661234501", "2468", preferred_language="ar")
    client.force_login(user)
    return user


def _options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    return re.findall(r'<option value="([^"]+)"', select.group(0)) if select else []


def test_she_taps_her_region_then_her_province_then_her_commune(client, itto):
    page = client.get("/ar/me/profile/").content.decode()
    assert _options(page, "province") == []  # no region yet: nothing to choose from

    client.post("/ar/me/profile/", {**PROFILE, "region": "09"})
    page = client.get("/ar/me/profile/").content.decode()
    provinces = _options(page, "province")
    assert sorted(provinces) == ["09.001", "09.163", "09.273", "09.541", "09.551", "09.581"]
    assert "تيزنيت" in page
    assert _options(page, "commune") == []

    client.post("/ar/me/profile/", {**PROFILE, "region": "09", "province": "09.581"})
    page = client.get("/ar/me/profile/").content.decode()
    communes = _options(page, "commune")
    assert len(communes) == 25
    assert all(code.startswith("09.581.") for code in communes)

    client.post(
        "/ar/me/profile/",
        {**PROFILE, "region": "09", "province": "09.581", "commune": "09.581.01.07"},
    )
    itto.refresh_from_db()
    assert (itto.region, itto.province_id, itto.commune_id) == ("09", "09.581", "09.581.01.07")
    assert itto.commune.name_ar == "تيزنيت"


def test_changing_region_drops_the_province_and_commune_of_the_old_one(client, itto):
    services.profile_update(user=itto, region="09", province="09.581", commune="09.581.01.07")
    client.post(
        "/ar/me/profile/",
        {**PROFILE, "region": "02", "province": "09.581", "commune": "09.581.01.07"},
    )
    itto.refresh_from_db()
    assert (itto.region, itto.province_id, itto.commune_id) == ("02", None, None)
    page = client.get("/ar/me/profile/").content.decode()
    assert "02.411" in _options(page, "province")  # now the Oriental's provinces


def test_the_service_refuses_a_province_outside_her_region(itto):
    with pytest.raises(ValidationError) as refused:
        services.profile_update(user=itto, region="02", province="09.581")
    assert refused.value.code == "province_outside_region"
    with pytest.raises(ValidationError) as refused:
        services.profile_update(user=itto, region="09", province="09.581", commune="09.001.01.01")
    assert refused.value.code == "commune_outside_province"


def test_the_languages_most_used_where_she_lives_come_first(client, itto):
    page = client.get("/ar/me/profile/").content.decode()
    usual = _options(page, "preferred_language")
    assert usual[:2] == ["ar", "ary"]
    services.profile_update(user=itto, region="09", province="09.581")  # Tiznit
    page = client.get("/ar/me/profile/").content.decode()
    assert _options(page, "preferred_language")[:2] == ["shi", "ary"]
    assert sorted(_options(page, "preferred_language")) == sorted(usual)  # none hidden
