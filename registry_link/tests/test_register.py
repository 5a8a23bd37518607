"""The register mirror: numbers scoped by court, a history of changes, what the public sees."""

import pytest
from django.db import IntegrityError, transaction

from registry_link.choices import Role, Status
from registry_link.selectors import cooperatives_led_by, is_leader_of

from .factories import cooperative_make, membership_make, user_make

pytestmark = pytest.mark.django_db


def test_a_number_is_unique_within_its_court_only():
    cooperative_make(court="Agadir", local_number="123")
    cooperative_make(court="Taroudant", local_number="123")  # another court, another cooperative
    with pytest.raises(IntegrityError), transaction.atomic():
        cooperative_make(court="Agadir", local_number="123")


def test_a_cooperative_needs_a_name_and_consistent_counts():
    with pytest.raises(IntegrityError), transaction.atomic():
        cooperative_make(name_ar="", name_latin="", name_tfng="")
    with pytest.raises(IntegrityError), transaction.atomic():
        cooperative_make(members_count=5, women_count=6)


def test_every_change_is_kept_in_the_history():
    cooperative = cooperative_make(members_count=7)
    cooperative.members_count = 9
    cooperative.status = Status.LIQUIDATION
    cooperative.save()
    history = list(cooperative.history.order_by("history_date"))
    assert [(h.members_count, h.status) for h in history] == [
        (7, Status.ACTIVE),
        (9, Status.LIQUIDATION),
    ]


def test_the_public_page_shows_an_active_cooperative_and_hides_the_others(client):
    cooperative = cooperative_make(name_latin="Coopérative Tifawin", address="Douar Imi")
    member = user_make(first_name="Fadma")
    membership_make(cooperative=cooperative, user=member)
    page = client.get(cooperative.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "Coopérative Tifawin" in text
    assert "Douar Imi" in text
    assert "Fadma" not in text
    assert member.phone_number not in text
    cooperative.status = Status.STRUCK_OFF
    cooperative.save()
    assert client.get(cooperative.get_absolute_url()).status_code == 404


def test_a_leader_leads_only_her_own_cooperative():
    ours, theirs = cooperative_make(), cooperative_make()
    leader = user_make()
    membership_make(cooperative=ours, user=leader, role=Role.LEADER)
    membership_make(cooperative=theirs, user=leader, role=Role.MEMBER)
    assert list(cooperatives_led_by(user=leader)) == [ours]
    assert is_leader_of(user=leader, cooperative=ours)
    assert not is_leader_of(user=leader, cooperative=theirs)


def test_the_provinces_page_counts_its_active_cooperatives_by_sector(client):
    tiznit = "09.581"
    for sector in ("argan", "argan", "agriculture"):
        cooperative_make(sector=sector, province_id=tiznit)
    cooperative_make(sector="argan", province_id=tiznit, status=Status.STRUCK_OFF)
    cooperative_make(sector="argan", province_id="09.001")  # another province
    page = client.get(f"/en/territories/{tiznit}/").content.decode()
    assert 'data-figure="cooperatives-argan" data-value="2"' in page
    assert 'data-figure="cooperatives-agriculture" data-value="1"' in page
