import pytest
from django.conf import settings

from core.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def test_chooser_names_every_language_in_its_own_script(client):
    response = client.get("/")
    html = response.content.decode()
    for language in LANGUAGES:
        assert f'href="/{language.code}/"' in html
        for name in language.name_parts:
            attributes = f'lang="{name.lang}" dir="{name.direction}" data-script="{name.script}"'
            assert f"{attributes}>{name.text}<" in html


def _button(html: str, code: str) -> str:
    start = html.index(f'data-language="{code}"')
    return html[start : html.index("</a>", start)]


def test_chooser_names_tarifit_in_latin_first_then_tifinagh(client):
    """Most Tarifit readers read Latin, few Tifinagh: both, Latin first (decision 0043)."""
    button = _button(client.get("/").content.decode(), "rif")
    assert button.index(">Tarifit<") < button.index(">ⵜⴰⵔⵉⴼⵉⵜ<")
    assert 'lang="rif" dir="ltr" data-script="Latn">Tarifit<' in button
    assert 'lang="rif-Tfng" dir="ltr" data-script="Tfng">ⵜⴰⵔⵉⴼⵉⵜ<' in button
    assert 'lang="rif-Arab" dir="rtl" data-script="Arab">تاريفيت<' in button


def test_switcher_names_each_language_in_the_scripts_its_speakers_read(client):
    html = client.get("/rif/search/").content.decode()
    switcher = html[html.index('class="switcher"') : html.index("</details>")]
    assert 'lang="rif" dir="ltr">Tarifit</bdi></summary>' in switcher
    assert ">ⵜⴰⵛⵍⵃⵉⵜ<" in switcher
    assert ">Tacelḥit<" in switcher


def test_chooser_goes_straight_to_the_remembered_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "shi"
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/shi/"


def test_chooser_can_still_be_shown_on_request(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "shi"
    assert client.get("/?choose=1").status_code == 200


def test_an_unknown_remembered_language_shows_the_chooser(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/").status_code == 200


def test_reading_a_page_remembers_its_language(client):
    response = client.get("/tzm/search/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "tzm"


def test_unknown_language_prefix_is_not_found(client):
    assert client.get("/xx/search/", follow=True).status_code == 404
