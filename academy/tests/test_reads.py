"""She says which scripts she reads at sign-up (pictures first) and in her profile; the content
she is shown follows (decision 0043)."""

import re

import pytest
from wagtail.models import Page

from academy.models import User

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "phone_number": "0661234577",
    "pin": "2468",
    "pin_again": "2468",
    "preferred_language": "rif",
    "consent": "on",
}


def _choices(page: str) -> dict[str, str]:
    """Each script offered, with the word that pictures it."""
    found = re.findall(
        r'data-script="([^"]+)"><input type="checkbox" name="reads" value="\1"[^>]*> '
        r'<span class="reads-sample" aria-hidden="true">(.*?)</span> <span',
        page,
    )
    return dict(found)


def test_sign_up_shows_each_script_as_a_word_written_in_it(client):
    page = client.get("/rif/signup/").content.decode()
    choices = _choices(page)
    assert list(choices) == ["Arab", "Latn", "Tfng", "listen"]
    assert 'lang="ar" dir="rtl">سلام' in choices["Arab"]
    assert 'dir="ltr">Azul' in choices["Latn"]
    assert 'lang="zgh" dir="ltr">ⴰⵣⵓⵍ' in choices["Tfng"]
    assert choices["listen"] == "🔊"


def test_signing_up_with_latin_and_arabic_keeps_them_on_her_account(client):
    response = client.post("/rif/signup/", {**SIGN_UP, "reads": ["Latn", "Arab"]})
    assert response.status_code == 302
    assert sorted(User.objects.get(phone_number="+212661234577").reads) == ["Arab", "Latn"]


def test_signing_up_without_saying_keeps_nothing(client):
    client.post("/rif/signup/", {**SIGN_UP, "phone_number": "0661234578"})
    assert User.objects.get(phone_number="+212661234578").reads == []


def test_a_script_not_offered_is_refused_with_a_clear_error(client):
    response = client.post("/en/signup/", {**SIGN_UP, "reads": ["Cyrl"]})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(phone_number="+212661234577").exists()


def _learner(**fields) -> User:
    return User.objects.create_user(
        "+212661234579", "2468", preferred_language="rif", phone_verified_at="2026-12-01T00:00Z",
        **fields,
    )  # fmt: skip


def test_her_profile_shows_and_changes_what_she_reads(client):
    learner = _learner(reads=["Tfng"])
    client.force_login(learner)
    page = client.get("/rif/me/profile/").content.decode()
    assert re.search(r'value="Tfng" checked', page)
    assert not re.search(r'value="Latn" checked', page)
    response = client.post(
        "/rif/me/profile/",
        {"action": "profile", "preferred_language": "rif", "reads": ["listen", "Arab"]},
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert sorted(learner.reads) == ["Arab", "listen"]


def test_the_lesson_she_opens_is_in_a_script_she_reads(client, demo_academy):
    """Tarifit is missing; Standard Amazigh (Tifinagh) and Arabic exist."""
    source = Page.objects.get(locale__language_code="ar", slug="the-six-steps")
    zgh = Page.objects.get(locale__language_code="zgh", slug="the-six-steps")
    others = Page.objects.filter(translation_key=source.translation_key)
    others.exclude(pk__in=[source.pk, zgh.pk]).update(alias_of=source)
    Page.objects.filter(pk=zgh.pk).update(alias_of=None, live=True)
    url = Page.objects.get(locale__language_code="rif", slug="the-six-steps").url
    learner = _learner(reads=["Latn", "Arab"])
    client.force_login(learner)
    assert '<html lang="ar" dir="rtl">' in client.get(url).content.decode()
    User.objects.filter(pk=learner.pk).update(reads=["Tfng"])
    assert '<html lang="zgh" dir="ltr">' in client.get(url).content.decode()


def test_quiz_texts_come_in_a_script_she_reads(demo_academy):
    """The demo's questions exist in Tarifit (Latin letters), Tachelhit (Tifinagh) and Arabic."""
    from assessments.demo.loader import demo_assessments_load
    from assessments.models import Quiz
    from assessments.selectors import pool_keys, question_views
    from core import reading

    report = demo_assessments_load()
    plan = [{"key": key} for key in pool_keys(Quiz.objects.get(pk=report["practice"]))]
    with reading.override(["Latn", "Arab"]):
        assert {view.shown.code for view in question_views(plan, "rif")} == {"rif"}
        assert {view.shown.code for view in question_views(plan, "shi")} == {"ary"}
    with reading.override(["Tfng"]):
        assert {view.shown.code for view in question_views(plan, "shi")} == {"shi"}
    with reading.override(["Arab"]):
        assert {view.shown.code for view in question_views(plan, "rif")} == {"ary"}


def test_switch_learner_says_in_words_what_it_does(client):
    client.force_login(_learner())
    page = client.get("/en/me/").content.decode()
    button = re.search(r"<button[^>]*data-switch-learner[^>]*>", page).group(0)
    assert 'aria-label="Switch learner: sign out, so that someone else can learn' in button
    assert 'title="Switch learner: sign out, so that someone else can learn' in button
    response = client.post("/en/signout/", follow=True)
    assert "You are signed out. Who is learning now?" in response.content.decode()
