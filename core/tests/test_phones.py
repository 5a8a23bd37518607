"""Phone numbers as people type them: letters and other signs are refused, Arabic digits read."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from core.phones import normalise_phone_number


@pytest.mark.parametrize(
    "typed",
    [
        "+2126abcdefgh",
        "06ABCDEFGH",
        "0612 34 56 7a",
        "+212 6 CALL ME 1",
        "0612345678; DROP",
        "06/12/34/56/78",
        "06_12_34_56_78",
        "tel:0612345678",
    ],
)
def test_a_number_with_letters_or_other_signs_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        normalise_phone_number(typed)
    assert error.value.code == "invalid_phone"
    assert error.value.params == {"number": typed}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("٠٦١٢٣٤٥٦٧٨", "+212612345678"),
        ("٠٦ ١٢ ٣٤ ٥٦ ٧٨", "+212612345678"),
        ("+٢١٢٦١٢٣٤٥٦٧٨", "+212612345678"),
        ("۰۷۱۲۳۴۵۶۷۸", "+212712345678"),
        ("(0612) 34.56.78", "+212612345678"),
        ("06.12.34.56.78", "+212612345678"),
        ("+212 (6) 12-34-56-78", "+212612345678"),
        ("\u00a006 12 34 56 78", "+212612345678"),
    ],
)
def test_arabic_indic_digits_and_usual_separators_are_read(typed, expected):
    assert normalise_phone_number(typed) == expected


def test_signing_up_with_letters_in_the_number_makes_no_account(client, db):
    response = client.post(
        "/en/signup/",
        {
            "phone_number": "+2126abcdefgh",
            "pin": "2468",
            "pin_again": "2468",
            "first_name": "Itto",
            "preferred_language": "en",
            "consent": "on",
        },
    )
    assert response.status_code == 200
    assert "is not a phone number" in response.content.decode()
    assert not get_user_model().objects.exists()
