"""Arabic text as people type it: one normal form, so that spelling variants match in search.

``جمعيّة``, ``جمعية``, ``جمعيه`` and ``جـمـعـيـة`` all become ``جمعيه``: diacritics and tatweel are
dropped, alef forms become a bare alef, ta marbuta becomes ha, alef maqsura becomes ya. Latin
text is lower-cased without accents, so French matches too.
"""

import re
import unicodedata
from functools import cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "گ": "ك",
        "ڭ": "ك",
    }
)


def normalise_arabic(text: str) -> str:
    """``text`` in the normal form used for search (see the module's docstring)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = DIACRITICS.sub("", bare).replace(TATWEEL, "").translate(LETTERS)
    return " ".join(re.sub(r"[^\w]+", " ", bare.casefold()).split())


ARABIC_LETTER = re.compile("[\u0621-\u064a]")
ROOT_MARK = "√"  # a stored root reads "√زيت ": it can't be mistaken for a typed word


@cache
def _stemmer():
    from nltk.stem.isri import ISRIStemmer  # imported on first search: it takes a moment

    return ISRIStemmer()


@cache
def arabic_root(word: str) -> str:
    """The root of a normalised Arabic word ("الزيوت" and "زيت" give "زيت"), or "" when the
    word is not Arabic or too short to have one. Prefixes such as "ال", "بال", "و" go with it."""
    if len(word) < 3 or not ARABIC_LETTER.match(word):
        return ""
    root = _stemmer().stem(word)
    return root if len(root) >= 3 else ""


def search_document(text: str) -> str:
    """What is stored to search ``text``: its normal form, then the root of each Arabic word."""
    words = normalise_arabic(text).split()
    roots = dict.fromkeys(root for root in map(arabic_root, words) if root)
    return " ".join([*words, *(f"{ROOT_MARK}{root}" for root in roots)]) + " "


def search_words(query: str) -> list[tuple[str, str]]:
    """Each word of a query in normal form, with the stored form of its root ("" if none).

    A word matches a document that contains it (also as the start of a longer word), or one of
    whose words shares its root: "التعاونية" finds "تعاونية", "الزيوت" finds "زيت".
    """
    return [
        (word, f"{ROOT_MARK}{root} " if (root := arabic_root(word)) else "")
        for word in normalise_arabic(query).split()
    ]
