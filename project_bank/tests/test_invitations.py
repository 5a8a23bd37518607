from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from project_bank.services import (
    founders_needed,
    invitation_accept,
    invitation_create,
    invitation_decline,
    project_adopt,
)

from .factories import idea_make, user_make


@pytest.fixture
def project(db):
    return project_adopt(idea=idea_make(), user=user_make(), language_code="ar")


def owner_of(project):
    return project.members.get(is_owner=True).user


def test_the_invited_number_accepts_and_founders_needed_goes_down(project, settings):
    friend = user_make(phone="+212612300001")
    assert founders_needed(project) == 4  # 5 needed, she is the first
    invitation = invitation_create(
        project=project, invited_by=owner_of(project), phone_number="06 12 30 00 01"
    )
    invitation_accept(invitation=invitation, user=friend)
    assert founders_needed(project) == 3
    assert project.members.filter(user=friend).exists()


def test_founders_needed_follows_the_setting(db, settings):
    settings.COOPERATIVE_MIN_FOUNDERS = 7
    project = project_adopt(idea=idea_make(), user=user_make(), language_code="ar")
    assert founders_needed(project) == 6


def test_someone_else_cannot_accept_an_invitation(project):
    invitation = invitation_create(
        project=project, invited_by=owner_of(project), phone_number="0612300002"
    )
    intruder = user_make(phone="+212612300003")
    with pytest.raises(ValidationError) as refused:
        invitation_accept(invitation=invitation, user=intruder)
    assert refused.value.code == "wrong_number"
    assert not project.members.filter(user=intruder).exists()


def test_an_expired_invitation_cannot_be_accepted(project):
    invitation = invitation_create(
        project=project, invited_by=owner_of(project), phone_number="0612300004"
    )
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    with pytest.raises(ValidationError) as refused:
        invitation_accept(invitation=invitation, user=user_make(phone="+212612300004"))
    assert refused.value.code == "expired"


def test_a_member_cannot_be_invited_again(project):
    with pytest.raises(ValidationError) as refused:
        invitation_create(
            project=project,
            invited_by=owner_of(project),
            phone_number=owner_of(project).phone_number,
        )
    assert refused.value.code == "already_member"


def test_an_answered_invitation_cannot_be_answered_again(project):
    friend = user_make(phone="+212612300005")
    invitation = invitation_create(
        project=project, invited_by=owner_of(project), phone_number="0612300005"
    )
    invitation_decline(invitation=invitation, user=friend)
    with pytest.raises(ValidationError) as refused:
        invitation_accept(invitation=invitation, user=friend)
    assert refused.value.code == "answered"


def test_the_same_number_is_not_invited_twice_at_once(project):
    invitation_create(project=project, invited_by=owner_of(project), phone_number="0612300006")
    with pytest.raises(ValidationError) as refused:
        invitation_create(
            project=project, invited_by=owner_of(project), phone_number="+212612300006"
        )
    assert refused.value.code == "already_invited"


def test_only_members_invite(project):
    with pytest.raises(PermissionDenied):
        invitation_create(project=project, invited_by=user_make(), phone_number="0612300007")


def test_a_wrong_number_is_refused(project):
    with pytest.raises(ValidationError):
        invitation_create(project=project, invited_by=owner_of(project), phone_number="12")


def test_the_invitee_gets_an_sms_and_sees_the_invitation_on_her_dashboard(
    project, outbox, client, django_capture_on_commit_callbacks
):
    friend = user_make(phone="+212612300009", preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invitation_create(
            project=project, invited_by=owner_of(project), phone_number="+212612300009"
        )
    (sms,) = outbox(to=friend.phone_number)
    assert project.name in sms["text"]
    assert "http://testserver/fr/projects/" in sms["text"]  # her language, the page to answer
    client.force_login(friend)
    dashboard = client.get("/fr/me/").content.decode()
    assert f"/invitations/{invitation.public_id}/accept/" in dashboard


def test_an_invitation_that_fails_sends_no_sms(project, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(project=project, invited_by=owner_of(project), phone_number="0612300010")
        with pytest.raises(ValidationError):
            invitation_create(
                project=project, invited_by=owner_of(project), phone_number="0612300010"
            )
    assert len(outbox(to="+212612300010")) == 1
