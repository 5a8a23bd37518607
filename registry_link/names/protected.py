"""Names a cooperative may not take, whatever the register holds: protected quality labels and
words kept for official bodies and quality signs.

A label is found when each of its groups has a word in the name, in any script and spelling
(words are compared folded, ``scripts.py``; a word split in two, "M'Gouna", counts as one), so
"Coopérative Safran Taliouine", "تعاونية زعفران تالوين" and "ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⴰⵣⴰⴼⵔⴰⵏ ⵜⴰⵍⵉⵡⵉⵏ" are all
refused, while "Coopérative Taliouine" (the place alone) is not.

Sources:
- Quality labels: Law 25-06 on distinctive signs of origin and quality; the three AOP and the IGP
  named in DOMAIN.md ("Products and labels", "Selling"). The list is short on purpose: it holds
  only what a source names. Argan ("Argane" IGP) is left out: the register holds hundreds of
  cooperatives named after argan, and the label protects a claim on the oil, which the
  marketplace checks on products, not a word in a name.
- Sensitive words: modelled on UK Companies House's "sensitive words and expressions" (words
  implying a link with the Crown, the government or a public body, or a regulated activity need
  approval); the Moroccan equivalents chosen here (the monarchy, ODCO, ministries, the state,
  "national", banks, quality signs) are a policy to be confirmed with ODCO, kept in this file.
"""

import itertools
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .normalise import LATIN, Reading, plural_strip, read
from .scripts import fold

LAW_25_06 = "Law 25-06 on distinctive signs of origin and quality"
COMPANIES_HOUSE = "UK Companies House, sensitive words and expressions (model)"


@dataclass(frozen=True)
class Protected:
    """A protected name or a sensitive word: every group must have a word in the name."""

    name: str
    groups: tuple[tuple[str, ...], ...]
    kept_for: Promise | None = None  # sensitive words: who may use them
    sign: str = ""  # quality labels: AOP, IGP
    source: str = LAW_25_06


LABELS = (
    Protected(
        "Safran de Taliouine",
        (("safran", "saffron", "زعفران", "ⴰⵣⴰⴼⵔⴰⵏ", "azafran"), ("taliouine", "تالوين", "ⵜⴰⵍⵉⵡⵉⵏ")),
        sign="AOP",
    ),
    Protected(
        "Rose de Kelâat M'Gouna",
        (
            ("rose", "roses", "ورد", "وردة", "ⴰⵊⴻⵊⵊⵉⴳ"),
            ("kelaat", "kalaat", "qalaat", "قلعة", "ⵇⵍⵄⵜ"),
            ("mgouna", "megouna", "مكونة", "مڭونة", "ⵎⴳⵓⵏⴰ"),
        ),
        sign="AOP",
    ),
    Protected(
        "Huile d'olive Tyout-Chiadma",
        (("tyout", "tiout", "تيوت", "ⵜⵢⵓⵜ"), ("chiadma", "شياظمة", "شيادمة", "ⵛⵢⴰⴷⵎⴰ")),
        sign="AOP",
    ),
    Protected(
        "Clémentine de Berkane",
        (("clementine", "clementines", "كليمنتين", "كليمونتين"), ("berkane", "بركان", "ⴱⵔⴽⴰⵏ")),
        sign="IGP",
    ),
    Protected(
        "Agneau Béni Guil",
        (("agneau", "lamb", "خروف", "ⵉⵣⵎⵔ"), ("beniguil", "بنيكيل", "بنيڭيل")),
        sign="IGP",
    ),
    Protected(
        "Dattes Majhoul", (("dattes", "datte", "تمر", "تمور"), ("majhoul", "مجهول")), sign="IGP"
    ),
)

KEPT_FOR_STATE = _("the State and its institutions")
KEPT_FOR_MONARCHY = _("the monarchy")
KEPT_FOR_ODCO = _("the Office for the Development of Cooperation (ODCO)")
KEPT_FOR_BANKS = _("banks licensed by Bank Al-Maghrib")
KEPT_FOR_LABELS = _("products certified under Law 25-06")


def _sensitive(name: str, groups: tuple[tuple[str, ...], ...], kept_for: Promise) -> Protected:
    return Protected(name, groups, kept_for=kept_for, source=COMPANIES_HOUSE)


SENSITIVE = (
    _sensitive(
        "royal",
        (("royal", "royale", "royaume", "ملكي", "ملكية", "مملكة", "ⵜⴰⴳⵍⴷⵉⵜ", "tageldit"),),
        KEPT_FOR_MONARCHY,
    ),
    _sensitive(
        "Mohammed VI",
        (("mohammed", "mohamed", "muhammad", "محمد"), ("vi", "6", "سادس")),
        KEPT_FOR_MONARCHY,
    ),
    _sensitive("ODCO", (("odco", "ⵓⴷⴽⵓ"),), KEPT_FOR_ODCO),
    _sensitive(
        "مكتب تنمية التعاون",
        (("مكتب", "office"), ("تنمية", "developpement"), ("تعاون", "cooperation")),
        KEPT_FOR_ODCO,
    ),
    _sensitive(
        "ministère",
        (("ministere", "ministry", "وزارة", "ⵜⴰⵎⴰⵡⴰⵙⵜ"),),
        KEPT_FOR_STATE,
    ),
    _sensitive(
        "gouvernement",
        (("gouvernement", "government", "حكومة", "ⵜⴰⵏⴱⴰⴹⵜ"),),
        KEPT_FOR_STATE,
    ),
    _sensitive(
        "national",
        (("national", "nationale", "nationaux", "وطني", "وطنية", "ⴰⵏⴰⵎⵓⵔ"),),
        KEPT_FOR_STATE,
    ),
    _sensitive("banque", (("banque", "bank", "بنك", "مصرف"),), KEPT_FOR_BANKS),
    _sensitive(
        "AOP / IGP",
        (("aop", "igp", "aoc", "pdo", "pgi"),),
        KEPT_FOR_LABELS,
    ),
)


@dataclass(frozen=True)
class Found:
    """A protected name or sensitive word found in a name, with the words that showed it."""

    entry: Protected
    words: tuple[str, ...]


def _folded_word(text: str) -> str:
    reading = read(text)
    return "".join(fold(word) for word in reading.words) if reading.words else ""


def _folded_groups(entry: Protected) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(filter(None, (_folded_word(word) for word in group))) for group in entry.groups
    )


def _reading_words(reading: Reading) -> dict[str, str]:
    """Folded words of a name (and pairs of neighbours, for a word split in two) → as typed."""
    folded = []
    for word in reading.words:
        text = word.text
        if word.script == LATIN:
            text = plural_strip(text)
        folded.append((fold(type(word)(word.surface, text, word.script)), word.surface))
    found = dict(folded)
    for (first, typed), (second, typed_next) in itertools.pairwise(folded):
        found.setdefault(first + second, f"{typed} {typed_next}")
    return found


FOLDED = [(entry, _folded_groups(entry)) for entry in (*LABELS, *SENSITIVE)]


def protected_found(reading: Reading) -> list[Found]:
    """Every protected name and sensitive word found in ``reading``."""
    words = _reading_words(reading)
    found = []
    for entry, groups in FOLDED:
        shown = []
        for group in groups:
            hit = next((typed for folded, typed in words.items() if folded in group), None)
            if hit is None:
                break
            shown.append(hit)
        else:
            found.append(Found(entry=entry, words=tuple(shown)))
    return found
