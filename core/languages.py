"""The language registry: the one place that describes every language of the platform.

Django settings, Wagtail's content languages and locales, parler's fallbacks, the message
catalogue headers, subtitle labels and the templates' ``lang``/``dir`` are all derived from it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str
    name: str  # translatable name, shown in the interface language
    script: str  # ISO 15924
    direction: str  # "rtl" or "ltr"
    plural_forms: str  # the gettext Plural-Forms header
    fallbacks: tuple[str, ...]  # content fallback chain, nearest first
    whisper_code: str | None = None
    admin: bool = False  # complete Wagtail admin translation exists

    @property
    def bidi(self) -> bool:
        return self.direction == "rtl"


ARABIC_PLURALS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"
)
TWO_PLURALS = "nplurals=2; plural=(n != 1);"

LANGUAGES: tuple[Language, ...] = (
    Language(
        code="ar",
        native_name="العربية",
        english_name="Arabic",
        name=_("Arabic"),
        script="Arab",
        direction="rtl",
        plural_forms=ARABIC_PLURALS,
        fallbacks=("fr",),
        whisper_code="ar",
        admin=True,
    ),
    Language(
        code="ary",
        native_name="الدارجة",
        english_name="Moroccan Darija",
        name=_("Darija"),
        script="Arab",
        direction="rtl",
        plural_forms=ARABIC_PLURALS,
        fallbacks=("ar",),
        whisper_code="ar",
    ),
    Language(
        code="shi",
        native_name="ⵜⴰⵛⵍⵃⵉⵜ",
        english_name="Tachelhit",
        name=_("Tachelhit"),
        script="Tfng",
        direction="ltr",
        plural_forms="nplurals=3; plural=(n==0 || n==1) ? 0 : (n>=2 && n<=10) ? 1 : 2;",
        fallbacks=("zgh", "ary", "ar"),
    ),
    Language(
        code="tzm",
        native_name="ⵜⴰⵎⴰⵣⵉⵖⵜ (Tamaziɣt)",
        english_name="Central Atlas Tamazight",
        name=_("Central Atlas Tamazight"),
        script="Tfng",
        direction="ltr",
        plural_forms="nplurals=2; plural=(n<=1 || (n>=11 && n<=99)) ? 0 : 1;",
        fallbacks=("zgh", "ary", "ar"),
    ),
    Language(
        code="rif",
        native_name="ⵜⴰⵔⵉⴼⵉⵜ (Tarifit)",
        english_name="Tarifit",
        name=_("Tarifit"),
        script="Latn",
        direction="ltr",
        plural_forms=TWO_PLURALS,
        fallbacks=("zgh", "ary", "ar"),
    ),
    Language(
        code="zgh",
        native_name="ⵜⴰⵎⴰⵣⵉⵖⵜ",
        english_name="Standard Moroccan Amazigh",
        name=_("Standard Amazigh"),
        script="Tfng",
        direction="ltr",
        plural_forms=TWO_PLURALS,
        fallbacks=("ary", "ar"),
    ),
    Language(
        code="fr",
        native_name="Français",
        english_name="French",
        name=_("French"),
        script="Latn",
        direction="ltr",
        plural_forms="nplurals=2; plural=(n > 1);",
        fallbacks=("ar",),
        whisper_code="fr",
        admin=True,
    ),
    Language(
        code="en",
        native_name="English",
        english_name="English",
        name=_("English"),
        script="Latn",
        direction="ltr",
        plural_forms=TWO_PLURALS,
        fallbacks=("fr", "ar"),
        whisper_code="en",
        admin=True,
    ),
)

DEFAULT_LANGUAGE = "ar"
BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)


class UnknownLanguageError(LookupError):
    pass


def get_language(code: str) -> Language:
    """Return the registered language for ``code`` (case-insensitive, ``_`` or ``-``)."""
    try:
        return BY_CODE[code.lower().replace("_", "-")]
    except KeyError:
        raise UnknownLanguageError(code) from None


def is_known(code: str | None) -> bool:
    return bool(code) and code.lower().replace("_", "-") in BY_CODE


def fallback_chain(code: str) -> tuple[str, ...]:
    """The language itself followed by its content fallbacks, nearest first."""
    language = get_language(code)
    return (language.code, *language.fallbacks)


def direction(code: str) -> str:
    return get_language(code).direction


# Derived settings -------------------------------------------------------------------------


def django_languages() -> list[tuple[str, str]]:
    return [(language.code, language.english_name) for language in LANGUAGES]


def django_lang_info() -> dict[str, dict[str, object]]:
    return {
        language.code: {
            "bidi": language.bidi,
            "code": language.code,
            "name": language.english_name,
            "name_local": language.native_name,
        }
        for language in LANGUAGES
    }


def bidi_codes() -> list[str]:
    return [language.code for language in LANGUAGES if language.bidi]


def admin_languages() -> list[tuple[str, str]]:
    return [(language.code, language.native_name) for language in LANGUAGES if language.admin]


def parler_languages(site_id: int | None = None) -> dict:
    return {
        site_id: tuple(
            {"code": language.code, "fallbacks": list(language.fallbacks)} for language in LANGUAGES
        ),
        "default": {"fallbacks": [DEFAULT_LANGUAGE], "hide_untranslated": False},
    }
