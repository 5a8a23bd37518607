import pytest
from django.core.exceptions import ValidationError

from academy.pins import validate_pin
from core.phones import display_phone_number, normalise_phone_number


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0612345678", "+212612345678"),
        ("06 12 34 56 78", "+212612345678"),
        ("06-12-34-56-78", "+212612345678"),
        ("+212 6 12 34 56 78", "+212612345678"),
        ("+212612345678", "+212612345678"),
        ("00212612345678", "+212612345678"),
        ("0712345678", "+212712345678"),
        (" 07 12 34 56 78 ", "+212712345678"),
    ],
)
def test_the_ways_people_type_a_mobile_number(typed, expected):
    assert normalise_phone_number(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "invalid_phone"),
        ("hello", "invalid_phone"),
        ("061234", "invalid_phone"),
        ("06123456789012", "invalid_phone"),
        ("0522123456", "landline_phone"),
        ("+212 522 12 34 56", "landline_phone"),
        ("+33612345678", "foreign_phone"),
        ("0033612345678", "foreign_phone"),
    ],
)
def test_numbers_that_are_refused(typed, code):
    with pytest.raises(ValidationError) as error:
        normalise_phone_number(typed)
    assert error.value.code == code


def test_numbers_are_shown_the_national_way():
    assert display_phone_number("+212612345678").replace(" ", "").replace("-", "") == "0612345678"


@pytest.mark.parametrize("pin", ["2468", "13579", "902731", "4826"])
def test_acceptable_pins(pin):
    validate_pin(pin)


@pytest.mark.parametrize(
    ("pin", "code"),
    [
        ("123", "pin_format"),
        ("1234567", "pin_format"),
        ("12a4", "pin_format"),
        ("", "pin_format"),
        ("0000", "pin_common"),
        ("1111", "pin_common"),
        ("1234", "pin_common"),
        ("123456", "pin_common"),
        ("4321", "pin_common"),
        ("98765", "pin_common"),
        ("2580", "pin_common"),
    ],
)
def test_refused_pins(pin, code):
    with pytest.raises(ValidationError) as error:
        validate_pin(pin)
    assert error.value.code == code
