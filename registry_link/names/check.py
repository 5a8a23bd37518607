"""Verdicts of the name check (first rule: the same letters once case and Arabic forms are set
aside; more rules join in this package)."""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.arabic import normalise_arabic

from ..models import Cooperative


class Verdict(models.TextChoices):
    AVAILABLE = "available", _("available")
    SIMILAR = "similar", _("close to an existing name")
    TAKEN = "taken", _("taken")
    REFUSED = "refused", _("refused")


@dataclass(frozen=True)
class NameMatch:
    """An existing name close to the proposed one, and why (``reason`` is a stable code)."""

    cooperative: Cooperative
    name: str
    reason: str
    explanation: str
    score: float = 100.0


@dataclass
class NameCheck:
    name: str
    verdict: str
    matches: list[NameMatch] = field(default_factory=list)
    explanation: str = ""


def _plain(name: str) -> str:
    return " ".join(normalise_arabic(name).casefold().split())


def name_check(*, name: str, exclude: Cooperative | None = None) -> NameCheck:
    """Compare ``name`` with the register's names; ``exclude`` leaves one cooperative out."""
    plain = _plain(name)
    candidates = Cooperative.objects.filter(
        Q(name_ar__iexact=name) | Q(name_latin__iexact=name) | Q(name_tfng__iexact=name)
    )
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    matches = [
        NameMatch(
            cooperative=cooperative,
            name=existing,
            reason="same",
            explanation=str(_("the same name")),
        )
        for cooperative in candidates
        for existing in cooperative.names
        if _plain(existing) == plain
    ]
    return NameCheck(
        name=name, verdict=Verdict.TAKEN if matches else Verdict.AVAILABLE, matches=matches
    )
