"""Arabic text as people type it: one normal form, so that spelling variants match in search.

``جمعيّة``, ``جمعية``, ``جمعيه`` and ``جـمـعـيـة`` all become ``جمعيه``: diacritics and tatweel are
dropped, alef forms become a bare alef, ta marbuta becomes ha, alef maqsura becomes ya. Latin
text is lower-cased without accents, so French matches too.
"""

import re
import unicodedata

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
