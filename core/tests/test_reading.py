"""The content a learner sees follows the scripts she reads (decision 0043)."""

import pytest
from wagtail.models import Page

from core import reading
from core.content import resolve
from core.languages import reading_chain

LATIN_AND_ARABIC = frozenset({"Latn", "Arab"})


@pytest.mark.parametrize(
    ("code", "reads", "expected"),
    [
        # A Tarifit learner reading Latin and Arabic: Tarifit (Latin), then Darija and Arabic,
        # and Standard Amazigh in Tifinagh only when nothing she reads exists.
        ("rif", LATIN_AND_ARABIC, ("rif", "ary", "ar", "fr", "zgh")),
        ("rif", frozenset({"Arab"}), ("ary", "ar", "rif", "zgh", "fr")),
        ("rif", frozenset({"Tfng"}), ("zgh", "rif", "ary", "ar", "fr")),
        ("rif", frozenset({"Latn"}), ("rif", "fr", "zgh", "ary", "ar")),
        # Said nothing: her interface's script and Arabic.
        ("rif", None, ("rif", "ary", "ar", "fr", "zgh")),
        ("shi", None, ("shi", "zgh", "ary", "ar", "fr")),
        ("shi", frozenset({"Arab"}), ("ary", "ar", "shi", "zgh", "fr")),
        # "I prefer to listen" alone: the closest speech, as the spoken chain has it.
        ("rif", frozenset({"listen"}), ("rif", "zgh", "ary", "ar", "fr")),
        ("rif", frozenset({"listen", "Arab"}), ("ary", "ar", "rif", "zgh", "fr")),
        ("ar", frozenset({"Arab"}), ("ar", "fr")),
        ("en", None, ("en", "fr", "ar")),
    ],
)
def test_the_fallback_chain_puts_first_the_languages_she_can_read(code, reads, expected):
    assert reading_chain(code, reads) == expected


def test_unknown_values_are_ignored_and_nothing_said_is_none():
    assert reading.clean(["Latn", "Cyrl", "<b>"]) == frozenset({"Latn"})
    assert reading.clean([]) is None
    assert reading.clean(None) is None


def test_the_active_reader_sets_the_content_chain_and_is_reset():
    with reading.override(["Tfng"]):
        assert reading.content_chain("rif")[0] == "zgh"
    assert reading.active() is None
    assert reading.content_chain("rif")[0] == "rif"


@pytest.mark.django_db
def test_a_tarifit_lesson_falls_back_to_a_language_she_reads(demo_academy):
    """Only Standard Amazigh (Tifinagh) and Arabic translations exist: she reads Latin and
    Arabic, so she gets Arabic, not Tifinagh; a Tifinagh reader gets Standard Amazigh."""
    source = Page.objects.get(locale__language_code="ar", slug="the-six-steps")
    zgh = Page.objects.get(locale__language_code="zgh", slug="the-six-steps")
    rif = Page.objects.get(locale__language_code="rif", slug="the-six-steps")
    (
        Page.objects.filter(translation_key=source.translation_key)
        .exclude(pk__in=[source.pk, zgh.pk])
        .update(alias_of=source)
    )
    Page.objects.filter(pk=zgh.pk).update(alias_of=None, live=True)
    with reading.override(LATIN_AND_ARABIC):
        assert resolve(rif, "rif").shown.code == "ar"
    with reading.override(["Tfng"]):
        assert resolve(rif, "rif").shown.code == "zgh"
