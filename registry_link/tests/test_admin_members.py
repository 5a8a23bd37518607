"""Staff appoint a cooperative's leader in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Permission

from registry_link.models import Membership
from registry_link.tests.factories import cooperative_make, leaders_group, user_make

pytestmark = pytest.mark.django_db
URL = "/admin/cooperative-leaders/appoint/"


def test_staff_appoint_a_leader_from_the_admin(client):
    leaders_group()
    tifawin = cooperative_make(court="Agadir", local_number="12")
    khadija = user_make(phone="+212600000909")
    client.force_login(user_make(is_staff=True, is_superuser=True))
    assert client.get(URL).status_code == 200
    form = {"court": "Agadir", "local_number": "12", "phone_number": "06 00 00 09 09"}
    response = client.post(URL, form)
    assert response.status_code == 302
    assert Membership.objects.get(cooperative=tifawin, user=khadija).is_leader


def test_an_unknown_number_or_cooperative_is_refused_with_a_reason(client):
    cooperative_make(court="Agadir", local_number="12")
    client.force_login(user_make(is_staff=True, is_superuser=True))
    unknown = client.post(
        URL, {"court": "Agadir", "local_number": "13", "phone_number": "0600000909"}
    )
    assert unknown.context["form"].has_error("__all__", "unknown")
    nobody = client.post(
        URL, {"court": "Agadir", "local_number": "12", "phone_number": "0600000908"}
    )
    assert nobody.context["form"].has_error("__all__", "no_account")


def test_staff_without_the_permission_cannot_appoint(client):
    staff = user_make(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    tifawin = cooperative_make(court="Agadir", local_number="12")
    client.force_login(staff)
    assert client.get(URL).status_code != 200  # Wagtail sends her back to the admin's home
    client.post(URL, {"court": "Agadir", "local_number": "12", "phone_number": staff.phone_number})
    assert not Membership.objects.filter(cooperative=tifawin).exists()
