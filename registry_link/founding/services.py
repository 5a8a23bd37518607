"""Writes on founding files. Every action is logged (``FoundingEvent``: who, what, when) and every
change of status is texted to each founder in her language once the change commits.

Founders act on their own file only (the views find it through ``selectors.file_for_founder``);
staff act through ``selectors.may_review`` (their region). Status changes lock the file's row,
so two reviewers acting at once cannot both approve or both record a number.
"""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from academy.api import text_to_user, verified_number_require
from project_bank.api import YOUTH_MAX_AGE, project_for_founding, project_founders

from ..choices import Kind, LinkSource, LinkStatus, Role
from ..models import Cooperative, Membership
from ..models.founding import (
    FileStatus,
    Founder,
    FoundingComment,
    FoundingEvent,
    FoundingFile,
    FoundingStep,
    Part,
    StepKind,
    StepStatus,
)
from ..names import name_check
from . import rules, steps

FILE_STATUS_SMS = gettext_noop("Taawounia: your founding file “%(name)s” is now: %(status)s.")
STEP_SMS = gettext_noop("Taawounia: founding step “%(step)s” of “%(name)s”: %(status)s.")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _log(file: FoundingFile, action: str, actor, **detail) -> None:
    FoundingEvent.objects.create(file=file, action=action, actor=actor, detail=detail)


def _founders_text(file: FoundingFile, message: str, **params) -> None:
    for founder in file.founders.select_related("user"):
        text_to_user(user=founder.user, message=message, name=file.title, **params)


def _status_set(file: FoundingFile, status: str, actor, **detail) -> None:
    before = file.status
    file.status = status
    file.save(update_fields=["status", "updated_at"])
    _log(file, "status", actor, before=before, after=status, **detail)
    _founders_text(file, FILE_STATUS_SMS, status=FileStatus(status).label)


def _step_set(step: FoundingStep, status: str, actor) -> None:
    statuses = dict(step.file.steps.values_list("kind", "status"))
    steps.transition_check(statuses, kind=step.kind, to=status)
    step.status = status
    if status == StepStatus.DONE:
        step.done_at, step.done_by = timezone.now(), actor
    step.save()
    _log(step.file, "step", actor, step=step.kind, after=status)
    _founders_text(
        step.file, STEP_SMS, step=step.get_kind_display(), status=step.get_status_display()
    )
    following = steps.next_kind(step.kind)
    if status == StepStatus.DONE and following:
        step.file.steps.filter(kind=following, status=StepStatus.LOCKED).update(
            status=StepStatus.TODO
        )


def _locked(file: FoundingFile) -> FoundingFile:
    return FoundingFile.objects.select_for_update().get(pk=file.pk)


# Founders ------------------------------------------------------------------------------------


@transaction.atomic
def file_start(*, project_public_id, user) -> FoundingFile:
    """Her project's founding file (made on first use, with the project's founders and steps).

    Only a founder of the project with a proved number starts it.
    """
    verified_number_require(user)
    project = project_for_founding(public_id=project_public_id, user=user)
    if project is None:
        raise PermissionDenied
    existing = FoundingFile.objects.filter(project=project).first()
    if existing is not None:
        return existing
    file = FoundingFile.objects.create(
        project=project,
        created_by=user,
        names=[project.name] if project.name else [],
        sector=project.idea.sector if project.idea_id else "",
        region_id=project.region or None,
    )
    file.name_checks = _checks(file.names)
    file.save(update_fields=["name_checks"])
    for order, founder in enumerate(project_founders(project)):
        Founder.objects.create(
            file=file,
            user=founder,
            order=order,
            full_name=founder.get_full_name(),
            is_leader=order == 0,
        )
    for order, (kind, status) in enumerate(steps.initial_statuses().items()):
        FoundingStep.objects.create(file=file, kind=kind, order=order, status=status)
    _log(file, "start", user, project=str(project.public_id))
    return file


def _checks(names: list[str]) -> list[dict]:
    checks = []
    for name in names:
        result = name_check(name=name)
        explanation = result.explanation or "; ".join(
            f"{match.explanation} ({match.name})" for match in result.matches
        )
        checks.append(
            {"name": name, "verdict": str(result.verdict), "explanation": str(explanation)}
        )
    return checks


def _editable(file: FoundingFile) -> None:
    if not file.is_editable:
        raise ValidationError(
            _("The file has been sent: it can be changed only if the delegation asks."),
            code="file_not_editable",
        )


