"""Writes: interest events, adopting an idea, editing a project, inviting co-founders."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from academy.api import send_sms, verified_number_require
from core.languages import fallback_chain
from core.phones import normalise_phone_number

from .choices import YOUTH_MAX_AGE
from .conf import invitation_lifetime
from .models import Idea, IdeaEvent, Invitation, Project, ProjectMember
from .plan import plan_for_language


def idea_search_text_update(*, idea: Idea) -> None:
    idea.search_text_refresh()
    Idea.objects.filter(pk=idea.pk).update(search_text=idea.search_text)


def _profile(user) -> dict:
    if user is None or not user.is_authenticated:
        return {}
    year = timezone.now().year
    return {
        "user": user,
        "region": user.region or "",
        "is_woman": user.gender == "woman",
        "is_youth": bool(user.birth_year and year - user.birth_year <= YOUTH_MAX_AGE),
    }


def idea_event_record(*, idea: Idea, kind: str, user=None) -> IdeaEvent:
    return IdeaEvent.objects.create(idea=idea, kind=kind, **_profile(user))


@transaction.atomic
def project_adopt(*, idea: Idea, user, language_code: str) -> Project:
    """Her own project: a copy of the idea's plan and name, she the first founder."""
    project = Project(
        idea=idea,
        name=idea.safe_translation_getter("title", any_language=True) or idea.key,
        region=user.region if idea.regions.filter(region=user.region).exists() else "",
        plan=plan_for_language(idea.plan or {}, language_code, fallback_chain(language_code)),
        min_founders=idea.min_founders,
        created_by=user,
    )
    project.full_clean()
    project.save()
    ProjectMember.objects.create(project=project, user=user, is_owner=True)
    idea_event_record(idea=idea, kind=IdeaEvent.Kind.ADOPT, user=user)
    return project


def project_update(*, project: Project, user, name: str, place: str, region: str, plan: dict):
    if not project.members.filter(user=user).exists():
        raise PermissionDenied
    project.name, project.place, project.region, project.plan = name, place, region, plan
    project.full_clean()
    project.save()
    return project


def _founders_needed(project: Project) -> int:
    return max(0, project.min_founders - project.members.count())


INVITATION_SMS = gettext_noop(
    "Taawounia Academy: %(name)s invites you to found the cooperative project «%(project)s». "
    "Sign in with this number, or create your account, to answer: %(url)s"
)


def _invitation_text(invitation: Invitation) -> None:
    """Text the invitee, in her language if she has an account, else in the inviter's."""
    invitee = get_user_model().objects.filter(phone_number=invitation.phone_number).first()
    language = (invitee and invitee.preferred_language) or translation.get_language()
    with translation.override(language):
        text = _(INVITATION_SMS) % {
            "name": invitation.invited_by.get_short_name(),
            "project": invitation.project.name,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("project_bank:projects"),
        }
    send_sms(to=invitation.phone_number, text=text)


@transaction.atomic
def invitation_create(*, project: Project, invited_by, phone_number: str) -> Invitation:
    if not project.members.filter(user=invited_by).exists():
        raise PermissionDenied
    number = normalise_phone_number(phone_number)
    if project.members.filter(user__phone_number=number).exists():
        raise ValidationError(
            _("This person is already a founder of the project."), code="already_member"
        )
    project.invitations.filter(
        phone_number=number, status=Invitation.Status.PENDING, expires_at__lte=timezone.now()
    ).update(status=Invitation.Status.DECLINED, responded_at=timezone.now())
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                project=project,
                phone_number=number,
                invited_by=invited_by,
                expires_at=timezone.now() + invitation_lifetime(),
            )
    except IntegrityError:
        raise ValidationError(
            _("This number is already invited."), code="already_invited"
        ) from None
    if project.status == Project.Status.DRAFT:
        Project.objects.filter(pk=project.pk).update(status=Project.Status.FOUNDING)
    _invitation_text(invitation)  # leaves once the invitation is committed (core.outbox)
    return invitation


def _pending_for(*, invitation: Invitation, user) -> Invitation:
    """The invitation, checked: still pending, not expired, addressed to her own number."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.phone_number != user.phone_number:
        raise ValidationError(
            _("This invitation was sent to another phone number."), code="wrong_number"
        )
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationError(_("This invitation was already answered."), code="answered")
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask for a new one."), code="expired")
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> ProjectMember:
    invitation = _pending_for(invitation=invitation, user=user)
    verified_number_require(user)  # the invitation went to a number: she must prove it is hers
    if invitation.project.members.filter(user=user).exists():
        raise ValidationError(
            _("You are already a founder of this project."), code="already_member"
        )
    invitation.status, invitation.responded_at = Invitation.Status.ACCEPTED, timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return ProjectMember.objects.create(project=invitation.project, user=user)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user) -> None:
    invitation = _pending_for(invitation=invitation, user=user)
    invitation.status, invitation.responded_at = Invitation.Status.DECLINED, timezone.now()
    invitation.save(update_fields=["status", "responded_at"])


def founders_needed(project: Project) -> int:
    return _founders_needed(project)


def recommendations_record(*, learner, course_key) -> int:
    """After a course: note the ideas recommended to her (for statistics); returns how many."""
    from .selectors import ideas_for_courses

    ideas = list(ideas_for_courses([course_key], learner.region))
    for idea in ideas:
        idea_event_record(idea=idea, kind=IdeaEvent.Kind.RECOMMEND, user=learner)
    return len(ideas)
