"""The keys a name is compared by, computed once per name (stored for the register's names).

- ``exact``: the words left (``normalise.read``) in their own script — Arabic in the normal form
  of ``core.arabic``, Latin without accents or a trailing plural, Tifinagh as typed; equal keys in
  the same script mean "the same name".
- ``latin``: every word in the folded Latin alphabet (``scripts.py``), words apart: Tifinagh by
  IRCAM's table, Arabic by transliteration; stored also without spaces (``joined``) and written
  backwards (``tail``) for the prefix lookups of ``candidates.py``.
- ``sound``: the consonants of ``latin``, vowels and spaces dropped (the phonetic key). Equal
  keys only shortlist a name: ``sound.py`` then compares closer, a key alone collides.
"""

import re
from dataclasses import dataclass

from core.arabic import normalise_arabic

from .normalise import ARABIC, LATIN, Reading, plural_strip, read
from .scripts import DOUBLES, fold

VOWELS = re.compile(r"[aeiou ]")


@dataclass(frozen=True)
class NameForms:
    name: str
    script: str
    exact: str
    latin: str
    sound: str
    reading: Reading | None = None  # None for stored keys: ``read(name)`` when needed

    @property
    def latin_joined(self) -> str:
        return self.latin.replace(" ", "")


def sound_key(latin: str) -> str:
    """The consonants of a folded name, in order, each once in a row."""
    return DOUBLES.sub(r"\1", VOWELS.sub("", latin))


def _exact_word(text: str, script: str) -> str:
    if script == ARABIC:
        return normalise_arabic(text)
    if script == LATIN:
        return plural_strip(text)
    return text


def name_forms(name: str) -> NameForms:
    """The keys of ``name`` (raises ``UnreadableNameError`` for letters of another script)."""
    reading = read(name)
    exact = " ".join(_exact_word(word.text, word.script) for word in reading.words)
    latin = " ".join(filter(None, (fold(word) for word in reading.words)))
    return NameForms(
        name=name,
        script=reading.script,
        exact=exact,
        latin=latin,
        sound=sound_key(latin),
        reading=reading,
    )
