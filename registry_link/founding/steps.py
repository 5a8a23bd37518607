"""The six steps of founding a cooperative (DOMAIN.md, Decree 2-15-617) as a state machine.

Steps are done in order: a step is ``todo`` only once the one before is ``done``; no step is ever
skipped or done twice. Who acts and which document each step needs are fixed here.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models.founding import StepKind, StepStatus


@dataclass(frozen=True)
class StepRule:
    kind: str
    pictogram: str
    actor: str  # "staff" or "founders"
    who: str  # who acts, in words
    document: str  # the document it needs, in words ("" when staff produce it)
    help: str  # a short explanation, read aloud on the page
    founders_upload: bool


RULES: list[StepRule] = [
    StepRule(
        StepKind.NAME,
        "🏷",
        "staff",
        _("The regional delegation of ODCO"),
        _("Name approval certificate (made here once the name is approved)"),
        _(
            "Send your file. ODCO checks that the name is free and gives you a certificate "
            "for the name. It takes about three days."
        ),
        False,
    ),
    StepRule(
        StepKind.STATUTES,
        "✍",
        "founders",
        _("All the founders, together"),
        _("Signed statutes and the minutes of the constitutive assembly"),
        _(
            "Meet all together. Read the statutes, sign them, and sign the minutes of the "
            "meeting. Take a photo or a scan and send it here."
        ),
        True,
    ),
    StepRule(
        StepKind.BANK,
        "🏦",
        "founders",
        _("The president, at a bank"),
        _("Certificate of the bank account with the capital paid in"),
        _(
            "Open a bank account in the name of the cooperative and pay in the capital. "
            "The bank gives you a paper: send a photo of it here."
        ),
        True,
    ),
    StepRule(
        StepKind.DEPOSIT,
        "🏛",
        "founders",
        _("The president, at the local authority"),
        _("Deposit receipt from the local authority"),
        _(
            "Take the file to the local authority (caïdat or pachalik). They give you a "
            "receipt: send a photo of it here."
        ),
        True,
    ),
    StepRule(
        StepKind.COURT,
        "⚖",
        "staff",
        _("The court of first instance; staff record the number"),
        _("Registration at the court (staff record the number)"),
        _(
            "Take the file to the court of first instance. The court gives the cooperative "
            "its registration number."
        ),
        False,
    ),
    StepRule(
        StepKind.CENTRAL,
        "🗂",
        "staff",
        _("ODCO, in the central register"),
        _("Nothing more to send"),
        _("ODCO writes your cooperative in the central register. Your cooperative is founded."),
        False,
    ),
]
ORDER = [rule.kind for rule in RULES]
BY_KIND = {rule.kind: rule for rule in RULES}


def rule_of(kind: str) -> StepRule:
    return BY_KIND[kind]


def initial_statuses() -> dict[str, str]:
    """A new file: the first step to do, the others waiting for the one before."""
    return {kind: StepStatus.TODO if i == 0 else StepStatus.LOCKED for i, kind in enumerate(ORDER)}


def transition_check(statuses: dict[str, str], *, kind: str, to: str) -> None:
    """Refuse a move the machine does not allow (translated, with a stable code).

    Allowed: todo → sent (a founder sends the document), sent → todo (staff send it back),
    todo/sent → done (only when every step before is done; founders' steps need the document).
    """
    if kind not in BY_KIND:
        raise ValidationError(_("There is no such step."), code="step_unknown")
    current = statuses[kind]
    index = ORDER.index(kind)
    if to == StepStatus.DONE:
        if current == StepStatus.DONE:
            raise ValidationError(_("This step is already done."), code="step_already_done")
        earlier = [k for k in ORDER[:index] if statuses[k] != StepStatus.DONE]
        if earlier or current == StepStatus.LOCKED:
            raise ValidationError(
                _("The step before must be done first: no step is skipped."),
                code="step_skipped",
            )
        if BY_KIND[kind].founders_upload and current != StepStatus.SENT:
            raise ValidationError(
                _("The founders have not sent the document for this step yet."),
                code="step_document_missing",
            )
        return
    if to == StepStatus.SENT:
        if current not in (StepStatus.TODO, StepStatus.SENT) or not BY_KIND[kind].founders_upload:
            raise ValidationError(
                _("A document cannot be sent for this step now."), code="step_not_open"
            )
        return
    if to == StepStatus.TODO and current == StepStatus.SENT:
        return
    raise ValidationError(_("This change of step is not allowed."), code="step_not_allowed")


def next_kind(kind: str) -> str | None:
    index = ORDER.index(kind)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None
