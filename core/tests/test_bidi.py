"""Runs of the other direction are isolated (decision 0043): sizes, URLs, interface words."""

from django.template import Context, Template
from django.utils import translation


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
