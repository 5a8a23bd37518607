"""The name check's JSON API and phone page: the answer's shape, errors with stable codes in the
asked language, and a rate limit that neither a rollback nor a forged header can undo."""

import pytest
from django.db import transaction
from django.urls import reverse

from registry_link.names.check import MAX_LENGTH

from .factories import cooperative_make

pytestmark = pytest.mark.django_db

API = "/api/registry/name-check/"


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    from django.core.cache import cache

    cache.clear()
    settings.NAME_CHECK_RATE_LIMIT = 5
    settings.NAME_CHECK_RATE_WINDOW = 600
    settings.TRUSTED_PROXIES = []


def test_the_api_answers_anyone_with_the_verdict_and_the_reasons(client):
    cooperative = cooperative_make(name_ar="تعاونية الأمل", name_latin="Coopérative Al Amal")
    answer = client.get(API, {"name": "Amal", "lang": "en"})
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/json"
    assert "no-cache" in answer["Cache-Control"]
    data = answer.json()
    assert data["api_version"] == 1
    assert (data["verdict"], data["verdict_label"]) == ("taken", "taken")
    assert data["summary"] == "A cooperative in the register already has this name."
    assert data["explanation"].startswith(data["summary"])
    assert data["refusals"] == []
    first = data["matches"][0]
    assert first["reason"] == "same_ignoring"
    assert first["explanation"] == (
        "the same as «Coopérative Al Amal» once these are set aside: "
        "the word «Coopérative», the article"
    )
    assert first["cooperative"]["id"] == str(cooperative.public_id)
    assert first["cooperative"]["url"] == f"/en/register/{cooperative.public_id}/"
    assert first["cooperative"]["status"] == "active"


def test_a_free_name_and_a_refused_one(client):
    assert client.get(API, {"name": "Coopérative Tighanimine"}).json()["verdict"] == "available"
    data = client.get(API, {"name": "Coopérative Safran de Taliouine", "lang": "en"}).json()
    assert data["verdict"] == "refused"
    assert data["refusals"][0]["reason"] == "protected_name"
    assert "Law 25-06" in data["refusals"][0]["source"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "name_empty"),
        ("   ", "name_empty"),
        (None, "name_empty"),
        ("ا" * (MAX_LENGTH + 1), "name_too_long"),
        ("合作社", "name_script"),
        ("Кооператив", "name_script"),
    ],
)
def test_bad_names_get_a_stable_code_and_a_translated_message(client, name, code):
    query = {"lang": "fr"} if name is None else {"name": name, "lang": "fr"}
    answer = client.get(API, query)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == code
    assert error["message"]


def test_the_message_follows_the_asked_language(client):
    english = client.get(API, {"name": "", "lang": "en"}).json()["error"]["message"]
    assert english == "Type the name you would like."
    unknown = client.get(API, {"name": "", "lang": "xx"})  # an unknown language: the default
    assert unknown.json()["error"]["code"] == "name_empty"


def test_only_get_is_answered(client):
    assert client.post(API, {"name": "Amal"}).status_code == 405


def test_the_limit_counts_per_address_and_says_when_to_come_back(client):
    for _ in range(5):
        assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = client.get(API, {"name": "Amal", "lang": "en"}, REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 0 < int(refused["Retry-After"]) <= 600
    # another address has its own count (intended: one connection cannot stop the others)
    assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.2").status_code == 200
    # ...and does not give the first one its checks back
    assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.1").status_code == 429


def test_a_forged_forwarded_header_does_not_give_a_fresh_count(client, settings):
    for number in range(5):
        forged = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{number}"}
        assert (
            client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.1", **forged).status_code == 200
        )
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.99"}
    assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.1", **forged).status_code == 429


def test_behind_our_proxy_the_client_is_the_right_most_address_we_did_not_add(client, settings):
    settings.TRUSTED_PROXIES = ["10.9.9.9"]
    through = {"REMOTE_ADDR": "10.9.9.9"}
    for number in range(5):  # she prepends a different address each time: ignored
        hops = f"198.51.100.{number}, 192.0.2.7"
        answer = client.get(API, {"name": "Amal"}, HTTP_X_FORWARDED_FOR=hops, **through)
        assert answer.status_code == 200
    hops = "198.51.100.200, 192.0.2.7"
    answer = client.get(API, {"name": "Amal"}, HTTP_X_FORWARDED_FOR=hops, **through)
    assert answer.status_code == 429
    other = client.get(API, {"name": "Amal"}, HTTP_X_FORWARDED_FOR="192.0.2.8", **through)
    assert other.status_code == 200  # another learner behind the same proxy


def test_a_rollback_does_not_give_checks_back(client):
    statuses = []
    with transaction.atomic():
        statuses += [
            client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.3").status_code for _ in range(5)
        ]
        transaction.set_rollback(True)
    assert statuses == [200] * 5
    assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.3").status_code == 429


def test_the_page_and_the_api_share_one_count(client):
    page = reverse("registry_link:name_check")
    for _ in range(3):
        assert client.get(page, {"name": "Amal"}, REMOTE_ADDR="10.0.0.4").status_code == 200
    for _ in range(2):
        assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.4").status_code == 200
    refused = client.get(page, {"name": "Amal"}, REMOTE_ADDR="10.0.0.4")
    assert refused.status_code == 429
    assert 'data-code="rate_limited"' in refused.content.decode()
    assert client.get(page, REMOTE_ADDR="10.0.0.4").status_code == 200  # the empty form is free


def test_the_page_works_as_a_plain_form(client):
    cooperative_make(name_ar="تعاونية نور الهدى", name_latin="")
    page = reverse("registry_link:name_check")
    empty = client.get(page)
    html = empty.content.decode()
    assert 'method="get"' in html
    assert "<script>" not in html  # the policy forbids inline code
    assert "style=" not in html
    assert "registry_link/name-check.js" in html
    answer = client.get(page, {"name": "Coopérative Nour El Houda"})
    html = answer.content.decode()
    assert 'data-verdict="similar"' in html
    assert 'data-reason="sounds_like"' in html
    assert "تعاونية نور الهدى" in html
    bad = client.get(page, {"name": "   "})
    assert bad.status_code == 400
    assert 'data-code="name_empty"' in bad.content.decode()


def test_with_the_cache_down_checks_are_served_not_counted(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }
    for _ in range(7):  # past the limit of 5: the site degrades, it does not break
        assert client.get(API, {"name": "Amal"}, REMOTE_ADDR="10.0.0.5").status_code == 200


def test_a_struck_off_cooperative_still_holds_its_name_without_a_public_page(client):
    cooperative_make(name_ar="", name_latin="Coopérative Tifawin", status="struck_off")
    data = client.get(API, {"name": "Tifawin"}).json()
    assert data["verdict"] == "taken"
    assert data["matches"][0]["cooperative"]["status"] == "struck_off"
    assert data["matches"][0]["cooperative"]["url"] is None
