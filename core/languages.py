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
    # Her language's name in each script its speakers read, the most read first (the chooser).
    names: tuple[tuple[str, str], ...] = ()

    @property
    def bidi(self) -> bool:
        return self.direction == "rtl"

    @property
    def name_parts(self) -> tuple["Name", ...]:
        """Her language's name in each script its speakers read, each with its lang and dir."""
        return tuple(
            Name(
                text=text,
                lang=self.code if script == self.script else f"{self.code}-{script}",
                direction="rtl" if script == "Arab" else "ltr",
                script=script,
            )
            for script, text in self.names or ((self.script, self.native_name),)
        )


@dataclass(frozen=True)
class Name:
    text: str
    lang: str
    direction: str
    script: str


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
        names=(("Arab", "العربية"),),
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
        names=(("Arab", "الدارجة"), ("Latn", "Darija")),
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
        names=(("Tfng", "ⵜⴰⵛⵍⵃⵉⵜ"), ("Latn", "Tacelḥit"), ("Arab", "تاشلحيت")),
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
        names=(("Tfng", "ⵜⴰⵎⴰⵣⵉⵖⵜ"), ("Latn", "Tamaziɣt")),
    ),
    Language(
        code="rif",
        native_name="Tarifit (ⵜⴰⵔⵉⴼⵉⵜ)",
        english_name="Tarifit",
        name=_("Tarifit"),
        script="Latn",
        direction="ltr",
        plural_forms=TWO_PLURALS,
        fallbacks=("zgh", "ary", "ar"),
        names=(("Latn", "Tarifit"), ("Tfng", "ⵜⴰⵔⵉⴼⵉⵜ"), ("Arab", "تاريفيت")),
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
        names=(("Tfng", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),),
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
        names=(("Latn", "Français"),),
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
        names=(("Latn", "English"),),
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


def spoken_chain(code: str) -> tuple[str, ...]:
    """The language and every language its fallbacks lead to, nearest first (no repeats)."""
    chain: list[str] = []
    todo = [get_language(code).code]
    while todo:
        current = todo.pop(0)
        if current not in chain:
            chain.append(current)
            todo.extend(BY_CODE[current].fallbacks)
    return tuple(chain)


LISTEN = "listen"  # "I prefer to listen": no script of her own (decision 0043)
SCRIPTS = ("Arab", "Latn", "Tfng")


def default_reads(code: str) -> frozenset[str]:
    """What a reader of ``code`` who said nothing is taken to read: its script, and Arabic,
    read by 99% of literate Moroccans (decision 0043)."""
    return frozenset({get_language(code).script, "Arab"})


def reading_chain(code: str, reads: frozenset[str] | None = None) -> tuple[str, ...]:
    """The content fallback chain of ``code`` for a reader of the scripts ``reads``.

    Languages written in a script she reads come first, in the order of the spoken chain;
    the others follow, so that nothing is ever missing. ``None`` means she has not said
    (``default_reads``); "listen" alone keeps the spoken chain, closest speech first.
    """
    spoken = spoken_chain(code)
    scripts = set(default_reads(code) if reads is None else reads) - {LISTEN}
    if not scripts:
        return spoken
    readable = [lang for lang in spoken if BY_CODE[lang].script in scripts]
    return (*readable, *(lang for lang in spoken if lang not in readable))


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
