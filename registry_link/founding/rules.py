"""The founding file's rules, as problems a founder can read (each with a stable code).

Capital at least 1,000 MAD, each share at least 100 MAD, every founder at least one share
(DOMAIN.md); at least the founders minimum setting (``project_bank.api.min_founders``); every
founder's number proved; one to three names, none taken or refused by the name check.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from academy.api import phone_number_verified
from project_bank.api import min_founders

from ..names import Verdict

CAPITAL_MIN = 1000
SHARE_MIN = 100
NAMES_MAX = 3
BLOCKING_VERDICTS = {Verdict.TAKEN, Verdict.REFUSED}


@dataclass(frozen=True)
class Problem:
    part: str
    code: str
    message: str


def capital_problems(*, share_value: int, shares: list[int]) -> list[Problem]:
    problems = []
    if share_value < SHARE_MIN:
        problems.append(
            Problem(
                "capital",
                "share_too_small",
                _("One share must be worth at least %(minimum)s MAD.") % {"minimum": SHARE_MIN},
            )
        )
    if any(count < 1 for count in shares):
        problems.append(
            Problem(
                "capital", "founder_without_share", _("Every founder holds at least one share.")
            )
        )
    if share_value * sum(shares) < CAPITAL_MIN:
        problems.append(
            Problem(
                "capital",
                "capital_too_small",
                _("The capital must be at least %(minimum)s MAD.") % {"minimum": CAPITAL_MIN},
            )
        )
    return problems


def founders_problems(founders) -> list[Problem]:
    problems = []
    needed = min_founders()
    if len(founders) < needed:
        problems.append(
            Problem(
                "founders",
                "too_few_founders",
                _("A cooperative needs at least %(count)s founders.") % {"count": needed},
            )
        )
    for founder in founders:
        if not phone_number_verified(founder.user):
            problems.append(
                Problem(
                    "founders",
                    "founder_unverified",
                    _("%(name)s has not confirmed her phone number yet.")
                    % {"name": founder.user.get_short_name()},
                )
            )
        if not (founder.full_name.strip() and founder.id_number.strip()):
            problems.append(
                Problem(
                    "founders",
                    "founder_incomplete",
                    _("Write the full name and identity card number of %(name)s.")
                    % {"name": founder.user.get_short_name()},
                )
            )
    if sum(1 for founder in founders if founder.is_leader) != 1:
        problems.append(
            Problem("founders", "no_leader", _("Choose one founder as the first president."))
        )
    return problems


def names_problems(*, names: list[str], checks: list[dict]) -> list[Problem]:
    if not names:
        return [Problem("names", "no_name", _("Propose at least one name."))]
    problems = []
    for check in checks:
        if check.get("verdict") in BLOCKING_VERDICTS:
            problems.append(
                Problem(
                    "names",
                    "name_taken",
                    _("The name “%(name)s” cannot be used: %(why)s")
                    % {"name": check["name"], "why": check.get("explanation") or check["verdict"]},
                )
            )
    return problems


def file_problems(file) -> list[Problem]:
    """Everything that stops the file from being sent; empty when it may be sent."""
    founders = list(file.founders.select_related("user"))
    problems = names_problems(names=file.names, checks=file.name_checks)
    problems += founders_problems(founders)
    problems += capital_problems(
        share_value=file.share_value, shares=[founder.shares for founder in founders]
    )
    if not file.object.strip():
        problems.append(Problem("object", "no_object", _("Write the object of the cooperative.")))
    if not file.sector:
        problems.append(Problem("object", "no_sector", _("Choose the sector.")))
    if file.region_id is None or not file.address.strip():
        problems.append(
            Problem("object", "no_seat", _("Write the address and region of the seat."))
        )
    return problems
