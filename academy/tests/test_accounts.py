import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from academy import services
from academy.models import OneTimeCode, User
from academy.otp import otp_create, otp_use

pytestmark = pytest.mark.django_db

NUMBER = "+212661234567"
SIGN_UP = {
    "phone_number": "0661 23 45 67",
    "pin": "2468",
    "pin_again": "2468",
    "first_name": "Itto",
    "preferred_language": "shi",
    "consent": "on",
    "gender": "woman",
}


def last_code(outbox) -> str:
    return re.search(r"\d{6}", outbox()[-1]["text"]).group()


def test_sign_up_verify_and_land_on_the_dashboard(client, outbox):
    response = client.post("/shi/signup/", SIGN_UP)
    assert response.status_code == 302
    assert outbox()[-1]["to"] == NUMBER
    user = User.objects.get(phone_number=NUMBER)
    assert user.check_password("2468")
    assert user.preferred_language == "shi"
    assert user.email == ""
    response = client.post("/shi/signup/verify/", {"code": last_code(outbox)})
    assert response.headers["Location"] == "/shi/me/"
    user.refresh_from_db()
    assert user.phone_verified_at is not None
    assert client.get("/shi/me/").status_code == 200


def test_pins_that_differ_or_are_common_are_refused(client, outbox):
    response = client.post("/en/signup/", {**SIGN_UP, "pin": "1234", "pin_again": "1234"})
    assert "too easy to guess" in response.content.decode()
    response = client.post("/en/signup/", {**SIGN_UP, "pin_again": "2469"})
    assert "The two PINs differ" in response.content.decode()
    assert not User.objects.filter(phone_number=NUMBER).exists()


def test_a_code_works_once():
    code = otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY)
    otp_use(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY, code=code)
    with pytest.raises(ValidationError) as error:
        otp_use(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY, code=code)
    assert error.value.code == "otp_invalid"


def test_an_expired_code_is_refused():
    code = otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.RESET)
    OneTimeCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError):
        otp_use(phone_number=NUMBER, purpose=OneTimeCode.Purpose.RESET, code=code)


def test_a_new_code_replaces_the_old_one():
    old = otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY)
    otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY)
    with pytest.raises(ValidationError):
        otp_use(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY, code=old)


def test_guessing_a_code_stops_after_five_tries():
    code = otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _attempt in range(5):
        with pytest.raises(ValidationError):
            otp_use(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY, code=wrong)
    with pytest.raises(ValidationError):
        otp_use(phone_number=NUMBER, purpose=OneTimeCode.Purpose.VERIFY, code=code)


def test_codes_are_rate_limited_per_number(settings):
    for _sent in range(settings.OTP_MAX_PER_NUMBER_PER_HOUR):
        otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.RESET)
    with pytest.raises(ValidationError) as error:
        otp_create(phone_number=NUMBER, purpose=OneTimeCode.Purpose.RESET)
    assert error.value.code == "otp_rate_number"


def test_codes_are_rate_limited_per_address(settings):
    settings.OTP_MAX_PER_ADDRESS_PER_HOUR = 2
    otp_create(phone_number="+212661000001", purpose="reset", ip="10.1.2.3")
    otp_create(phone_number="+212661000002", purpose="reset", ip="10.1.2.3")
    with pytest.raises(ValidationError) as error:
        otp_create(phone_number="+212661000003", purpose="reset", ip="10.1.2.3")
    assert error.value.code == "otp_rate_address"


def test_codes_are_stored_hashed(outbox):
    services.learner_sign_up(phone_number=NUMBER, pin="2468")
    code = last_code(outbox)
    assert not OneTimeCode.objects.filter(code_hash__contains=code).exists()


def test_pin_reset_by_sms(client, outbox):
    services.learner_sign_up(phone_number=NUMBER, pin="2468")
    client.post("/ar/pin/forgot/", {"phone_number": "0661234567"})
    response = client.post(
        "/ar/pin/reset/", {"phone_number": "0661234567", "code": last_code(outbox), "pin": "8642"}
    )
    assert response.status_code == 302
    assert User.objects.get(phone_number=NUMBER).check_password("8642")


def test_unknown_number_asking_for_a_reset_learns_nothing(client, outbox):
    response = client.post("/ar/pin/forgot/", {"phone_number": "0669999999"})
    assert response.status_code == 302
    assert outbox() == []


def test_wrong_pins_lock_the_account_with_a_translated_wait_message(client):
    services.learner_sign_up(phone_number=NUMBER, pin="2468")
    for _attempt in range(5):
        client.post("/fr/signin/", {"phone_number": "0661234567", "pin": "9753"})
    response = client.post("/fr/signin/", {"phone_number": "0661234567", "pin": "2468"})
    assert response.status_code == 429
    assert "minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_shared_phone_lists_its_learners_and_each_opens_with_her_pin(client):
    itto = services.learner_sign_up(phone_number=NUMBER, pin="2468", first_name="Itto")
    fadma = services.learner_sign_up(phone_number="+212661234568", pin="1357", first_name="Fadma")
    for user, pin in ((itto, "2468"), (fadma, "1357")):
        client.post("/shi/signin/", {"phone_number": user.phone_number, "pin": pin})
        client.post("/shi/signout/")
    page = client.get("/shi/signin/").content.decode()
    assert "Itto" in page
    assert "Fadma" in page
    assert NUMBER not in page, "phone numbers are not shown on the shared list"
    response = client.post(f"/shi/signin/?learner={itto.pk}", {"learner": itto.pk, "pin": "1357"})
    assert response.status_code == 200, "Fadma's PIN does not open Itto's space"
    response = client.post(f"/shi/signin/?learner={itto.pk}", {"learner": itto.pk, "pin": "2468"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == itto.pk


def test_personal_pages_are_never_cached(client):
    user = services.learner_sign_up(phone_number=NUMBER, pin="2468")
    client.force_login(user)
    assert "no-store" in client.get("/ar/me/").headers["Cache-Control"]


def test_switching_learner_signs_out(client):
    user = services.learner_sign_up(phone_number=NUMBER, pin="2468")
    client.force_login(user)
    response = client.post("/ar/signout/")
    assert response.headers["Location"] == "/ar/signin/"
    assert client.get("/ar/me/").status_code == 302


def test_she_can_download_and_delete_her_data(client):
    user = services.learner_sign_up(phone_number=NUMBER, pin="2468", first_name="Itto")
    client.force_login(user)
    data = json.loads(client.get("/ar/me/data/").content)
    assert data["account"]["first_name"] == "Itto"
    assert "enrolments" in data["learning"]
    client.post("/ar/me/delete/", {"pin": "9999"})
    assert User.objects.filter(pk=user.pk).exists()
    client.post("/ar/me/delete/", {"pin": "2468"})
    assert not User.objects.filter(pk=user.pk).exists()
