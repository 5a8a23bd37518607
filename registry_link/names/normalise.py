"""Reading a name: its words, in their scripts, once what does not tell names apart is set aside.

``read(name)`` cuts the name into words by script (Arabic, Latin, Tifinagh, digits; "&" is a word),
so that "Coopérativeالأمل" or "l'Amal" split where they should, and then sets aside, remembering
what it set aside (for the reasons shown to the founder):

- punctuation and spacing ("Al-Amal" = "Al Amal");
- the article: the Arabic ال glued to a word (with وال, بال, فال, كال, لل), and in Latin letters
  al/el/l'/le/la/les/the, the sun-letter forms "en-Nour", "es-Salam", "ech-Chifa" (also glued:
  "Ennour", "Essalam"), and al/el glued to a word that starts with a consonant ("Elbaraka");
- legal-form and filler words (``words.py``);
- numbers written as words become digits ("trois" = "3" = "ثلاثة").

A trailing plural "s" is set aside only in the keys that say "the same" (``plural_strip``):
the sound of a name keeps it.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from core.arabic import normalise_arabic

from . import words

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_ARTICLES = (("وال", 3), ("بال", 3), ("فال", 3), ("كال", 3), ("لل", 2), ("ال", 2))
LATIN_EXTRA = str.maketrans({"ɣ": "gh", "ɛ": "", "ʷ": "", "œ": "oe", "æ": "ae", "ø": "o"})
SUN_ARTICLE = re.compile(r"^[ae](ch|sh|[tdrzsn])$")
SUN_GLUED = re.compile(r"^[ae](ch|sh|[tdrzsn])(?=\1)")
CO_OP = re.compile(r"\bco[-\u2010 ]op", re.IGNORECASE)
AL_GLUED = re.compile(r"^(?:al|el)(?=[b-df-hj-km-np-tv-z])")

ARABIC, LATIN, TIFINAGH, DIGITS = "ar", "latn", "tfng", "digits"
SCRIPT_WORDS = {ARABIC: "Arabic", LATIN: "Latin", TIFINAGH: "Tifinagh"}


class UnreadableNameError(ValueError):
    """The name has letters of a script the register does not use (``letters`` says which)."""

    def __init__(self, letters: str) -> None:
        super().__init__(letters)
        self.letters = letters


@dataclass(frozen=True)
class Word:
    """One word of a name: as typed (``surface``), in its normal form (``text``), its script."""

    surface: str
    text: str
    script: str


@dataclass
class Reading:
    """What is left of a name, and what was set aside: ``(kind, word as typed)`` pairs, kinds
    being ``legal_form``, ``filler``, ``article``, ``number``, ``punctuation``."""

    name: str
    words: list[Word] = field(default_factory=list)
    set_aside: list[tuple[str, str]] = field(default_factory=list)

    @property
    def script(self) -> str:
        """The script of most of the letters left (digits alone count as Latin)."""
        counts: dict[str, int] = {}
        for word in self.words:
            script = LATIN if word.script == DIGITS else word.script
            counts[script] = counts.get(script, 0) + len(word.text)
        return max(counts, key=counts.get) if counts else LATIN

    def kinds(self, kind: str) -> list[str]:
        return [word for found, word in self.set_aside if found == kind]


def _char_class(char: str) -> str | None:
    """The run a character belongs to; None for a separator; raise for an unknown script."""
    code = ord(char)
    if char == "&":
        return "&"
    if unicodedata.category(char) == "Nd":
        return DIGITS
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF:
        return ARABIC if unicodedata.category(char) != "Po" else None
    if 0x2D30 <= code <= 0x2D7F:
        return TIFINAGH
    if char.isalpha():
        if unicodedata.name(char, "").startswith("LATIN") or char in "ɣɛʷ":
            return LATIN
        raise UnreadableNameError(char)
    if unicodedata.category(char).startswith("M"):
        return "mark"
    return None


def _runs(name: str) -> tuple[list[tuple[str, str]], bool]:
    """The name cut into ``(surface, script)`` runs, and whether it had punctuation."""
    runs: list[list[str]] = []
    punctuation = False
    for char in unicodedata.normalize("NFC", name):
        kind = _char_class(char)
        if kind is None:
            punctuation = punctuation or not char.isspace()
            runs.append(["", ""])
            continue
        previous = runs[-1] if runs else None
        if kind == "mark" and previous and previous[1]:
            previous[0] += char
        elif previous and previous[1] and _joins(previous[1], kind):
            previous[0] += char
            previous[1] = LATIN if LATIN in (previous[1], kind) else previous[1]
        elif kind != "mark":
            runs.append([char, kind])
    return [(surface, kind) for surface, kind in runs if surface], punctuation


def _joins(previous: str, kind: str) -> bool:
    """Latin letters and digits make one word ("sa3ada"); other scripts stop at a change."""
    if previous == kind:
        return kind != "&"
    return {previous, kind} == {LATIN, DIGITS}


def _normal(surface: str, script: str) -> str:
    """A word in the normal form of its script (Arabic keeps ى, ة and ه apart here)."""
    text = unicodedata.normalize("NFKC", surface).casefold()
    if script == DIGITS:
        return "".join(str(unicodedata.digit(char)) for char in text)
    if script == ARABIC:
        text = ARABIC_DIACRITICS.sub("", text)
        return text.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}))
    if script == LATIN:
        text = text.translate(LATIN_EXTRA)
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(
            str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char
            for char in decomposed
            if not unicodedata.combining(char)
        )
    return text


def _without_article(word: Word, following: Word | None) -> tuple[Word | None, bool]:
    """The word with its article set aside (None when the word *is* the article)."""
    text = word.text
    if word.script == ARABIC:
        for prefix, size in ARABIC_ARTICLES:
            if text.startswith(prefix) and len(text) - size >= 2:
                return Word(word.surface, text[size:], word.script), True
        return word, False
    if word.script != LATIN:
        return word, False
    if text in words.ARTICLES:
        return None, True
    sun = SUN_ARTICLE.match(text)
    if sun and following is not None and following.text.startswith(sun.group(1)):
        return None, True
    glued = SUN_GLUED.match(text) or AL_GLUED.match(text)
    if glued and len(text) - glued.end() >= 4:
        return Word(word.surface, text[glued.end() :], word.script), True
    return word, False


def _looked_up(text: str, script: str) -> str:
    """The form a word is looked up with in ``words.py``."""
    return normalise_arabic(text) if script == ARABIC else text


def _lists() -> tuple[set, set, dict]:
    legal = {_looked_up(_normal(w, _script_of(w)), _script_of(w)) for w in words.LEGAL_FORMS}
    filler = {_looked_up(_normal(w, _script_of(w)), _script_of(w)) for w in words.FILLERS}
    numbers = {
        _looked_up(_normal(w, _script_of(w)), _script_of(w)): digit
        for w, digit in words.NUMBERS.items()
    }
    return legal, filler, numbers


def _script_of(word: str) -> str:
    runs, _ = _runs(word)
    return runs[0][1] if runs else LATIN


def read(name: str) -> Reading:
    """The words of ``name`` left once punctuation, articles, legal-form and filler words are set
    aside, numbers written as words turned into digits (see the module's docstring)."""
    runs, punctuation = _runs(CO_OP.sub("coop", name))
    reading = Reading(name=name)
    if punctuation:
        reading.set_aside.append(("punctuation", ""))
    typed = [Word(surface, _normal(surface, script), script) for surface, script in runs]
    typed = [Word(word.surface, _cooperative(word.text), word.script) for word in typed]
    for index, word in enumerate(typed):
        following = typed[index + 1] if index + 1 < len(typed) else None
        kept, article = _without_article(word, following)
        if article:
            reading.set_aside.append(("article", word.surface))
        if kept is None:
            continue
        looked_up = _looked_up(kept.text, kept.script)
        if looked_up in LEGAL or kept.text == "&":
            kind = "legal_form" if looked_up in LEGAL else "filler"
            reading.set_aside.append((kind, word.surface))
        elif looked_up in FILLER:
            reading.set_aside.append(("filler", word.surface))
        elif looked_up in NUMBERS:
            reading.set_aside.append(("number", word.surface))
            reading.words.append(Word(word.surface, NUMBERS[looked_up], DIGITS))
        else:
            reading.words.append(kept)
    return reading


def _cooperative(text: str) -> str:
    return "cooperative" if text in {"cooperative", "cooperatives"} else text


def plural_strip(text: str) -> str:
    """A Latin word without its trailing plural: "s" (not "ss"), "x" after "au"/"eu"."""
    if len(text) >= 4 and text.endswith("s") and not text.endswith("ss"):
        return text[:-1]
    if len(text) >= 4 and text.endswith(("aux", "eux")):
        return text[:-1]
    return text


def plain(name: str) -> str:
    """The whole name with only case, accents and Arabic letter forms set aside."""
    return normalise_arabic(name)


LEGAL, FILLER, NUMBERS = _lists()
