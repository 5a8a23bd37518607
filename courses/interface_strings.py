"""Native review of the interface strings: read the catalogues, correct and mark entries, apply
the corrections at run time and write them into the catalogues (decision 0030).

The ``.po`` catalogues stay the source of the strings and are never edited by the site: a
reviewed entry is an ``InterfaceString`` row. The running site applies the rows over the
compiled catalogues (every process checks a version number in the cache at each request), and
``manage.py interface_strings_export`` writes them into the catalogues when they are built, so a
later ``msgfmt`` keeps them. An entry nobody reviewed keeps its machine-assisted translation.
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import trans_real

from core.languages import CODES, get_language

from .models import InterfaceString

VERSION_KEY = "courses:interface-strings:version"
REVIEWED_FLAG = "reviewed"  # the comment a reviewed entry carries in an exported catalogue


@dataclass(frozen=True)
class CatalogueEntry:
    msgctxt: str
    msgid: str
    msgstr: str  # as the catalogue has it
    fuzzy: bool
    correction: str | None  # the reviewer's translation, when it differs from the catalogue
    reviewed: bool

    @property
    def shown(self) -> str:
        return self.correction if self.correction is not None else self.msgstr


@dataclass(frozen=True)
class ReviewShare:
    language_code: str
    reviewed: int
    total: int

    @property
    def percent(self) -> float:
        return round(100 * self.reviewed / self.total, 1) if self.total else 0.0


def catalogue_path(language_code: str, locale_dir: Path | None = None) -> Path:
    base = Path(locale_dir or settings.LOCALE_PATHS[0])
    return base / language_code.replace("-", "_") / "LC_MESSAGES" / "django.po"


def _catalogue(language_code: str, locale_dir: Path | None = None) -> list[polib.POEntry]:
    path = catalogue_path(language_code, locale_dir)
    if not path.exists():
        return []
    return [
        entry
        for entry in polib.pofile(str(path))
        if entry.msgid and not entry.obsolete and not entry.msgid_plural
    ]


def catalogue_entries(language_code: str, *, query: str = "") -> list[CatalogueEntry]:
    """The singular entries of a language's catalogue with the reviewers' work, in file order."""
    rows = {
        (row.msgctxt, row.msgid): row
        for row in InterfaceString.objects.filter(language=language_code)
    }
    entries = []
    for entry in _catalogue(language_code):
        row = rows.get((entry.msgctxt or "", entry.msgid))
        found = CatalogueEntry(
            msgctxt=entry.msgctxt or "",
            msgid=entry.msgid,
            msgstr=entry.msgstr,
            fuzzy="fuzzy" in entry.flags,
            correction=row.msgstr if row and row.msgstr != entry.msgstr else None,
            reviewed=bool(row and row.reviewed),
        )
        if query and query.casefold() not in f"{found.msgid} {found.shown}".casefold():
            continue
        entries.append(found)
    return entries


def review_shares() -> list[ReviewShare]:
    """For each language but English (the source): how many catalogue entries are reviewed."""
    reviewed: dict[str, set] = {}
    for language, msgctxt, msgid in InterfaceString.objects.filter(reviewed=True).values_list(
        "language", "msgctxt", "msgid"
    ):
        reviewed.setdefault(language, set()).add((msgctxt, msgid))
    shares = []
    for code in CODES:
        if code == "en":
            continue
        keys = {(entry.msgctxt or "", entry.msgid) for entry in _catalogue(code)}
        shares.append(ReviewShare(code, len(keys & reviewed.get(code, set())), len(keys)))
    return shares


@transaction.atomic
def interface_string_review(
    *, language_code: str, msgid: str, msgctxt: str = "", msgstr: str, reviewed: bool, user
) -> InterfaceString:
    """Save a reviewer's translation of one entry and her mark; every process applies it.

    Raises ``LookupError`` when the entry is not in the language's catalogue, ``ValueError`` for
    an empty translation.
    """
    get_language(language_code)
    if not any(
        (entry.msgctxt or "", entry.msgid) == (msgctxt, msgid)
        for entry in _catalogue(language_code)
    ):
        raise LookupError(msgid)
    if not msgstr.strip():
        raise ValueError("empty translation")
    row, _created = InterfaceString.objects.update_or_create(
        language=language_code,
        msgctxt=msgctxt,
        msgid=msgid,
        defaults={"msgstr": msgstr, "reviewed": reviewed, "reviewed_by": user},
    )
    transaction.on_commit(_version_bump)
    return row


def _version_bump() -> None:
    cache.set(VERSION_KEY, timezone.now().isoformat(), timeout=None)
    corrections_apply()


# Run time ----------------------------------------------------------------------------------

_applied: dict[tuple[str, int], dict[str, str | None]] = {}  # the catalogue's own texts
_version: list[str | None] = [None]


def _key(msgctxt: str, msgid: str) -> str:
    return f"{msgctxt}\x04{msgid}" if msgctxt else msgid


def corrections_apply() -> None:
    """Lay the reviewers' translations over this process's loaded catalogues (and take back
    those withdrawn)."""
    wanted: dict[str, dict[str, str]] = {}
    for row in InterfaceString.objects.all():
        wanted.setdefault(row.language, {})[_key(row.msgctxt, row.msgid)] = row.msgstr
    codes = set(wanted) | {code for code, _id in _applied}
    for code in codes:
        catalog = trans_real.translation(code)._catalog
        originals = _applied.setdefault((code, id(catalog)), {})
        for key, original in list(originals.items()):
            if key not in wanted.get(code, {}):
                if original is None:
                    catalog._catalogs[0].pop(key, None)
                else:
                    catalog[key] = original
                del originals[key]
        for key, text in wanted.get(code, {}).items():
            if key not in originals:
                originals[key] = catalog.get(key)
            catalog[key] = text


def corrections_refresh(**kwargs) -> None:
    """At each request: apply the corrections again if a process saved some since (read with
    the content generation, in one round trip; nothing else while nobody corrects anything)."""
    from .page_cache import interface_version

    version = interface_version()
    if version is not None and version != _version[0]:
        _version[0] = version
        corrections_apply()


def catalogue_export(*, locale_dir: Path | None = None) -> dict[str, int]:
    """Write the reviewers' translations into the catalogues (the build runs msgfmt after).

    A reviewed entry loses its ``fuzzy`` flag and carries the comment ``reviewed``. Returns the
    number of entries written per language.
    """
    written: dict[str, int] = {}
    for code in CODES:
        rows = {
            (row.msgctxt, row.msgid): row for row in InterfaceString.objects.filter(language=code)
        }
        path = catalogue_path(code, locale_dir)
        if not rows or not path.exists():
            continue
        catalogue = polib.pofile(str(path), wrapwidth=0)
        count = 0
        for entry in catalogue:
            row = rows.get((entry.msgctxt or "", entry.msgid))
            if row is None or entry.msgid_plural:
                continue
            entry.msgstr = row.msgstr
            if row.reviewed:
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                if REVIEWED_FLAG not in (entry.tcomment or "").split("\n"):
                    entry.tcomment = "\n".join(filter(None, [entry.tcomment, REVIEWED_FLAG]))
            count += 1
        catalogue.save(str(path))
        written[code] = count
    return written
