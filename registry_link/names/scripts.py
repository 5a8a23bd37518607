"""One alphabet for the three scripts: every word written in plain Latin letters ("folded").

- **Tifinagh → Latin** follows IRCAM's correspondence table (Institut Royal de la Culture
  Amazighe, the standard Tifinagh of Morocco, Unicode U+2D30–U+2D7F): ⴰ a, ⴱ b, ⴳ g, ⴷ d, ⴹ ḍ,
  ⴻ e, ⴼ f, ⴽ k, ⵀ h, ⵃ ḥ, ⵄ ɛ, ⵅ x, ⵇ q, ⵉ i, ⵊ j, ⵍ l, ⵎ m, ⵏ n, ⵓ u, ⵔ r, ⵕ ṛ, ⵖ ɣ, ⵙ s,
  ⵚ ṣ, ⵛ c, ⵜ t, ⵟ ṭ, ⵡ w, ⵢ y, ⵣ z, ⵥ ẓ, ⵯ ʷ (labialisation). ``IRCAM`` keeps the table; the
  fold then drops the dots (ḍ → d), as Latin spellings of Moroccan names do.
- **Latin** spellings are folded: accents off, "ch"/"sh" → c (IRCAM's c), "kh" → x (IRCAM's x),
  "gh" → g (IRCAM's ɣ), hard g, q, ck, qu, hard c → k, soft c → s, "dj" → j, "th" → t, "dh" → d,
  "ph" → f, "ou"/"o"/"w" → u, "y"/"ee" → i, doubled letters once; Arabizi digits inside a word
  (3 ع, 7 ح, 9 ق, 5 خ, 8 غ, 2 ء) read as the letters they stand for.
- **Arabic → Latin** is a transliteration into the same letters: consonants and long vowels
  (ا a, و u, ي i, final ى/ة/ه a); short vowels are not written in Arabic, so they are missing
  here — ``sound.py`` compares with that in mind.

Folded words hold only a–z and digits, so that prefix lookups and comparisons behave the same
whatever the database's collation.
"""

import re

from .normalise import ARABIC, DIGITS, LATIN, TIFINAGH, Word

IRCAM = {
    "ⴰ": "a",
    "ⴱ": "b",
    "ⴳ": "g",
    "ⴷ": "d",
    "ⴹ": "ḍ",
    "ⴻ": "e",
    "ⴼ": "f",
    "ⴽ": "k",
    "ⵀ": "h",
    "ⵃ": "ḥ",
    "ⵄ": "ɛ",
    "ⵅ": "x",
    "ⵇ": "q",
    "ⵉ": "i",
    "ⵊ": "j",
    "ⵍ": "l",
    "ⵎ": "m",
    "ⵏ": "n",
    "ⵓ": "u",
    "ⵔ": "r",
    "ⵕ": "ṛ",
    "ⵖ": "ɣ",
    "ⵙ": "s",
    "ⵚ": "ṣ",
    "ⵛ": "c",
    "ⵜ": "t",
    "ⵟ": "ṭ",
    "ⵡ": "w",
    "ⵢ": "y",
    "ⵣ": "z",
    "ⵥ": "ẓ",
    "ⵯ": "ʷ",
}
# IRCAM's Latin letters in the folded alphabet (c, x and ɣ keep a letter of their own).
IRCAM_FOLD = str.maketrans(
    {"ḍ": "d", "ḥ": "h", "ɛ": "", "ṛ": "r", "ɣ": "g", "ṣ": "s", "ṭ": "t", "ẓ": "z", "ʷ": "",
     "g": "k", "q": "k", "w": "u", "y": "i"}
)  # fmt: skip

ARABIC_LETTERS = str.maketrans(
    {"ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "d",
     "ر": "r", "ز": "z", "س": "s", "ش": "c", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
     "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ڭ": "k", "ل": "l", "م": "m",
     "ن": "n", "ه": "h", "ة": "t", "و": "u", "ي": "i", "ى": "a", "ی": "i", "ء": "", "ئ": "",
     "ؤ": "", "پ": "b", "ڤ": "f", "ژ": "z", "چ": "c"}
)  # fmt: skip
ARABIZI = str.maketrans({"3": "", "7": "h", "9": "q", "5": "kh", "8": "gh", "2": ""})

LATIN_STEPS = (
    (re.compile(r"[cs]h|sch"), "§"),
    (re.compile(r"kh"), "x"),
    (re.compile(r"gh"), "¤"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"th"), "t"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|qu|q"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"[cg]"), "k"),
    (re.compile(r"ou|oo|o|w"), "u"),
    (re.compile(r"ee|y"), "i"),
    (re.compile(r"p"), "b"),
    (re.compile(r"§"), "c"),
    (re.compile(r"¤"), "g"),
)
DOUBLES = re.compile(r"(.)\1+")
NOT_FOLDED = re.compile(r"[^a-z0-9]")


def ircam_latin(text: str) -> str:
    """Tifinagh letters in IRCAM's Latin transcription (other characters unchanged)."""
    return "".join(IRCAM.get(char, char) for char in text)


def fold_latin(text: str) -> str:
    """A Latin word in the folded alphabet (see the module's docstring)."""
    if not text.isdigit():
        text = text.translate(ARABIZI)
    for pattern, replacement in LATIN_STEPS:
        text = pattern.sub(replacement, text)
    return DOUBLES.sub(r"\1", NOT_FOLDED.sub("", text))


def fold_tifinagh(text: str) -> str:
    return DOUBLES.sub(r"\1", NOT_FOLDED.sub("", ircam_latin(text).translate(IRCAM_FOLD)))


def fold_arabic(text: str) -> str:
    """An Arabic word in Latin letters: consonants and long vowels (a final ة, ه or ى reads a)."""
    if text.endswith(("ة", "ه", "ى")):
        text = text[:-1] + "ا"
    return DOUBLES.sub(r"\1", NOT_FOLDED.sub("", text.translate(ARABIC_LETTERS)))


def fold(word: Word) -> str:
    """``word`` in the folded Latin alphabet, whatever its script."""
    if word.script == ARABIC:
        return fold_arabic(word.text)
    if word.script == TIFINAGH:
        return fold_tifinagh(word.text)
    if word.script in (LATIN, DIGITS):
        return fold_latin(word.text)
    return word.text