@transaction.atomic
def file_update(
    *,
    file: FoundingFile,
    user,
    names: list[str],
    share_value: int,
    object: str,
    sector: str,
    address: str,
    region_code: str | None,
) -> FoundingFile:
    """Save the file's own parts; each proposed name is checked against the register."""
    file = _locked(file)
    _editable(file)
    names = [" ".join(name.split()) for name in names if name and name.strip()]
    if len(names) > rules.NAMES_MAX:
        raise ValidationError(_("Propose at most three names."), code="too_many_names")
    if len({name.casefold() for name in names}) != len(names):
        raise ValidationError(_("The same name is proposed twice."), code="name_twice")
    file.names = names
    file.name_checks = _checks(names)
    file.share_value = share_value
    file.object = object.strip()
    file.sector = sector
    file.address = address.strip()
    file.region_id = region_code or None
    file.save()
    _log(file, "edit", user, names=names, share_value=share_value)
    return file


@transaction.atomic
def founder_update(
    *,
    file: FoundingFile,
    user,
    founder_id: int,
    full_name: str,
    id_number: str,
    occupation: str,
    address: str,
    shares: int,
    is_leader: bool,
) -> Founder:
    file = _locked(file)
    _editable(file)
    founder = file.founders.filter(pk=founder_id).first()
    if founder is None:
        raise PermissionDenied  # not a founder of this file
    if shares < 1:
        raise ValidationError(
            _("Every founder holds at least one share."), code="founder_without_share"
        )
    if is_leader:
        file.founders.exclude(pk=founder.pk).update(is_leader=False)
    founder.full_name = " ".join(full_name.split())
    founder.id_number = id_number.strip().upper()
    founder.occupation = occupation.strip()
    founder.address = address.strip()
    founder.shares = shares
    founder.is_leader = is_leader
    founder.save()
    _log(file, "founder", user, founder=founder.user_id, shares=shares, leader=is_leader)
    return founder


@transaction.atomic
def file_submit(*, file: FoundingFile, user) -> FoundingFile:
    """Send the file to the delegation of its region, if nothing stops it (else the problems)."""
    file = _locked(file)
    _editable(file)
    verified_number_require(user)
    problems = rules.file_problems(file)
    if problems:
        raise ValidationError(
            [ValidationError(problem.message, code=problem.code) for problem in problems]
        )
    file.submitted_at = timezone.now()
    file.save(update_fields=["submitted_at"])
    _status_set(file, FileStatus.SUBMITTED, user)
    return file


@transaction.atomic
def step_document_send(*, file: FoundingFile, user, kind: str, upload) -> FoundingStep:
    """A founder sends the document a step needs (PDF, JPEG or PNG, read from its bytes)."""
    from core.uploads import document_read

    file = _locked(file)
    step = file.steps.filter(kind=kind).first()
    if step is None:
        raise ValidationError(_("There is no such step."), code="step_unknown")
    statuses = dict(file.steps.values_list("kind", "status"))
    steps.transition_check(statuses, kind=kind, to=StepStatus.SENT)
    data, content_type = document_read(upload)
    step.document, step.document_type, step.document_size = data, content_type, len(data)
    step.document_sent_at, step.document_sent_by = timezone.now(), user
    step.save()
    if step.status != StepStatus.SENT:
        _step_set(step, StepStatus.SENT, user)
    else:
        _log(file, "document", user, step=kind, size=len(data))
    return step


# Staff ---------------------------------------------------------------------------------------


def _review_check(file: FoundingFile, staff) -> None:
    from .selectors import may_review

    if not may_review(user=staff, file=file):
        raise PermissionDenied


@transaction.atomic
def comment_add(*, file: FoundingFile, staff, part: str, text: str) -> FoundingComment:
    _review_check(file, staff)
    if part not in Part.values or not text.strip():
        raise ValidationError(_("Choose the part and write the comment."), code="comment_empty")
    comment = FoundingComment.objects.create(file=file, part=part, text=text.strip(), author=staff)
    _log(file, "comment", staff, part=part)
    return comment


@transaction.atomic
def changes_ask(*, file: FoundingFile, staff) -> FoundingFile:
    _review_check(file, staff)
    file = _locked(file)
    if file.status != FileStatus.SUBMITTED:
        raise ValidationError(
            _("Only a file that was sent can be sent back."), code="not_submitted"
        )
    _status_set(file, FileStatus.CHANGES, staff)
    return file


