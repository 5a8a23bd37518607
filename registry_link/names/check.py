"""The name check: the verdict on a proposed name, and the register's names that explain it.

``name_check(name=..., exclude=...)``:
1. refuses bad input with a translated ``ValidationError`` and a stable code (``codes.py``):
   an empty name, one over ``MAX_LENGTH`` characters, letters of another script;
2. reads the name (``forms.py``) and looks for protected labels and sensitive words
   (``protected.py``), and for a name made of nothing but legal-form and filler words;
3. compares it with the register's names found by index (``candidates.py``) by the rules of
   ``compare.py``, one match per cooperative (its closest name), strongest first.

Verdict: ``refused`` when anything is refused, else ``taken`` when a rule says "the same",
else ``similar`` when one says "close", else ``available``.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Cooperative
from . import codes
from .candidates import Candidate, candidates
from .compare import Likeness, explanation, likeness
from .forms import NameForms, name_forms
from .normalise import UnreadableNameError
from .protected import Found, protected_found

MAX_LENGTH = 200
MAX_MATCHES = 10
STRENGTH = (
    codes.SAME,
    codes.SAME_IGNORING,
    codes.SAME_OTHER_SCRIPT,
    codes.WORD_ORDER,
    codes.SOUNDS_LIKE,
    codes.CLOSE_SPELLING,
)


class Verdict(models.TextChoices):
    AVAILABLE = "available", gettext_lazy("available")
    SIMILAR = "similar", gettext_lazy("close to an existing name")
    TAKEN = "taken", gettext_lazy("taken")
    REFUSED = "refused", gettext_lazy("refused")


@dataclass(frozen=True)
class NameMatch:
    """An existing name close to the proposed one, and why (``reason`` is a stable code)."""

    cooperative: Cooperative
    name: str
    reason: str
    explanation: str
    score: float = 100.0


@dataclass(frozen=True)
class NameRefusal:
    """Why a name is refused whatever the register holds (``reason`` is a stable code)."""

    reason: str
    word: str
    explanation: str
    source: str = ""


@dataclass
class NameCheck:
    name: str
    verdict: str
    matches: list[NameMatch] = field(default_factory=list)
    explanation: str = ""
    refusals: list[NameRefusal] = field(default_factory=list)
    summary: str = ""  # the verdict in a sentence, without the reason

    @property
    def verdict_label(self) -> str:
        return str(Verdict(self.verdict).label)


def _valid(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("Type the name you would like."), code=codes.NAME_EMPTY)
    if len(name) > MAX_LENGTH:
        raise ValidationError(
            _("A name has at most %(limit)d characters; this one has %(length)d."),
            code=codes.NAME_TOO_LONG,
            params={"limit": MAX_LENGTH, "length": len(name)},
        )
    return name


def _forms(name: str) -> NameForms:
    try:
        return name_forms(name)
    except UnreadableNameError as error:
        raise ValidationError(
            _("Write the name in Arabic, Latin or Tifinagh letters (not «%(letters)s»)."),
            code=codes.NAME_SCRIPT,
            params={"letters": error.letters},
        ) from error


def _refusal(found: Found) -> NameRefusal:
    entry = found.entry
    shown = " ".join(found.words)
    if entry.kept_for is None:
        text = _("uses the protected name «%(label)s» (%(sign)s, Law 25-06)") % {
            "label": entry.name,
            "sign": entry.sign,
        }
        return NameRefusal(codes.PROTECTED_NAME, entry.name, text, entry.source)
    text = _("uses «%(word)s», a word kept for %(kept_for)s") % {
        "word": shown,
        "kept_for": entry.kept_for,
    }
    return NameRefusal(codes.SENSITIVE_WORD, shown, text, entry.source)


def _refusals(forms: NameForms) -> list[NameRefusal]:
    refusals = [_refusal(found) for found in protected_found(forms.reading)]
    if not forms.reading.words:
        text = _("has nothing but legal-form or filler words: add a name of its own")
        refusals.append(NameRefusal(codes.GENERIC_ONLY, forms.name, text))
    return refusals


def _stored(candidate: Candidate) -> NameForms:
    return NameForms(
        name=candidate.name,
        script=candidate.script,
        exact=candidate.exact,
        latin=candidate.latin,
        sound=candidate.sound,
        reading=None,
    )


def _closest(forms: NameForms, found: list[Candidate]) -> list[tuple[Likeness, NameForms, int]]:
    """The closest name of each cooperative among ``found``, strongest rule first."""
    best: dict[int, tuple[Likeness, NameForms, int]] = {}
    for candidate in found:
        stored = _stored(candidate)
        like = likeness(forms, stored)
        if like is None:
            continue
        rank = (STRENGTH.index(like.reason), -like.score)
        kept = best.get(candidate.cooperative_id)
        if kept is None or rank < (STRENGTH.index(kept[0].reason), -kept[0].score):
            best[candidate.cooperative_id] = (like, stored, candidate.cooperative_id)
    return sorted(
        best.values(),
        key=lambda item: (STRENGTH.index(item[0].reason), -item[0].score, item[1].name),
    )


def _verdict(refusals: list[NameRefusal], matches: list[NameMatch]) -> str:
    if refusals:
        return Verdict.REFUSED
    if any(match.reason in codes.TAKEN_REASONS for match in matches):
        return Verdict.TAKEN
    return Verdict.SIMILAR if matches else Verdict.AVAILABLE


SUMMARIES = {
    Verdict.AVAILABLE: gettext_lazy("No cooperative in the register has this name or a close one."),
    Verdict.SIMILAR: gettext_lazy(
        "Close to names already in the register: ODCO may refuse it. Choose a name further away."
    ),
    Verdict.TAKEN: gettext_lazy("A cooperative in the register already has this name."),
    Verdict.REFUSED: gettext_lazy("This name cannot be given to a cooperative."),
}


def name_check(*, name: str, exclude: Cooperative | None = None) -> NameCheck:
    """Compare ``name`` with the register's names; ``exclude`` leaves one cooperative out.

    Raises a translated ``ValidationError`` (codes ``name_empty``, ``name_too_long``,
    ``name_script``) for a name that cannot be checked.
    """
    name = _valid(name)
    forms = _forms(name)
    refusals = _refusals(forms)
    found = candidates(forms, exclude_id=exclude.pk if exclude else None) if forms.exact else []
    closest = _closest(forms, found)[:MAX_MATCHES]
    cooperatives = Cooperative.objects.in_bulk([pk for _like, _stored, pk in closest])
    matches = [
        NameMatch(
            cooperative=cooperatives[pk],
            name=stored.name,
            reason=like.reason,
            explanation=explanation(like, forms, stored),
            score=like.score,
        )
        for like, stored, pk in closest
        if pk in cooperatives
    ]
    verdict = _verdict(refusals, matches)
    return NameCheck(
        name=name,
        verdict=verdict,
        matches=matches,
        explanation=_summary(verdict, refusals, matches),
        refusals=refusals,
        summary=str(SUMMARIES[verdict]),
    )


def _summary(verdict: str, refusals: list[NameRefusal], matches: list[NameMatch]) -> str:
    """The verdict in a sentence, with its first reason (for callers that show only this)."""
    first = (refusals or matches or [None])[0]
    if first is None:
        return str(SUMMARIES[verdict])
    return _("%(summary)s (%(reason)s)") % {
        "summary": SUMMARIES[verdict],
        "reason": first.explanation,
    }
