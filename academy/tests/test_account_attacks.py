"""The attacks on accounts, tried through the real pages and the real lockout (django-axes):
guessing codes and PINs, numbers never proved, learning which numbers have an account,
lockouts that hit everyone behind one address, and redirects to other sites."""

import re
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.db import transaction
from django.utils import timezone, translation

from academy import services
from academy.models import OneTimeCode, User
from academy.otp import otp_create, otp_use

pytestmark = pytest.mark.django_db

ITTO = "+212661234567"
FADMA = "+212661234568"
SIGN_UP = {
    "phone_number": "0661 23 45 67",
    "pin": "2468",
    "pin_again": "2468",
    "first_name": "Itto",
    "preferred_language": "fr",
    "consent": "on",
}


def code_in(message: dict) -> str:
    return re.search(r"\d{6}", message["text"]).group()


def learner(number: str = ITTO, pin: str = "2468", **fields) -> User:
    return User.objects.create_user(number, pin, first_name="Itto", **fields)


def wrong(code: str, offset: int) -> str:
    return f"{(int(code) + offset) % 10**6:06d}"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# 1. Codes cannot be guessed without limit ----------------------------------------------------


def test_thirty_wrong_reset_codes_then_the_right_one_does_not_open_the_account(client, outbox):
    itto = learner()
    client.post("/fr/pin/forgot/", {"phone_number": "0661234567"})
    code = code_in(outbox(ITTO)[-1])
    for offset in range(1, 31):
        response = client.post(
            "/fr/pin/reset/",
            {"phone_number": "0661234567", "code": wrong(code, offset), "pin": "8642"},
        )
        assert response.status_code == 200
    response = client.post(
        "/fr/pin/reset/", {"phone_number": "0661234567", "code": code, "pin": "8642"}
    )
    assert response.status_code == 200
    assert "Ce code est faux ou il a expiré" in response.content.decode()
    assert not signed_in(client)
    itto.refresh_from_db()
    assert itto.check_password("2468")
    assert OneTimeCode.objects.get(phone_number=ITTO, purpose="reset").attempts == 5


def test_after_five_wrong_codes_every_live_code_of_the_number_is_dead(client, outbox):
    learner()
    client.post("/fr/pin/forgot/", {"phone_number": "0661234567"})
    code = code_in(outbox(ITTO)[-1])
    for offset in range(1, 6):
        client.post(
            "/fr/pin/reset/",
            {"phone_number": "0661234567", "code": wrong(code, offset), "pin": "8642"},
        )
    assert not OneTimeCode.objects.filter(phone_number=ITTO, used_at__isnull=True).exists()


def test_an_activation_code_valid_thirty_days_dies_after_five_wrong_tries(client):
    leader = learner(FADMA)
    registration = services.member_register(registered_by=leader, phone_number=ITTO)
    code = registration.activation_code
    for offset in range(1, 6):
        client.post(
            "/fr/activate/",
            {"phone_number": "0661234567", "code": wrong(code, offset), "pin": "8642"},
        )
    response = client.post(
        "/fr/activate/", {"phone_number": "0661234567", "code": code, "pin": "8642"}
    )
    assert response.status_code == 200
    assert not signed_in(client)
    assert not User.objects.get(phone_number=ITTO).has_usable_password()


def test_a_guess_cannot_be_counted_inside_a_transaction_that_could_undo_it():
    code = otp_create(phone_number=ITTO, purpose=OneTimeCode.Purpose.RESET)
    with pytest.raises(RuntimeError), transaction.atomic():
        otp_use(phone_number=ITTO, purpose=OneTimeCode.Purpose.RESET, code=code)


@pytest.mark.parametrize("kind", ["superuser", "staff"])
def test_staff_cannot_be_reset_to_a_pin_by_sms_and_the_page_does_not_say_so(client, outbox, kind):
    User.objects.create_user(
        ITTO, "a-long-admin-password", is_staff=True, is_superuser=kind == "superuser"
    )
    unknown = client.post("/fr/pin/forgot/", {"phone_number": "0669999999"})
    staff = client.post("/fr/pin/forgot/", {"phone_number": "0661234567"})
    assert staff.status_code == unknown.status_code == 302
    assert staff.headers["Location"] == unknown.headers["Location"]
    assert outbox() == []
    # even with a code (made before this rule, say), the reset page does not set a PIN
    code = otp_create(phone_number=ITTO, purpose=OneTimeCode.Purpose.RESET)
    client.post("/fr/pin/reset/", {"phone_number": "0661234567", "code": code, "pin": "8642"})
    assert not signed_in(client)
    assert User.objects.get(phone_number=ITTO).check_password("a-long-admin-password")