@transaction.atomic
def name_approve(*, file: FoundingFile, staff, name: str) -> FoundingFile:
    """Approve one of the proposed names: the first step is done and a certificate is issued."""
    _review_check(file, staff)
    file = _locked(file)
    if file.status != FileStatus.SUBMITTED:
        raise ValidationError(_("Only a file that was sent can be approved."), code="not_submitted")
    if name not in file.names:
        raise ValidationError(_("Choose one of the proposed names."), code="name_not_proposed")
    if _checks([name])[0]["verdict"] in rules.BLOCKING_VERDICTS:
        raise ValidationError(_("This name is no longer free in the register."), code="name_taken")
    file.approved_name = name
    file.name_approved_at = timezone.now()
    file.certificate_code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(10))
    file.save(update_fields=["approved_name", "name_approved_at", "certificate_code"])
    _log(file, "name_approved", staff, name=name, certificate=file.certificate_code)
    _step_set(file.steps.get(kind=StepKind.NAME), StepStatus.DONE, staff)
    _status_set(file, FileStatus.NAME_APPROVED, staff)
    return file


@transaction.atomic
def step_complete(*, file: FoundingFile, staff, kind: str) -> FoundingStep:
    """Staff confirm a founders' step (its document checked) or ODCO's centralisation."""
    _review_check(file, staff)
    file = _locked(file)
    if kind in (StepKind.NAME, StepKind.COURT):
        raise ValidationError(
            _("This step is done by approving the name or recording the court number."),
            code="step_not_allowed",
        )
    step = file.steps.get(kind=kind)
    _step_set(step, StepStatus.DONE, staff)
    if kind == StepKind.CENTRAL:
        _status_set(file, FileStatus.CENTRALISED, staff)
    return step


@transaction.atomic
def step_send_back(*, file: FoundingFile, staff, kind: str) -> FoundingStep:
    """The document is not right: the founders send another one."""
    _review_check(file, staff)
    file = _locked(file)
    step = file.steps.get(kind=kind)
    _step_set(step, StepStatus.TODO, staff)
    return step


@transaction.atomic
def court_registration_record(
    *, file: FoundingFile, staff, court: str, local_number: str, registered_on
) -> Cooperative:
    """The court's number: the cooperative enters the register with its founders as confirmed
    members and its first president as leader, all in this one transaction."""
    _review_check(file, staff)
    file = _locked(file)
    court, local_number = " ".join(court.split()), local_number.strip()
    if not court or not local_number:
        raise ValidationError(_("Write the court and the number."), code="court_number_missing")
    if Cooperative.objects.filter(court__iexact=court, local_number=local_number).exists():
        raise ValidationError(
            _("This number at this court is already in the register."), code="court_number_taken"
        )
    _step_set(file.steps.get(kind=StepKind.COURT), StepStatus.DONE, staff)
    founders = list(file.founders.select_related("user"))
    year = timezone.now().year
    leader = next(founder for founder in founders if founder.is_leader)
    arabic = any("\u0600" <= char <= "\u06ff" for char in file.approved_name)
    cooperative = Cooperative.objects.create(
        kind=Kind.COOPERATIVE,
        name_ar=file.approved_name if arabic else "",
        name_latin="" if arabic else file.approved_name,
        sector=file.sector,
        address=file.address,
        region_id=file.region_id,
        court=court,
        local_number=local_number,
        registered_on=registered_on,
        object=file.object,
        capital=file.capital,
        share_value=file.share_value,
        members_count=len(founders),
        women_count=sum(1 for f in founders if f.user.gender == "woman"),
        youth_count=sum(
            1 for f in founders if f.user.birth_year and year - f.user.birth_year <= YOUTH_MAX_AGE
        ),
        managers=[{"name": leader.name, "role": "president"}],
    )
    now = timezone.now()
    Membership.objects.bulk_create(
        Membership(
            cooperative=cooperative,
            user=founder.user,
            role=Role.LEADER if founder.is_leader else Role.MEMBER,
            status=LinkStatus.CONFIRMED,
            source=LinkSource.FOUNDING,
            decided_at=now,
            decided_by=staff,
        )
        for founder in founders
    )
    file.cooperative = cooperative
    file.save(update_fields=["cooperative"])
    _log(file, "registered", staff, court=court, number=local_number)
    _status_set(file, FileStatus.REGISTERED, staff)
    return cooperative
