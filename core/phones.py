"""Moroccan mobile numbers: the ways people type them, normalised to E.164.

Only digits, spaces, ``+``, ``-``, ``.`` and parentheses are accepted: the parser would otherwise
turn letters into keypad digits (``+2126abcdefgh``). Arabic-Indic digits (what an Arabic keyboard
types) are read as the same digits (docs/decisions/0021-spreadsheets-and-uploads-people-send.md).
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOROCCO = "MA"
MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE}
# Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits → 0-9.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
ALLOWED = re.compile(r"^[0-9\s+\-.()]*$")


def _not_a_number(raw: str) -> ValidationError:
    return ValidationError(
        _("“%(number)s” is not a phone number."), code="invalid_phone", params={"number": raw}
    )


def normalise_phone_number(raw: str) -> str:
    """Return ``raw`` as an E.164 Moroccan mobile number, or raise a translated ValidationError.

    Accepts ``06 12 34 56 78``, ``0612-345678``, ``+212 6 12 34 56 78``, ``00212612345678``,
    ``(0612) 34.56.78`` and the same in Arabic-Indic digits; refuses letters and other signs.
    """
    text = (raw or "").strip().translate(DIGITS)
    if not ALLOWED.match(text):
        raise _not_a_number(raw)
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, MOROCCO)
    except phonenumbers.NumberParseException:
        raise _not_a_number(raw) from None
    if not phonenumbers.is_valid_number(number):
        raise _not_a_number(raw)
    if number.country_code != phonenumbers.country_code_for_region(MOROCCO):
        raise ValidationError(
            _("Please use a Moroccan mobile number (starting with 06 or 07)."), code="foreign_phone"
        )
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise ValidationError(
            _("This is a landline number. Please use a mobile number (06 or 07)."),
            code="landline_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone_number(e164: str) -> str:
    """The national way of writing a number, for people: ``06 12 34 56 78``."""
    number = phonenumbers.parse(e164, MOROCCO)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def phone_number_verified(user) -> bool:
    """Whether ``user`` proved she owns her number (she typed a code sent to it by SMS).

    The one check for everything that depends on owning the number: accepting an invitation
    sent to it, receiving a certificate, being linked to a cooperative, ordering. Apps below
    ``academy`` read it here; the others use ``academy.api``.
    """
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "phone_verified_at", None)
    )
