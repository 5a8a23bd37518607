"""A co-founder invitation goes to a number: only an account that proved the number accepts it."""

import re

import pytest

from academy.models import User
from project_bank.models import Invitation, ProjectMember
from project_bank.services import invitation_create, project_adopt

from .factories import idea_make, user_make

pytestmark = pytest.mark.django_db

ITTO = "+212661234567"


def test_an_unverified_account_cannot_accept_a_cofounder_invitation(client, outbox):
    founder = user_make()
    project = project_adopt(idea=idea_make(), user=founder, language_code="fr")
    invitation = invitation_create(project=project, invited_by=founder, phone_number=ITTO)
    itto = User.objects.create_user(ITTO, "2468")  # her code by SMS was never typed
    client.post("/en/signin/", {"phone_number": ITTO, "pin": "2468"})
    response = client.post(f"/en/invitations/{invitation.public_id}/accept/")
    # she is refused, told why, and sent where she confirms her number
    assert response.headers["Location"] == "/en/signup/verify/"
    assert not ProjectMember.objects.filter(project=project, user=itto).exists()
    page = client.get(response.headers["Location"]).content.decode()
    assert "First confirm that this phone number is yours" in page
    client.post("/en/signup/verify/", {"resend": "1"})
    code = re.search(r"\d{6}", outbox()[-1]["text"]).group()
    client.post("/en/signup/verify/", {"code": code})
    client.post(f"/en/invitations/{invitation.public_id}/accept/")
    assert ProjectMember.objects.filter(project=project, user=itto).exists()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.ACCEPTED
