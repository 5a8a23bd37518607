"""Two names side by side: the rule that makes them the same or close, and the reason in words.

Rules, strongest first (codes in ``codes.py``):

1. ``same`` / ``same_ignoring`` — the same script and the same ``exact`` key; ``same`` when only
   capitals, accents and Arabic letter forms differ, else the words set aside are named.
2. ``same_other_script`` — Latin and Tifinagh with the same folded letters (IRCAM's table).
3. ``word_order`` — the same words in another order.
4. ``sounds_like`` — the same phonetic key, then a closer look: between Arabic and another script,
   every letter of the Arabic transliteration is found, in order, in the other name (Arabic does
   not write short vowels, so the other name may only add vowels: "الأمل" = a-m-l is heard in
   "Amal" and "Amel", not in "Mali" or "Moul", which share the key "ml"); within Latin and
   Tifinagh, the folded letters are equal, or equal once "e" is read as "a" and a mute final "e"
   is dropped ("Nour"/"Nur", "Amal"/"Amel", "Yasmine"/"Yasmin").
5. ``close_spelling`` — a few letters apart (``rapidfuzz``'s optimal string alignment distance: a
   swap of two neighbours counts once), in the same script for Arabic, in the folded alphabet
   otherwise: none under 5 letters, 1 from 5, 2 from 9, 3 from 15.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, LCSseq

from core.arabic import DIACRITICS, LETTERS

from . import codes
from .forms import NameForms
from .normalise import ARABIC, LATIN, TIFINAGH, Reading, plural_strip, read

MUTE_E = re.compile(r"(?<=[a-z]{3})e\b")
ALLOWED_EDITS = ((15, 3), (9, 2), (5, 1))


@dataclass(frozen=True)
class Likeness:
    reason: str
    score: float
    edits: int = 0


def plain(name: str) -> str:
    """The whole name with capitals, accents, Arabic vowel marks and letter forms set aside, and
    its punctuation kept (what ``same`` compares)."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = DIACRITICS.sub("", bare).replace("\u0640", "").translate(LETTERS)
    return " ".join(bare.split())


def _vowels_read_alike(latin: str) -> str:
    return MUTE_E.sub("", latin).replace("e", "a").replace(" ", "")


def allowed_edits(length: int) -> int:
    return next((edits for shortest, edits in ALLOWED_EDITS if length >= shortest), 0)


def _heard_in(arabic: NameForms, other: NameForms) -> bool:
    """Whether every letter of the Arabic name's transliteration is heard, in order, in the
    other (which then adds only vowels, the keys being equal)."""
    letters = arabic.latin_joined
    return bool(letters) and LCSseq.similarity(letters, other.latin_joined) == len(letters)


def _sounds_like(proposed: NameForms, existing: NameForms) -> Likeness | None:
    if not proposed.sound or proposed.sound != existing.sound:
        return None
    scripts = {proposed.script, existing.script}
    if ARABIC in scripts and len(scripts) == 2:
        arabic, other = (proposed, existing) if proposed.script == ARABIC else (existing, proposed)
        if not _heard_in(arabic, other):
            return None
    elif _vowels_read_alike(proposed.latin) != _vowels_read_alike(existing.latin):
        return None
    score = LCSseq.normalized_similarity(proposed.latin_joined, existing.latin_joined) * 100
    return Likeness(codes.SOUNDS_LIKE, round(score, 1))


def _close_spelling(proposed: NameForms, existing: NameForms) -> Likeness | None:
    scripts = {proposed.script, existing.script}
    if scripts == {ARABIC}:
        first, second = proposed.exact.replace(" ", ""), existing.exact.replace(" ", "")
    elif ARABIC in scripts:
        return None
    else:
        first, second = proposed.latin_joined, existing.latin_joined
    allowed = allowed_edits(min(len(first), len(second)))
    if not allowed:
        return None
    edits = OSA.distance(first, second, score_cutoff=allowed)
    if edits > allowed:
        return None
    return Likeness(codes.CLOSE_SPELLING, round(fuzz.ratio(first, second), 1), edits=edits)


