"""Sending SMS: stored with the caller's transaction, sent after commit by a task that retries.

``send_sms`` writes an ``SmsMessage`` and asks, through the outbox (core/outbox.py), for
``academy.sms_send_task``; the task calls ``sms_deliver``, which hands the message to the sender
named in ``SMS_SENDER`` once at most (docs/decisions/0019):

- ``HttpSender`` posts to an HTTP gateway configured by ``SMS_HTTP`` (production).
- ``ConsoleSender`` logs messages (development only: it would log codes).
- ``FileSender`` writes each message as a JSON line to ``SMS_FILE_PATH`` (tests).

Production refuses the console and file senders. No sender logs a message's text.
"""

import base64
import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from core import outbox

from .models import SmsMessage

logger = logging.getLogger(__name__)

SEND_TASK = "academy.sms_send_task"


class SmsDeliveryError(Exception):
    """The gateway did not take the message (no answer, or not 2xx): try again later."""


@dataclass(frozen=True)
class Sms:
    to: str
    text: str
    id: str = ""


class SmsSender:
    def send(self, message: Sms) -> None:
        raise NotImplementedError


class ConsoleSender(SmsSender):
    def send(self, message: Sms) -> None:
        logger.warning("SMS to %s: %s", message.to, message.text)


class FileSender(SmsSender):
    def send(self, message: Sms) -> None:
        path = Path(settings.SMS_FILE_PATH)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = {"to": message.to, "text": message.text, "at": timezone.now().isoformat()}
        with path.open("a", encoding="utf-8") as outbox_file:
            outbox_file.write(json.dumps(line, ensure_ascii=False) + "\n")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A gateway answers; it does not send the message (and its credentials) elsewhere."""

    def redirect_request(self, *args, **kwargs) -> None:
        return None


class HttpSender(SmsSender):
    """One POST per message to ``SMS_HTTP["URL"]``; taken when the gateway answers 2xx."""

    def send(self, message: Sms) -> None:
        conf = settings.SMS_HTTP
        url = conf["URL"] or ""
        if urlsplit(url).scheme not in {"http", "https"}:
            raise ImproperlyConfigured("SMS_HTTP_URL must be an http(s) URL.")
        body, content_type = _body(message, conf)
        headers = {"Content-Type": content_type, "Accept": "application/json", **_auth(conf)}
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - scheme checked above
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=conf["TIMEOUT"]) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
            error.close()
        except (urllib.error.URLError, HTTPException, OSError) as error:
            raise SmsDeliveryError(f"SMS gateway unreachable ({type(error).__name__})") from None
        if not 200 <= status < 300:
            raise SmsDeliveryError(f"SMS gateway answered {status}")


def _body(message: Sms, conf: dict) -> tuple[bytes, str]:
    values = {
        "to": message.to,
        "text": message.text,
        "sender": conf["SENDER_NAME"],
        "id": message.id,
    }
    fields = conf["FIELDS"]
    payload = {fields[key]: value for key, value in values.items() if fields.get(key) and value}
    if conf["FORMAT"] == "form":
        return urlencode(payload).encode(), "application/x-www-form-urlencoded; charset=utf-8"
    if conf["FORMAT"] == "json":
        return json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=utf-8"
    raise ImproperlyConfigured("SMS_HTTP_FORMAT must be json or form.")


def _auth(conf: dict) -> dict[str, str]:
    scheme = conf["AUTH"]
    if scheme == "bearer":
        return {"Authorization": f"Bearer {conf['TOKEN']}"}
    if scheme == "header":
        return {conf["TOKEN_HEADER"]: conf["TOKEN"]}
    if scheme == "basic":
        pair = f"{conf['USERNAME']}:{conf['PASSWORD']}".encode()
        return {"Authorization": f"Basic {base64.b64encode(pair).decode()}"}
    if scheme == "none":
        return {}
    raise ImproperlyConfigured("SMS_HTTP_AUTH must be bearer, header, basic or none.")


def get_sender() -> SmsSender:
    return import_string(settings.SMS_SENDER)()


def send_sms(*, to: str, text: str) -> None:
    """Text ``to``: stored in the caller's transaction, sent by a task once it commits."""
    message = SmsMessage.objects.create(to=to, text=text)
    outbox.enqueue(SEND_TASK, message_id=str(message.pk))


def sms_deliver(*, message_id: str) -> bool:
    """Hand a stored SMS to the sender unless it was sent already; True if it went now.

    The row stays locked while the sender works, so a second delivery of the same task waits
    and then finds it sent. Raises ``SmsDeliveryError`` when the gateway did not take it.
    """
    SmsMessage.objects.filter(pk=message_id, sent_at=None).update(attempts=F("attempts") + 1)
    with transaction.atomic():
        message = SmsMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.sent_at or message.failed_at:
            return False
        get_sender().send(Sms(to=message.to, text=message.text, id=str(message.pk)))
        message.sent_at, message.text = timezone.now(), ""
        message.save(update_fields=["sent_at", "text"])
    logger.info("SMS %s sent", message_id)
    return True


def sms_give_up(*, message_id: str) -> None:
    """The last try failed: the message is marked unsent and its text erased."""
    SmsMessage.objects.filter(pk=message_id, sent_at=None).update(failed_at=timezone.now(), text="")
    logger.error("SMS %s not sent: the gateway never took it", message_id)
