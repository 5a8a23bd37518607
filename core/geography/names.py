"""A unit's name in the reader's language.

Arabic and Darija readers see HCP's Arabic name, French and English readers its French name.
Region and province names also go through the message catalogues (context "region" and
"province"), so translators can give the Tifinagh or Latin Amazigh name; until they do, a
Tifinagh reader sees the Arabic name and a Tarifit reader (Latin script) the French one. No
name is made up here. Commune names are not in the catalogues (1,503 of them): they follow the
same script rule.
"""

from django.utils.translation import get_language, override

from core.geography.province_names import PROVINCE_NAMES
from core.languages import get_language as language_info
from core.languages import is_known
from core.regions import Region

ARABIC_NAMES = {"ar", "ary"}


def _script() -> str:
    code = get_language() or "ar"
    return language_info(code).script if is_known(code) else "Arab"


def _catalogue_name(*, kind: str, code: str, fr: str) -> str:
    if kind == "region" and code in Region.values:
        return str(Region(code).label)
    if kind == "province" and code in PROVINCE_NAMES:
        return str(PROVINCE_NAMES[code])
    return fr


def _is_translated(*, kind: str, code: str, name: str, fr: str) -> bool:
    with override(None):  # no catalogue: the msgid itself
        return name != _catalogue_name(kind=kind, code=code, fr=fr)


def local_name(*, kind: str, code: str, fr: str, ar: str) -> str:
    language = get_language() or "ar"
    if language in ARABIC_NAMES:
        return ar
    script = _script()
    if script == "Latn" and language in {"fr", "en"}:
        return _catalogue_name(kind=kind, code=code, fr=fr) if kind != "commune" else fr
    if kind != "commune":
        name = _catalogue_name(kind=kind, code=code, fr=fr)
        if _is_translated(kind=kind, code=code, name=name, fr=fr):
            return name
    return fr if script == "Latn" else ar
