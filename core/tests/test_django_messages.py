"""Django's own messages a learner meets are said in her language, not in Arabic."""

import datetime

import pytest
from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import formats, translation

from core.languages import LANGUAGES

AMAZIGH_AND_DARIJA = ("ary", "shi", "tzm", "rif", "zgh")


class _Form(forms.Form):
    age = forms.IntegerField()


def _said(code: str) -> tuple[str, str, str]:
    with translation.override(code):
        form = _Form({"age": ""})
        form.is_valid()
        return (
            str(form.errors["age"][0]),
            str(filesizeformat(2048)),
            formats.date_format(datetime.date(2026, 12, 7), "DATE_FORMAT"),
        )


@pytest.mark.parametrize("code", AMAZIGH_AND_DARIJA)
def test_form_errors_sizes_and_month_names_are_in_her_language(code):
    arabic, english = _said("ar"), _said("en")
    said = _said(code)
    for what, hers, ar, en in zip(("error", "size", "date"), said, arabic, english, strict=True):
        if what == "size" and code == "ary":
            continue  # Darija may well write sizes as Arabic does
        assert hers != ar, f"{code} {what} falls back to Arabic: {hers!r}"
        assert hers != en, f"{code} {what} is in English: {hers!r}"


def test_every_language_has_them():
    assert {language.code for language in LANGUAGES} >= set(AMAZIGH_AND_DARIJA)
