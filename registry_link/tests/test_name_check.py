"""The name check's rules, case by case: a small register and what each proposed name gets.

Each row: the proposed name, the verdict, the reason code of the first match (or refusal) and
the register's name it points to. Names come in Arabic, Latin and Tifinagh.
"""

import pytest

from registry_link.names import Verdict, name_check

from .factories import cooperative_make

pytestmark = pytest.mark.django_db

REGISTER = [
    {"name_ar": "تعاونية الأمل", "name_latin": "Coopérative Al Amal"},
    {"name_ar": "تعاونية نور الهدى", "name_latin": ""},
    {"name_ar": "", "name_latin": "", "name_tfng": "ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⵜⴰⵎⵓⵏⵜ"},
    {"name_ar": "", "name_latin": "Coopérative Tifawin"},
    {"name_ar": "", "name_latin": "Coopérative Les Palmiers"},
    {"name_ar": "تعاونية عائشة", "name_latin": ""},
    {"name_ar": "", "name_latin": "Coopérative Agricole Tafoukt Souss"},
    {"name_ar": "", "name_latin": "Coopérative Trois Sources"},
    {"name_ar": "", "name_latin": "Coopérative Sillage Service"},
    {"name_ar": "", "name_latin": "Coopérative Ech-Chifa"},
    {"name_ar": "تعاونية ياسمين", "name_latin": ""},
]

AMAL, AMAL_AR = "Coopérative Al Amal", "تعاونية الأمل"
HOUDA = "تعاونية نور الهدى"
TAMOUNT = "ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⵜⴰⵎⵓⵏⵜ"
PALMIERS = "Coopérative Les Palmiers"
SOURCES = "Coopérative Trois Sources"
CHIFA = "Coopérative Ech-Chifa"

CASES = [
    # the same name, and the same once legal-form words, articles, punctuation... are set aside
    ("Coopérative Al Amal", "taken", "same", AMAL),
    ("COOPERATIVE AL AMAL", "taken", "same", AMAL),
    ("Al Amal", "taken", "same_ignoring", AMAL),
    ("Amal", "taken", "same_ignoring", AMAL),
    ("Union Al Amal", "taken", "same_ignoring", AMAL),
    ("co-opérative El-Amal", "taken", "same_ignoring", AMAL),
    ("Coopérative L'Amal", "taken", "same_ignoring", AMAL),
    ("Coopérative Al-Amal !", "taken", "same_ignoring", AMAL),
    ("تعاونية الأمل", "taken", "same", AMAL_AR),
    ("تعاونيه الامل", "taken", "same", AMAL_AR),
    ("تَعَاوُنِيَّة الأَمَل", "taken", "same", AMAL_AR),
    ("الأمل", "taken", "same_ignoring", AMAL_AR),
    ("اتحاد الأمل", "taken", "same_ignoring", AMAL_AR),
    ("Coopérative Le Palmier", "taken", "same_ignoring", PALMIERS),
    ("Palmiers", "taken", "same_ignoring", PALMIERS),
    ("Coopérative 3 Sources", "taken", "same_ignoring", SOURCES),
    ("Coopérative Three Sources", "taken", "same_ignoring", SOURCES),
    ("Coopérative ٣ Sources", "taken", "same_ignoring", SOURCES),
    ("Coopérative Chifa", "taken", "same_ignoring", CHIFA),
    ("Coopérative Echchifa", "taken", "same_ignoring", CHIFA),
    ("ⵜⴰⵎⵓⵏⵜ", "taken", "same_ignoring", TAMOUNT),
    # the same name in another script
    ("Coopérative Tamount", "taken", "same_other_script", TAMOUNT),
    ("Tamunt", "taken", "same_other_script", TAMOUNT),
    ("ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⴰⵎⴰⵍ", "taken", "same_other_script", AMAL),
    ("Coopérative Nour El Houda", "similar", "sounds_like", HOUDA),
    ("Nour Al Houda", "similar", "sounds_like", HOUDA),
    ("ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⵏⵓⵔ ⵀⵓⴷⴰ", "similar", "sounds_like", HOUDA),
    ("Coopérative Aicha", "similar", "sounds_like", "تعاونية عائشة"),
    ("Coopérative Yasmine", "similar", "sounds_like", "تعاونية ياسمين"),
    ("تعاونية الشفاء", "similar", "sounds_like", CHIFA),
    ("Coopérative Amel", "similar", "sounds_like", AMAL),
    # close, not the same
    (
        "Coopérative Souss Tafoukt Agricole",
        "similar",
        "word_order",
        "Coopérative Agricole Tafoukt Souss",
    ),
    ("Coopérative Tifawit", "similar", "close_spelling", "Coopérative Tifawin"),
    ("Coopérative Tfawin", "similar", "close_spelling", "Coopérative Tifawin"),
    # refused whatever the register holds
    ("Coopérative Safran de Taliouine", "refused", "protected_name", None),
    ("تعاونية زعفران تالوين", "refused", "protected_name", None),
    ("Coopérative Rose de Kelâat M'Gouna", "refused", "protected_name", None),
    ("Coopérative Royale de l'Argan", "refused", "sensitive_word", None),
    ("Coopérative du Ministère", "refused", "sensitive_word", None),
    ("Coopérative ODCO Souss", "refused", "sensitive_word", None),
    ("Coopérative", "refused", "generic_only", None),
    ("تعاونية", "refused", "generic_only", None),
    # truly different names must not collide
    ("Coopérative Mali", "available", None, None),  # the phonetic key of «Amal», not its sound
    ("Coopérative Moul", "available", None, None),
    ("Coopérative Amal Tiznit", "available", None, None),
    ("Coopérative Sillages", "available", None, None),  # OMPIC refused it for «Sillage service»
    ("Coopérative Taliouine", "available", None, None),  # the place alone is no label
    ("Coopérative Tighanimine", "available", None, None),
    ("تعاونية الوحدة", "available", None, None),
    ("Coopérative Tamazirt", "available", None, None),
]


@pytest.fixture
def register():
    for names in REGISTER:
        cooperative_make(**names)


@pytest.mark.parametrize(("proposed", "verdict", "reason", "existing"), CASES)
def test_the_verdict_and_its_reason(register, proposed, verdict, reason, existing):
    check = name_check(name=proposed)
    found = [(match.reason, match.name, match.explanation) for match in check.matches]
    refused = [(refusal.reason, refusal.explanation) for refusal in check.refusals]
    assert check.verdict == verdict, (found, refused)
    if verdict == Verdict.REFUSED:
        assert check.refusals[0].reason == reason, refused
    elif reason:
        assert (check.matches[0].reason, check.matches[0].name) == (reason, existing), found
    else:
        assert check.matches == [], found


def test_the_table_has_enough_cases():
    assert len(CASES) >= 40
    assert {script for case in CASES for script in _scripts(case[0])} == {"ar", "latn", "tfng"}


def _scripts(text: str) -> set[str]:
    scripts = set()
    for char in text:
        if "\u0600" <= char <= "\u06ff":
            scripts.add("ar")
        elif "\u2d30" <= char <= "\u2d7f":
            scripts.add("tfng")
        elif char.isalpha():
            scripts.add("latn")
    return scripts
