"""Permissions are read in one query, from her own and her groups', fresh on each request."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_her_own_and_her_groups_permissions_come_in_one_query():
    user = get_user_model().objects.create(phone_number="+212661000901", first_name="Hadda")
    leaders = Group.objects.create(name="Test leaders")
    leaders.permissions.add(Permission.objects.get(codename="register_members"))
    user.groups.add(leaders)
    user.user_permissions.add(Permission.objects.get(codename="manage_cohorts"))
    user = fresh(user)
    with CaptureQueriesContext(connection) as captured:
        assert user.has_perm("academy.register_members")
        assert user.has_perm("academy.manage_cohorts")
        assert not user.has_perm("academy.view_user")
    assert len(captured) == 1


def test_a_permission_taken_away_is_gone_on_her_next_request(client):
    user = get_user_model().objects.create(phone_number="+212661000902", first_name="Itto")
    leaders = Group.objects.create(name="Test leaders")
    leaders.permissions.add(Permission.objects.get(codename="register_members"))
    user.groups.add(leaders)
    client.force_login(user)
    assert 'href="/ar/me/members/"' in client.get("/ar/me/").content.decode()
    user.groups.remove(leaders)
    assert 'href="/ar/me/members/"' not in client.get("/ar/me/").content.decode()


def test_an_inactive_user_has_no_permission():
    user = get_user_model().objects.create(
        phone_number="+212661000903", first_name="Fadma", is_active=False
    )
    user.user_permissions.add(Permission.objects.get(codename="manage_cohorts"))
    assert not fresh(user).has_perm("academy.manage_cohorts")