# PINs cannot be guessed either: the real lockout, from many addresses ------------------------


def test_guessing_a_pin_from_many_addresses_locks_the_number(client):
    learner()
    for attempt in range(5):
        client.post(
            "/fr/signin/",
            {"phone_number": "0661234567", "pin": f"97{attempt}3"},
            REMOTE_ADDR=f"198.51.100.{attempt + 1}",
        )
    response = client.post(
        "/fr/signin/", {"phone_number": "0661234567", "pin": "2468"}, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.parametrize(
    ("url", "field", "data"),
    [
        ("/fr/me/profile/", "current_pin", {"action": "pin", "new_pin": "8642"}),
        ("/fr/me/delete/", "pin", {}),
    ],
)
def test_the_pin_asked_to_change_it_or_to_delete_the_account_cannot_be_guessed(
    client, url, field, data
):
    itto = learner()
    client.force_login(itto)
    for attempt in range(4):
        response = client.post(url, {**data, field: f"97{attempt}3"})
        assert response.status_code == 200
    client.post(url, {**data, field: "9743"})
    response = client.post(url, {**data, field: "2468"})
    assert response.status_code == 429
    itto.refresh_from_db()
    assert itto.check_password("2468")


# 2. A number is proved before anything that depends on owning it -----------------------------


def test_a_member_activated_with_a_leaders_code_has_not_proved_her_number(client, outbox):
    leader = learner(FADMA)
    registration = services.member_register(registered_by=leader, phone_number=ITTO)
    client.post(
        "/fr/activate/",
        {"phone_number": "0661234567", "code": registration.activation_code, "pin": "8642"},
    )
    assert signed_in(client)
    assert User.objects.get(phone_number=ITTO).phone_verified_at is None
    assert "data-verify-number" in client.get("/fr/me/").content.decode()
    # the way on: ask a code, type it
    client.post("/fr/signup/verify/", {"resend": "1"})
    response = client.post("/fr/signup/verify/", {"code": code_in(outbox(ITTO)[-1])})
    assert response.status_code == 302
    assert User.objects.get(phone_number=ITTO).phone_verified_at is not None


def test_certificates_wait_for_a_verified_number(client, outbox, demo_academy):
    from wagtail.models import Page

    from assessments.models import Certificate
    from assessments.services.certificates import certificate_issue, on_course_completed
    from courses.api import Enrolment

    itto = learner()
    course = Page.objects.filter(slug="founding-a-cooperative").first()
    course_key = course.translation_key
    Enrolment.objects.create(learner=itto, course_key=course_key, completed_at=timezone.now())
    on_course_completed(sender=None, learner=itto, course_key=course_key)
    assert not Certificate.objects.filter(learner=itto).exists()
    # one made earlier is not handed over either
    early = certificate_issue(learner=itto, course_key=course_key)
    client.post("/fr/signin/", {"phone_number": ITTO, "pin": "2468"})
    response = client.get(f"/fr/me/certificates/{early.code}.pdf")
    assert response.headers["Location"] == "/fr/signup/verify/"
    early.delete()
    # she proves her number: the certificate she earned is there
    client.post("/fr/signup/verify/", {"resend": "1"})
    client.post("/fr/signup/verify/", {"code": code_in(outbox(ITTO)[-1])})
    certificate = Certificate.objects.get(learner=itto, kind=Certificate.Kind.COURSE)
    response = client.get(f"/fr/me/certificates/{certificate.code}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


# 3. Nobody learns which numbers have an account ----------------------------------------------


def same_page(html: str, number: str) -> str:
    """The page without what differs between any two visits (the number, the CSRF token)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html.replace(number, "N"))


def _sign_up(client, number: str):
    return client.post("/fr/signup/", {**SIGN_UP, "phone_number": number})


def test_sign_up_answers_the_same_for_a_number_that_has_an_account(client, outbox):
    itto = learner(pin="1357")
    new = _sign_up(client, "0661234568")
    known = _sign_up(client.__class__(), "0661234567")
    assert new.status_code == known.status_code == 302
    assert new.headers["Location"] == known.headers["Location"] == "/fr/signup/verify/"
    # the next page reads the same, and refuses codes the same way
    other = client.__class__()
    _sign_up(other, "0661234567")
    known_page = other.get("/fr/signup/verify/").content.decode()
    new_page = client.get("/fr/signup/verify/").content.decode()
    assert same_page(known_page, "+212661234567") == same_page(new_page, "+212661234568")
    refused = other.post("/fr/signup/verify/", {"code": "482913"}).content.decode()
    assert "Ce code est faux ou il a expiré" in refused
    # her account is untouched, and she is told by SMS
    itto.refresh_from_db()
    assert itto.check_password("1357")
    assert User.objects.filter(phone_number=ITTO).count() == 1
    notices = [message["text"] for message in outbox(ITTO)]
    assert len(notices) == 2  # one per try
    with translation.override("fr"):  # her language: the one of the page she signed up on
        notice = translation.gettext(services.SIGN_UP_NOTICE_SMS)
    assert notices == [notice, notice]
    assert not any(re.search(r"\d{6}", text) for text in notices)


def test_the_reset_page_answers_the_same_for_known_unknown_and_limited_numbers(client, outbox):
    learner()
    answers = set()
    for number in ("0661234567", "0669999999"):
        for _attempt in range(6):  # past the limit of codes for the number
            response = client.post("/fr/pin/forgot/", {"phone_number": number})
            answers.add((response.status_code, response.headers.get("Location")))
    assert answers == {(302, "/fr/pin/reset/")}
    assert len(outbox(ITTO)) == 3  # the limit holds, silently
    assert outbox("+212669999999") == []


def test_a_stranger_cannot_use_up_the_owners_reset_codes(client, outbox):
    learner()
    stranger = client.__class__(REMOTE_ADDR="203.0.113.66")
    for _attempt in range(6):
        stranger.post("/fr/pin/forgot/", {"phone_number": "0661234567"})
    sent_to_stranger_requests = len(outbox(ITTO))
    owner = client.__class__(REMOTE_ADDR="198.51.100.20")
    owner.post("/fr/pin/forgot/", {"phone_number": "0661234567"})
    assert len(outbox(ITTO)) == sent_to_stranger_requests + 1
    code = code_in(outbox(ITTO)[-1])
    response = owner.post(
        "/fr/pin/reset/", {"phone_number": "0661234567", "code": code, "pin": "8642"}
    )
    assert response.status_code == 302


# 4. Lockouts: by number, and number and address — never by address alone ---------------------


def test_wrong_pins_for_one_number_do_not_lock_another_behind_the_same_address(client):
    learner(ITTO)
    learner(FADMA, pin="1357")
    for attempt in range(5):
        client.post("/fr/signin/", {"phone_number": ITTO, "pin": f"97{attempt}3"})
    response = client.post("/fr/signin/", {"phone_number": FADMA, "pin": "1357"})
    assert response.status_code == 302
    assert signed_in(client)


def test_wrong_passwords_at_the_admin_lock_that_account_not_the_others(client):
    for number in (ITTO, FADMA):
        User.objects.create_user(number, "a-long-admin-password", is_staff=True)
    for attempt in range(5):
        client.post("/admin/login/", {"username": ITTO, "password": f"guess-{attempt}"})
    locked = client.post("/admin/login/", {"username": ITTO, "password": "a-long-admin-password"})
    assert locked.status_code == 429
    response = client.post(
        "/admin/login/", {"username": FADMA, "password": "a-long-admin-password"}
    )
    assert response.status_code == 302
    assert signed_in(client)


def test_behind_a_configured_proxy_the_forwarded_address_is_used(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    learner()
    client.post(
        "/fr/signin/",
        {"phone_number": ITTO, "pin": "9753"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7",
    )
    client.post(
        "/fr/pin/forgot/",
        {"phone_number": ITTO},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    assert OneTimeCode.objects.get().requested_from == "203.0.113.7"


def test_without_a_configured_proxy_the_forwarded_header_is_ignored(client, settings):
    settings.TRUSTED_PROXIES = []
    learner()
    client.post(
        "/fr/signin/",
        {"phone_number": ITTO, "pin": "9753"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    client.post(
        "/fr/pin/forgot/",
        {"phone_number": ITTO},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert AccessAttempt.objects.get().ip_address == "10.0.0.2"
    assert OneTimeCode.objects.get().requested_from == "10.0.0.2"


# 5. After signing in, only paths of this site are followed -----------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://evil.example@testserver.evil.example/",
        "",
    ],
)
def test_sign_in_never_sends_her_to_another_site(client, target):
    learner()
    response = client.post(
        "/fr/signin/?" + urlencode({"next": target}), {"phone_number": ITTO, "pin": "2468"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/fr/me/"


def test_sign_in_follows_a_path_of_this_site(client):
    learner()
    response = client.post(
        "/fr/signin/?next=/fr/me/profile/", {"phone_number": ITTO, "pin": "2468"}
    )
    assert response.headers["Location"] == "/fr/me/profile/"
