"""Members a leader registers herself: linked to her cooperative; a number that already has an
account becomes an invitation by SMS (no more "sign in" told to the leader)."""

import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import connection

from registry_link.choices import LinkSource, LinkStatus, Role
from registry_link.membership import services
from registry_link.models import Membership
from registry_link.tests.factories import (
    cooperative_make,
    leaders_group,
    membership_make,
    user_make,
)

ITTO = "+212611223344"


def leader_of(cooperative, **fields):
    leader = user_make(first_name="Fadma", **fields)
    leader.groups.add(leaders_group())
    membership_make(cooperative=cooperative, user=leader, role=Role.LEADER)
    return leader


def register(client, phone="06 11 22 33 44"):
    return client.post("/fr/me/members/new/", {"phone_number": phone, "first_name": "Itto"})


@pytest.mark.django_db
def test_a_member_the_leader_registers_is_linked_to_her_cooperative(client):
    tifawin = cooperative_make()
    client.force_login(leader_of(tifawin))
    response = register(client)
    assert response.status_code == 200
    membership = Membership.objects.get(user__phone_number=ITTO)
    assert (membership.cooperative, membership.status, membership.source) == (
        tifawin,
        LinkStatus.CONFIRMED,
        LinkSource.REGISTERED,
    )


@pytest.mark.django_db
def test_a_number_with_an_account_becomes_an_invitation_by_sms(client, outbox):
    # given Itto, who signed up on her own, and the leader of her cooperative
    tifawin = cooperative_make()
    itto = user_make(phone=ITTO, first_name="Itto", preferred_language="fr")
    client.force_login(leader_of(tifawin))
    # when the leader registers her number
    response = register(client)
    # then the page says she was invited (not "sign in"), and Itto gets an SMS
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sign in" not in page
    assert "Connectez" not in page
    assert response.context["invitations"][0].invited_to == tifawin.name
    assert response.context["registrations"] == []
    membership = Membership.objects.get(user=itto)
    assert (membership.status, membership.source) == (LinkStatus.INVITED, LinkSource.INVITATION)
    [sms] = outbox(ITTO)
    assert "Fadma" in sms["text"]
    # and nothing of her profile is shown to the leader
    assert "Itto" not in page.replace('value="Itto"', "")


@pytest.mark.django_db
def test_a_registrar_without_a_cooperative_is_not_told_to_sign_in(client):
    user_make(phone=ITTO)
    trainer = user_make()
    trainer.user_permissions.add(Permission.objects.get(codename="register_members"))
    client.force_login(trainer)
    response = register(client)
    [error] = response.context["form"].errors["phone_number"]
    assert "Sign in" not in error
    assert response.context["form"].has_error("phone_number", "duplicate_phone")


@pytest.mark.django_db
def test_a_leader_of_two_cooperatives_links_nobody_by_guess(client):
    first, second = cooperative_make(), cooperative_make()
    leader = leader_of(first)
    membership_make(cooperative=second, user=leader, role=Role.LEADER)
    client.force_login(leader)
    register(client)
    assert not Membership.objects.filter(user__phone_number=ITTO).exists()


@pytest.mark.django_db(transaction=True)
def test_two_leaders_confirming_at_once_decide_once(geography):
    # given a cooperative with two leaders and a claim
    tifawin = cooperative_make()
    leaders = [leader_of(tifawin), leader_of(tifawin)]
    claim = membership_make(cooperative=tifawin, user=user_make(), status=LinkStatus.CLAIMED)
    barrier, outcomes = threading.Barrier(2), []

    def decide(leader, confirm):
        try:
            barrier.wait()
            services.claim_decide(
                cooperative=tifawin, leader=leader, membership_id=claim.pk, confirm=confirm
            )
            outcomes.append("decided")
        except Exception as error:
            outcomes.append(getattr(error, "code", repr(error)))
        finally:
            connection.close()

    # when both answer at the same moment, one yes and one no
    threads = [
        threading.Thread(target=decide, args=(leader, confirm))
        for leader, confirm in zip(leaders, (True, False), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then one decided, the other was told it was already answered
    assert sorted(outcomes) == ["already_decided", "decided"]
    claim.refresh_from_db()
    assert claim.status in (LinkStatus.CONFIRMED, LinkStatus.REFUSED)
    assert claim.decided_by in leaders
