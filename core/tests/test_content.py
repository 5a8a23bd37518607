import pytest
from wagtail.models import Page

from core.content import resolve
from core.languages import CODES

pytestmark = pytest.mark.django_db

UNTRANSLATED = "bank-and-registration"  # translated into ar, ary, fr, en only
TRANSLATED = "the-six-steps"  # translated into ar, ary, fr, en, shi
# The language whose words a reader of each language sees, after the fallback chain.
SHOWN_FOR_UNTRANSLATED = {
    "ar": "ar", "ary": "ary", "fr": "fr", "en": "en",
    "shi": "ary", "tzm": "ary", "rif": "ary", "zgh": "ary",
}  # fmt: skip
SHOWN_FOR_TRANSLATED = {**SHOWN_FOR_UNTRANSLATED, "shi": "shi"}


def lesson_in(code: str, slug: str) -> Page:
    return Page.objects.get(locale__language_code=code, slug=slug)


@pytest.mark.parametrize("code", CODES)
def test_every_language_tree_holds_every_lesson(demo_academy, code):
    assert lesson_in(code, UNTRANSLATED).live


@pytest.mark.parametrize("code", CODES)
def test_content_follows_the_fallback_chain(demo_academy, code):
    for slug, expected in (
        (UNTRANSLATED, SHOWN_FOR_UNTRANSLATED),
        (TRANSLATED, SHOWN_FOR_TRANSLATED),
    ):
        resolved = resolve(lesson_in(code, slug), code)
        assert resolved.shown.code == expected[code]
        assert resolved.content.locale.language_code == expected[code]
        assert resolved.is_fallback == (expected[code] != code)


@pytest.mark.parametrize("code", CODES)
def test_lesson_page_sets_lang_and_dir_of_the_language_shown(client, demo_academy, code):
    page = lesson_in(code, UNTRANSLATED)
    response = client.get(page.url)
    html = response.content.decode()
    shown = SHOWN_FOR_UNTRANSLATED[code]
    direction = "rtl" if shown in {"ar", "ary"} else "ltr"
    assert response.status_code == 200
    assert f'<html lang="{shown}" dir="{direction}">' in html
    assert ('class="notice"' in html) == (shown != code)
    assert f'href="/{code}/founding-a-cooperative/' in html, "navigation stays in the reader's tree"


def test_fallback_notice_names_both_languages(client, demo_academy):
    translated = client.get(lesson_in("en", UNTRANSLATED).url)
    assert 'class="notice"' not in translated.content.decode()
    html = client.get(lesson_in("shi", UNTRANSLATED).url).content.decode()
    notice = html[html.index('class="notice"') : html.index("</p>", html.index('class="notice"'))]
    assert 'lang="shi"' in notice
    assert "Darija" in notice or "ⴷⴰⵔⵉⵊⴰ" in notice or "ⵜⴰⴷⴰⵔⵉⵊⵜ" in notice or "الدارجة" in notice


def test_a_page_existing_only_in_another_language_is_never_missing(demo_academy):
    # A lesson written in French only: an Arabic reader's chain (ar → fr) finds it,
    # and so does a Tachelhit reader, whose chain does not reach French.
    lesson = lesson_in("fr", TRANSLATED)
    for code in ("ar", "shi"):
        Page.objects.filter(translation_key=lesson.translation_key).exclude(pk=lesson.pk).update(
            alias_of=lesson
        )
        resolved = resolve(lesson_in(code, TRANSLATED), code)
        assert resolved.content.pk == lesson.pk
