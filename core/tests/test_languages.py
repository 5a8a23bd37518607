import polib
import pytest
from django.conf import settings
from django.utils import translation

from core import languages

PLURAL_SAMPLES = (0, 1, 2, 3, 11, 100)
# The plural form each catalogue must pick for PLURAL_SAMPLES (DESIGN.md §5 and its appendix).
EXPECTED_FORMS = {
    "ar": (0, 1, 2, 3, 4, 5),
    "ary": (0, 1, 2, 3, 4, 5),
    "shi": (0, 0, 1, 1, 2, 2),
    "tzm": (0, 0, 1, 1, 0, 1),
    "rif": (1, 0, 1, 1, 1, 1),
    "zgh": (1, 0, 1, 1, 1, 1),
    "fr": (0, 0, 1, 1, 1, 1),
    "en": (1, 0, 1, 1, 1, 1),
}
EXPECTED_CHAINS = {
    "ar": ("ar", "fr"),
    "ary": ("ary", "ar"),
    "zgh": ("zgh", "ary", "ar"),
    "shi": ("shi", "zgh", "ary", "ar"),
    "tzm": ("tzm", "zgh", "ary", "ar"),
    "rif": ("rif", "zgh", "ary", "ar"),
    "fr": ("fr", "ar"),
    "en": ("en", "fr", "ar"),
}
PLURAL_MSGID = "%(minutes)s minute"


def test_registry_has_the_eight_languages_with_their_chains():
    assert set(languages.CODES) == set(EXPECTED_CHAINS)
    for code, chain in EXPECTED_CHAINS.items():
        assert languages.fallback_chain(code) == chain


def test_right_to_left_languages_are_arabic_and_darija():
    assert set(settings.LANGUAGES_BIDI) == {"ar", "ary"}
    assert languages.direction("shi") == "ltr"


def test_unknown_language_code_is_refused():
    with pytest.raises(languages.UnknownLanguageError):
        languages.get_language("xx")
    assert not languages.is_known("xx")
    assert languages.get_language("SHI").code == "shi"


def test_settings_are_derived_from_the_registry():
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == list(languages.CODES)
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == codes
    assert {code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES} == {"ar", "fr", "en"}


@pytest.mark.parametrize("code", languages.CODES)
def test_catalogue_header_matches_the_registry(code):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata["Plural-Forms"] == languages.get_language(code).plural_forms
    assert catalogue.metadata["Language"] == code


@pytest.mark.parametrize("code", languages.CODES)
def test_plural_rule_picks_the_right_form(code):
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"))
    entry = catalogue.find(PLURAL_MSGID)
    assert entry is not None, "the sample plural message is in every catalogue"
    with translation.override(code):
        for n, form in zip(PLURAL_SAMPLES, EXPECTED_FORMS[code], strict=True):
            got = translation.ngettext(PLURAL_MSGID, "%(minutes)s minutes", n) % {"minutes": n}
            want = (entry.msgstr_plural[form] or entry.msgid_plural) % {"minutes": n}
            assert got == want, (code, n)


@pytest.mark.django_db
@pytest.mark.parametrize("language", languages.LANGUAGES, ids=lambda language: language.code)
def test_each_language_activates_from_its_url_prefix(client, language):
    response = client.get(f"/{language.code}/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language.code}" dir="{language.direction}">' in html
    assert response.headers["Content-Language"] == language.code
