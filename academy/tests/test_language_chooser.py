import pytest
from django.conf import settings

from core.languages import LANGUAGES

pytestmark = pytest.mark.django_db


def test_chooser_names_every_language_in_its_own_script(client):
    response = client.get("/")
    html = response.content.decode()
    for language in LANGUAGES:
        assert f'href="/{language.code}/"' in html
        assert language.native_name in html


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
