"""SMS leave after commit, through an HTTP gateway (a real local server), once, with retries."""

import base64
import logging
import re

import pytest
from django.db import transaction

from academy.models import SmsMessage, User
from academy.sms import send_sms
from academy.tasks import SMS_MAX_RETRIES, sms_send_task

from .gateway import Gateway

pytestmark = pytest.mark.django_db

NUMBER = "+212661234567"
SIGN_UP = {
    "phone_number": "0661 23 45 67",
    "pin": "2468",
    "pin_again": "2468",
    "first_name": "Itto",
    "preferred_language": "fr",
    "consent": "on",
    "gender": "woman",
}


@pytest.fixture
def gateway():
    started = Gateway().start()
    yield started
    started.stop()


@pytest.fixture
def http_sms(settings, gateway):
    """The HTTP sender against the local gateway: JSON and a bearer token, unless a test says."""
    settings.SMS_SENDER = "academy.sms.HttpSender"
    settings.SMS_HTTP = {
        **settings.SMS_HTTP,
        "URL": gateway.url,
        "AUTH": "bearer",
        "TOKEN": "gateway-token-42",
        "SENDER_NAME": "Taawounia",
        "FORMAT": "json",
        "FIELDS": {"to": "to", "text": "text", "sender": "from", "id": "reference"},
        "TIMEOUT": 2.0,
    }
    return settings.SMS_HTTP


def test_a_sign_up_code_reaches_the_gateway_after_commit(
    client, gateway, http_sms, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/signup/", SIGN_UP)
        assert response.status_code == 302
        assert gateway.received == []  # nothing leaves before the transaction commits

    [request] = gateway.received
    assert request.headers["Authorization"] == "Bearer gateway-token-42"
    assert request.headers["Content-Type"].startswith("application/json")
    fields = request.fields()
    message = SmsMessage.objects.get(to=NUMBER)
    assert fields["to"] == NUMBER
    assert fields["from"] == "Taawounia"
    assert fields["reference"] == str(message.pk)
    code = re.search(r"\d{6}", fields["text"]).group()

    assert client.post("/fr/signup/verify/", {"code": code}).status_code == 302
    assert User.objects.get(phone_number=NUMBER).phone_verified_at is not None
    assert message.sent_at is not None
    assert message.text == ""  # the code is not kept once sent
    assert code not in caplog.text


def test_nothing_is_sent_when_the_transaction_rolls_back(
    gateway, http_sms, django_capture_on_commit_callbacks
):
    def failed_change():
        with transaction.atomic():
            send_sms(to=NUMBER, text="Taawounia Academy: your code is 123456.")
            raise RuntimeError("the business change failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        failed_change()
    assert gateway.received == []
    assert not SmsMessage.objects.exists()


def test_a_refused_message_is_tried_again_and_sent_once(
    gateway, http_sms, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    gateway.statuses = [503, 200]
    http_sms.update(
        FORMAT="form",
        AUTH="basic",
        USERNAME="taawounia",
        PASSWORD="s3cret",
        FIELDS={"to": "msisdn", "text": "message", "sender": "sender", "id": ""},
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_sms(to=NUMBER, text="Taawounia Academy: your code is 864213.")

    assert len(gateway.received) == 2  # 503, then accepted
    fields = gateway.received[-1].fields()
    assert fields == {
        "msisdn": NUMBER,
        "message": "Taawounia Academy: your code is 864213.",
        "sender": "Taawounia",
    }
    credentials = base64.b64encode(b"taawounia:s3cret").decode()
    assert gateway.received[-1].headers["Authorization"] == f"Basic {credentials}"
    message = SmsMessage.objects.get()
    assert (message.attempts, message.failed_at) == (2, None)
    assert message.sent_at is not None

    sms_send_task.apply(args=[str(message.pk)])  # the broker delivers the task again
    assert len(gateway.received) == 2
    assert "864213" not in caplog.text


def test_a_gateway_that_stalls_or_is_down_is_tried_again(
    gateway, http_sms, django_capture_on_commit_callbacks
):
    gateway.stall_seconds = [1.5]  # longer than the timeout: the sender gives up and retries
    http_sms["TIMEOUT"] = 0.5
    with django_capture_on_commit_callbacks(execute=True):
        send_sms(to=NUMBER, text="first")
    assert len(gateway.received) == 2
    assert SmsMessage.objects.get(to=NUMBER).sent_at is not None

    gateway.stop()  # nothing listens any more: connection refused
    with django_capture_on_commit_callbacks(execute=True):
        send_sms(to="+212661000002", text="second")
    message = SmsMessage.objects.get(to="+212661000002")
    assert message.sent_at is None
    assert message.failed_at is not None  # given up after the last retry, the text erased
    assert (message.attempts, message.text) == (SMS_MAX_RETRIES + 1, "")
    gateway.start()  # for the fixture's stop


def test_retries_are_bounded(gateway, http_sms, django_capture_on_commit_callbacks):
    gateway.statuses = [500]
    with django_capture_on_commit_callbacks(execute=True):
        send_sms(to=NUMBER, text="Taawounia Academy: your code is 111222.")
    assert len(gateway.received) == SMS_MAX_RETRIES + 1
    message = SmsMessage.objects.get()
    assert message.sent_at is None
    assert message.failed_at is not None