def likeness(proposed: NameForms, existing: NameForms) -> Likeness | None:
    """The strongest rule by which ``existing`` is the same as or close to ``proposed``."""
    if not proposed.exact or not existing.exact:
        return None
    if proposed.script == existing.script and proposed.exact == existing.exact:
        same = plain(proposed.name) == plain(existing.name)
        return Likeness(codes.SAME if same else codes.SAME_IGNORING, 100.0)
    scripts = {proposed.script, existing.script}
    if scripts == {LATIN, TIFINAGH} and proposed.latin_joined == existing.latin_joined:
        return Likeness(codes.SAME_OTHER_SCRIPT, 100.0)
    words = proposed.exact.split()
    if len(scripts) == 1 and len(words) > 1 and sorted(words) == sorted(existing.exact.split()):
        return Likeness(codes.WORD_ORDER, 100.0)
    return _sounds_like(proposed, existing) or _close_spelling(proposed, existing)


# --- Reasons in words --------------------------------------------------------------------------


def _words_of(reading: Reading, kinds: tuple[str, ...]) -> Counter:
    return Counter(plain(word) for kind, word in reading.set_aside if kind in kinds)


def _set_aside(proposed: NameForms, existing: NameForms) -> list[str]:
    """What differs between the two names among what the check sets aside, in words."""
    first = proposed.reading or read(proposed.name)
    second = existing.reading or read(existing.name)
    parts = []
    typed = {plain(w): w for r in (first, second) for kind, w in r.set_aside}
    kinds = ("legal_form", "filler")
    words = set(
        (_words_of(first, kinds) - _words_of(second, kinds))
        + (_words_of(second, kinds) - _words_of(first, kinds))
    )
    if words:
        shown = ", ".join(f"«{typed[word]}»" for word in sorted(words))
        parts.append(
            ngettext("the word %(words)s", "the words %(words)s", len(words)) % {"words": shown}
        )
    if len(first.kinds("article")) != len(second.kinds("article")):
        parts.append(_("the article"))
    if _words_of(first, ("number",)) != _words_of(second, ("number",)):
        parts.append(_("numbers written in words"))
    if _plurals(first) != _plurals(second):
        parts.append(_("a plural «s»"))
    if _punctuation(proposed.name) != _punctuation(existing.name):
        parts.append(_("punctuation"))
    return parts or [_("spaces")]


def _plurals(reading: Reading) -> list[str]:
    return [w.text for w in reading.words if w.script == LATIN and plural_strip(w.text) != w.text]


def _punctuation(name: str) -> list[str]:
    return [char for char in plain(name) if not char.isalnum() and not char.isspace()]


SOUNDS_LIKE_IN = {
    LATIN: gettext_noop("sounds like «%(name)s» written in Latin letters"),
    ARABIC: gettext_noop("sounds like «%(name)s» written in Arabic letters"),
    TIFINAGH: gettext_noop("sounds like «%(name)s» written in Tifinagh"),
}


def explanation(likeness: Likeness, proposed: NameForms, existing: NameForms) -> str:
    """The reason, in the active language, that ``existing`` is named for ``proposed``."""
    name = existing.name
    reason = likeness.reason
    if reason == codes.SAME:
        return _("the same name as «%(name)s»") % {"name": name}
    if reason == codes.SAME_IGNORING:
        ignored = ", ".join(_set_aside(proposed, existing))
        return _("the same as «%(name)s» once these are set aside: %(ignored)s") % {
            "name": name,
            "ignored": ignored,
        }
    if reason == codes.SAME_OTHER_SCRIPT:
        if proposed.script == TIFINAGH:
            return _("the same as «%(name)s», written in Tifinagh by IRCAM's table") % {
                "name": name
            }
        return _("the same as «%(name)s», written in Latin letters by IRCAM's table") % {
            "name": name
        }
    if reason == codes.WORD_ORDER:
        return _("the same words as «%(name)s» in another order") % {"name": name}
    if reason == codes.SOUNDS_LIKE:
        if proposed.script == existing.script:
            return _("sounds like «%(name)s», spelt differently") % {"name": name}
        return _(SOUNDS_LIKE_IN[proposed.script]) % {"name": name}
    return ngettext(
        "differs from «%(name)s» by one letter",
        "differs from «%(name)s» by %(count)s letters",
        likeness.edits,
    ) % {"name": name, "count": likeness.edits}
