"""Runs of the other direction are isolated (decision 0043): sizes, URLs, interface words."""

import pytest
from django.contrib.auth.models import Group
from django.template import Context, Template
from django.utils import translation

from academy.models import User
from academy.roles import LEADERS


def _render(source: str, **context) -> str:
    return Template("{% load bidi sizes %}" + source).render(Context(context))


def test_a_size_is_isolated_so_its_unit_stays_beside_its_number():
    with translation.override("rif"):
        assert _render("≈ {{ size|data_size }}", size=137216) == (
            '≈ <bdi class="data-size">134,0 KB</bdi>'
        )


def test_interface_words_carry_the_interface_language_and_direction():
    with translation.override("rif"):
        assert _render("<p{% ui_attrs %}>") == '<p lang="rif" dir="ltr">'
    with translation.override("ar"):
        assert _render("<p{% ui_attrs %}>") == '<p lang="ar" dir="rtl">'
    assert _render("<p{% lang_attrs code %}>", code="ary") == '<p lang="ary" dir="rtl">'
    assert _render("<p{% lang_attrs code %}>", code="<x>") == '<p lang="ar" dir="rtl">'


@pytest.mark.django_db
def test_the_activation_address_reads_left_to_right_in_an_arabic_sentence(client):
    leader = User.objects.create_user("+212600000101", "8461", first_name="Khadija")
    leader.groups.add(Group.objects.get(name=LEADERS))
    client.force_login(leader)
    fields = {"phone_number": "06 11 22 33 44", "first_name": "Itto", "preferred_language": "ar"}
    html = client.post("/ar/me/members/new/", fields).content.decode()
    assert '<bdi dir="ltr">http://testserver/ar/activate/</bdi>' in html
