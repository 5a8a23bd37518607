"""Membership: claim, confirm, refuse, invitations, leaving; a leader sees only her members.

Attacks: ids typed by someone else, a right number with a wrong name (no enumeration), a
struck-off cooperative, unverified numbers, SMS only after commit.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from assessments.services.certificates import certificate_issue
from courses.api import Enrolment
from registry_link.choices import LinkSource, LinkStatus, Role, Status
from registry_link.membership import services
from registry_link.models import ClaimTry, Membership
from registry_link.tests.factories import (
    cooperative_make,
    leaders_group,
    membership_make,
    user_make,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tifawin():
    return cooperative_make(
        name_ar="تعاونية تيفاوين",
        name_latin="Coopérative Tifawin",
        court="Agadir",
        local_number="77",
    )


@pytest.fixture
def fadma(tifawin):
    """The leader of Tifawin."""
    leader = user_make(first_name="Fadma", preferred_language="fr")
    membership_make(cooperative=tifawin, user=leader, role=Role.LEADER)
    return leader


def claim_form(**fields):
    return {"court": "Agadir", "local_number": "77", "name": "cooperative TIFAWIN", **fields}


def leader_url(cooperative) -> str:
    return f"/fr/me/cooperative/{cooperative.public_id}/members/"


# Claim, confirm, refuse ----------------------------------------------------------------------


def test_a_learner_claims_her_cooperative_and_her_leader_confirms_her(
    client, tifawin, fadma, outbox
):
    # given Itto, a verified learner who signed up on her own
    itto = user_make(first_name="Itto")
    client.force_login(itto)
    # when she names her cooperative by number and name (accents and case do not matter)
    page = client.get("/fr/me/cooperative/join/").content.decode()
    assert "data-consent" in page  # she is told what the leader will see
    response = client.post("/fr/me/cooperative/join/", claim_form())
    # then her claim waits, and the leader is told by SMS
    assert response.status_code == 302
    membership = Membership.objects.get(cooperative=tifawin, user=itto)
    assert (membership.status, membership.source) == (LinkStatus.CLAIMED, LinkSource.CLAIM)
    assert (
        "Tifawin" in outbox(fadma.phone_number)[-1]["text"]
        or "تيفاوين" in (outbox(fadma.phone_number)[-1]["text"])
    )
    # when the leader confirms her
    client.force_login(fadma)
    assert f'data-claim="{membership.pk}"' in client.get(leader_url(tifawin)).content.decode()
    client.post(f"{leader_url(tifawin)}{membership.pk}/confirm/")
    # then she is a member, and shows among the members
    membership.refresh_from_db()
    assert (membership.status, membership.decided_by) == (LinkStatus.CONFIRMED, fadma)
    assert f'data-member="{membership.pk}"' in client.get(leader_url(tifawin)).content.decode()


def test_the_leader_refuses_a_claim_and_the_learner_cannot_insist(client, tifawin, fadma):
    itto = user_make()
    membership = services.membership_claim(user=itto, **claim_form())
    client.force_login(fadma)
    client.post(f"{leader_url(tifawin)}{membership.pk}/refuse/")
    membership.refresh_from_db()
    assert membership.status == LinkStatus.REFUSED
    assert f'data-member="{membership.pk}"' not in client.get(leader_url(tifawin)).content.decode()
    with pytest.raises(ValidationError) as error:
        services.membership_claim(user=itto, **claim_form())
    assert error.value.code == "refused_before"


def test_a_leader_never_sees_another_cooperatives_members(client, tifawin, fadma):
    # given another cooperative, its leader and a member
    other = cooperative_make()
    naima = user_make(first_name="Naima")
    membership_make(cooperative=other, user=naima, role=Role.LEADER)
    member = user_make(first_name="Zahra")
    theirs = membership_make(cooperative=other, user=member)
    claim = membership_make(cooperative=other, user=user_make(), status=LinkStatus.CLAIMED)
    client.force_login(fadma)
    # then Fadma gets 404 for their page, and cannot decide their claims, even through her own
    assert client.get(leader_url(other)).status_code == 404
    assert client.post(f"{leader_url(other)}{claim.pk}/confirm/").status_code == 404
    assert client.post(f"{leader_url(tifawin)}{claim.pk}/confirm/").status_code == 404
    claim.refresh_from_db()
    assert claim.status == LinkStatus.CLAIMED
    page = client.get(leader_url(tifawin)).content.decode()
    assert "Zahra" not in page
    assert member.phone_number not in page
    assert f'data-member="{theirs.pk}"' not in page


def test_a_plain_member_or_a_visitor_has_no_leader_page(client, tifawin, fadma):
    member = user_make()
    membership_make(cooperative=tifawin, user=member)
    assert client.get(leader_url(tifawin)).status_code == 302  # to sign in
    client.force_login(member)
    assert client.get(leader_url(tifawin)).status_code == 404
    # nor on the public register page: members' data is never public
    client.logout()
    public = client.get(f"/fr/register/{tifawin.public_id}/").content.decode()
    assert fadma.phone_number not in public
    assert "Fadma" not in public


def test_ids_typed_by_another_learner_answer_404(client, tifawin, fadma):
    itto = user_make()
    invited = services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    intruder = user_make()
    client.force_login(intruder)
    assert client.post(f"/fr/me/cooperative/invitations/{invited.pk}/accept/").status_code == 404
    assert client.post(f"/fr/me/cooperative/{invited.pk}/leave/").status_code == 404
    invited.refresh_from_db()
    assert invited.status == LinkStatus.INVITED


def test_a_member_leaves_and_her_leader_sees_nothing_more(client, tifawin, fadma):
    itto = user_make(first_name="Itto")
    membership = membership_make(cooperative=tifawin, user=itto)
    client.force_login(itto)
    client.post(f"/fr/me/cooperative/{membership.pk}/leave/")
    client.force_login(fadma)
    assert "Itto" not in client.get(leader_url(tifawin)).content.decode()


# Attacks on the claim ------------------------------------------------------------------------


def test_a_right_number_with_a_wrong_name_says_the_same_as_an_unknown_number(client, tifawin):
    client.force_login(user_make())
    wrong_name = client.post("/fr/me/cooperative/join/", claim_form(name="Coopérative Amal"))
    unknown = client.post("/fr/me/cooperative/join/", claim_form(local_number="78"))
    assert wrong_name.status_code == unknown.status_code == 200
    errors = [
        form.non_field_errors() for form in (wrong_name.context["form"], unknown.context["form"])
    ]
    assert errors[0] == errors[1]
    assert errors[0]
    assert not Membership.objects.filter(cooperative=tifawin).exists()


def test_guessing_numbers_stops_after_five_tries_in_an_hour(tifawin):
    itto = user_make()
    for number in range(100, 105):
        with pytest.raises(ValidationError):
            services.membership_claim(user=itto, **claim_form(local_number=str(number)))
    # even the right number and name are refused now, and the tries survive a rollback
    with pytest.raises(ValidationError) as error:
        services.membership_claim(user=itto, **claim_form())
    assert error.value.code == "too_many_tries"
    assert ClaimTry.objects.filter(user=itto, succeeded=False).count() == 5


def test_a_struck_off_cooperative_takes_no_members(tifawin, fadma):
    tifawin.status = Status.STRUCK_OFF
    tifawin.save()
    with pytest.raises(ValidationError) as error:
        services.membership_claim(user=user_make(), **claim_form())
    assert error.value.code == "cooperative_inactive"
    with pytest.raises(ValidationError):
        services.membership_invite(cooperative=tifawin, leader=fadma, user=user_make())


def test_an_unverified_number_cannot_claim_nor_accept(tifawin, fadma):
    itto = user_make(phone_verified_at=None)
    with pytest.raises(ValidationError) as error:
        services.membership_claim(user=itto, **claim_form())
    assert error.value.code == "phone_unverified"
    invited = services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    with pytest.raises(ValidationError) as error:
        services.invitation_answer(user=itto, membership_id=invited.pk, accept=True)
    assert error.value.code == "phone_unverified"


def test_staff_cannot_be_pulled_into_a_cooperative(tifawin, fadma, outbox):
    staff = user_make(is_staff=True)
    invited = services.membership_invite(cooperative=tifawin, leader=fadma, user=staff)
    assert outbox(staff.phone_number) == []
    with pytest.raises(ValidationError):
        services.invitation_answer(user=staff, membership_id=invited.pk, accept=True)


def test_someone_who_is_not_the_leader_cannot_decide_or_invite(tifawin, fadma):
    member = user_make()
    membership_make(cooperative=tifawin, user=member)
    claim = services.membership_claim(user=user_make(), **claim_form())
    with pytest.raises(PermissionDenied):
        services.claim_decide(
            cooperative=tifawin, leader=member, membership_id=claim.pk, confirm=True
        )
    with pytest.raises(PermissionDenied):
        services.membership_invite(cooperative=tifawin, leader=member, user=user_make())


def test_a_claim_already_answered_is_not_answered_twice(tifawin, fadma):
    claim = services.membership_claim(user=user_make(), **claim_form())
    services.claim_decide(cooperative=tifawin, leader=fadma, membership_id=claim.pk, confirm=True)
    with pytest.raises(ValidationError) as error:
        services.claim_decide(
            cooperative=tifawin, leader=fadma, membership_id=claim.pk, confirm=False
        )
    assert error.value.code == "already_decided"
    claim.refresh_from_db()
    assert claim.status == LinkStatus.CONFIRMED


# Invitations ---------------------------------------------------------------------------------


def test_the_invitation_sms_leaves_only_after_commit(tifawin, fadma, outbox):
    itto = user_make(preferred_language="fr")

    def invite_then_fail():
        with transaction.atomic():
            services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
            raise RuntimeError  # something later in the same request fails: all is undone

    with pytest.raises(RuntimeError):
        invite_then_fail()
    assert outbox(itto.phone_number) == []
    assert not Membership.objects.filter(user=itto).exists()
    services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    [sms] = outbox(itto.phone_number)
    assert "Fadma" in sms["text"]


def test_she_accepts_the_invitation_from_her_page(client, tifawin, fadma):
    itto = user_make()
    invited = services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    client.force_login(itto)
    assert "data-cooperative-invitation" in client.get("/fr/me/").content.decode()
    client.post(f"/fr/me/cooperative/invitations/{invited.pk}/accept/")
    invited.refresh_from_db()
    assert invited.status == LinkStatus.CONFIRMED


def test_an_old_invitation_has_expired(tifawin, fadma):
    itto = user_make()
    invited = services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    Membership.objects.filter(pk=invited.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=services.INVITATION_DAYS + 1)
    )
    with pytest.raises(ValidationError) as error:
        services.invitation_answer(user=itto, membership_id=invited.pk, accept=True)
    assert error.value.code == "expired"


def test_someone_who_declined_is_not_texted_again(tifawin, fadma, outbox):
    itto = user_make()
    invited = services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    services.invitation_answer(user=itto, membership_id=invited.pk, accept=False)
    services.membership_invite(cooperative=tifawin, leader=fadma, user=itto)
    assert len(outbox(itto.phone_number)) == 1


# The leader's page: members' training, in a fixed number of queries ---------------------------


def _member_with_training(cooperative, course_key):
    member = user_make()
    membership_make(cooperative=cooperative, user=member)
    Enrolment.objects.create(learner=member, course_key=course_key, completed_at=timezone.now())
    certificate_issue(learner=member, course_key=course_key)
    return member


def test_the_leader_sees_courses_completion_and_certificates(
    client, tifawin, fadma, demo_academy, django_assert_max_num_queries
):
    course_key = Page.objects.filter(slug="founding-a-cooperative").first().translation_key
    member = _member_with_training(tifawin, course_key)
    client.force_login(fadma)
    page = client.get(leader_url(tifawin)).content.decode()
    certificate = member.certificates.get()
    assert f"/verify/{certificate.code}/" in page
    assert "<progress" in page
    # and the number of queries does not grow with the number of members
    with django_assert_max_num_queries(40) as few:
        client.get(leader_url(tifawin))
    for _ in range(5):
        _member_with_training(tifawin, course_key)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(leader_url(tifawin))
    assert response.content.decode().count("data-certificate") == 6


# Staff appoint a leader ----------------------------------------------------------------------


def test_staff_appoint_a_leader_who_then_may_register_members(tifawin):
    from django.contrib.auth.models import Permission

    staff = user_make(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_membership"))
    staff = type(staff).objects.get(pk=staff.pk)
    khadija = user_make()
    leaders_group()
    services.leader_appoint(cooperative=tifawin, user=khadija, appointed_by=staff)
    membership = Membership.objects.get(cooperative=tifawin, user=khadija)
    assert membership.is_leader
    assert type(khadija).objects.get(pk=khadija.pk).has_perm("academy.register_members")
    with pytest.raises(PermissionDenied):
        services.leader_appoint(cooperative=tifawin, user=user_make(), appointed_by=khadija)


@pytest.mark.parametrize(
    "typed", ["تعاونيه  تيفاوين", "COOPERATIVE tifawin", "Coopérative-Tifawin"]
)
def test_the_name_matches_as_people_type_it(tifawin, fadma, typed):
    membership = services.membership_claim(user=user_make(), **claim_form(name=typed))
    assert membership.status == LinkStatus.CLAIMED


def test_the_leader_invites_a_member_by_her_number_from_her_page(client, tifawin, fadma, outbox):
    itto = user_make(phone="+212661234500", preferred_language="fr")
    client.force_login(fadma)
    client.post(f"{leader_url(tifawin)}invite/", {"phone_number": "06 61 23 45 00"})
    assert Membership.objects.get(user=itto).status == LinkStatus.INVITED
    assert len(outbox(itto.phone_number)) == 1
    # a number without an account: she is told to register her, nothing is sent
    response = client.post(
        f"{leader_url(tifawin)}invite/", {"phone_number": "0661234501"}, follow=True
    )
    from django.utils import translation
    from django.utils.html import escape

    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        told = escape(
            translation.gettext(
                "This number has no account yet: register her, and give her the code."
            )
        )
    assert told in response.content.decode()
    assert outbox("+212661234501") == []
    # and she cannot invite into a cooperative she does not lead
    other = cooperative_make()
    response = client.post(f"{leader_url(other)}invite/", {"phone_number": "0661234500"})
    assert response.status_code == 404
    assert not Membership.objects.filter(cooperative=other).exists()


def test_asking_and_leaving_again_and_again_does_not_flood_the_leader(tifawin, fadma, outbox):
    itto = user_make()
    for _ in range(services.CLAIM_TRIES_PER_HOUR * 2):
        membership = services.membership_claim(user=itto, **claim_form())
        services.membership_leave(user=itto, membership_id=membership.pk)
    with pytest.raises(ValidationError) as error:
        services.membership_claim(user=itto, **claim_form())
    assert error.value.code == "too_many_tries"
    assert len(outbox(fadma.phone_number)) == services.CLAIM_TRIES_PER_HOUR * 2
