"""Which encoding a CSV file was saved in: UTF-8 (with or without a byte-order mark), UTF-16 with
a byte-order mark, or one of the two Windows code pages a Moroccan office saves in — Arabic
(cp1256) or Western (cp1252). Anything else, or a file that reads as neither, is refused rather
than imported garbled (docs/decisions/0021-spreadsheets-and-uploads-people-send.md).

Between cp1256 and cp1252 the choice is made on the words that read differently in the two:
a word is plausible when its letters are of one script, and a Latin word made only of accented
letters (``ÝÇØãÉ``, which is ``فاطمة`` read as cp1252) is not.
"""

import codecs
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LEGACY = ("cp1256", "cp1252")
# The share of differing words that may look wrong in the chosen reading.
MAX_DOUBTFUL = 0.1
UNSURE = _(
    "The letters of this file could not be read with certainty. In your spreadsheet, save it "
    "as “CSV UTF-8” (or as .xlsx) and send it again."
)


def csv_decode(data: bytes) -> str:
    """The text of ``data``, or a ValidationError (``unknown_encoding``) when unsure."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        raise ValidationError(UNSURE, code="unknown_encoding")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ValidationError(UNSURE, code="unknown_encoding") from None


def _legacy(data: bytes) -> str:
    words = _differing_words(data)
    readings = {}
    for encoding in LEGACY:
        try:
            readings[encoding] = (_doubtful_share(words, encoding), data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not words and "cp1252" in readings:
        return readings["cp1252"][1]  # every word reads the same either way
    ranked = sorted(readings.values(), key=lambda reading: reading[0])
    best_share, text = ranked[0]
    if best_share > MAX_DOUBTFUL or (len(ranked) > 1 and ranked[1][0] <= best_share):
        raise ValidationError(UNSURE, code="unknown_encoding")
    return text


def _differing_words(data: bytes) -> list[bytes]:
    """The byte runs (words) that read differently in cp1256 and cp1252."""
    runs = re.findall(rb"[^\s,;\t\"'0-9()\[\]{}.:!?/\\|=+*<>-]+", data)
    return [run for run in runs if _reads(run, "cp1256") != _reads(run, "cp1252")]


def _reads(run: bytes, encoding: str) -> str | None:
    try:
        return run.decode(encoding)
    except UnicodeDecodeError:
        return None


def _doubtful_share(words: list[bytes], encoding: str) -> float:
    """The share of ``words`` that look wrong when read as ``encoding``."""
    if not words:
        return 0.0
    return sum(1 for run in words if not _plausible(_reads(run, encoding))) / len(words)


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("ARABIC"):
        return "arabic"
    if name.startswith("LATIN"):
        return "latin" if char.isascii() else "accented"
    return "other"


def _plausible(word: str | None) -> bool:
    """One script per word; no symbol (× ÷ ¤) among letters; not only accented letters."""
    if word is None:
        return False
    letters = [char for char in word if char.isalpha()]
    if letters and any(unicodedata.category(char).startswith("S") for char in word):
        return False
    scripts = {_script(char) for char in letters}
    if "other" in scripts or ("arabic" in scripts and len(scripts) > 1):
        return False
    return not (scripts == {"accented"} and len(letters) > 1)
