"""Dates read day first in every language, as the certificate PDF prints them."""

import datetime

import pytest
from django.utils import formats, translation

from core.languages import LANGUAGES

DAY = datetime.date(2026, 12, 7)


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_the_short_date_puts_the_day_first(code):
    with translation.override(code):
        shown = formats.date_format(DAY, "SHORT_DATE_FORMAT")
    digits = "".join(ch for ch in shown if ch.isdigit() or ch == "/")
    assert digits == "07/12/2026"


@pytest.mark.parametrize("code", ["shi", "tzm", "rif", "zgh", "en"])
def test_a_typed_date_is_read_day_first(code):
    with translation.override(code):
        parsed = [
            datetime.datetime.strptime("07/12/2026", fmt).date()
            for fmt in formats.get_format("DATE_INPUT_FORMATS")
            if fmt.startswith("%d/%m/%Y")
        ]
    assert parsed == [DAY]
