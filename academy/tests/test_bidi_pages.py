"""A URL in a sentence of the other direction reads left to right, whole (decision 0043)."""

import pytest
from django.contrib.auth.models import Group

from academy.models import User
from academy.roles import LEADERS


@pytest.mark.django_db
def test_the_activation_address_reads_left_to_right_in_an_arabic_sentence(client):
    leader = User.objects.create_user("+212600000101", "8461", first_name="Khadija")
    leader.groups.add(Group.objects.get(name=LEADERS))
    client.force_login(leader)
    fields = {"phone_number": "06 11 22 33 44", "first_name": "Itto", "preferred_language": "ar"}
    html = client.post("/ar/me/members/new/", fields).content.decode()
    assert '<bdi dir="ltr">http://testserver/ar/activate/</bdi>' in html
