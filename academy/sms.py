"""Sending SMS through a pluggable sender chosen in settings (``SMS_SENDER``).

- ``ConsoleSender`` logs messages (development only: it would log codes).
- ``FileSender`` writes each message as a JSON line to ``SMS_FILE_PATH`` (tests).
- A real provider implements ``SmsSender.send`` and is named in ``SMS_SENDER``.
"""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sms:
    to: str
    text: str


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
        with path.open("a", encoding="utf-8") as outbox:
            outbox.write(json.dumps(line, ensure_ascii=False) + "\n")


def get_sender() -> SmsSender:
    return import_string(settings.SMS_SENDER)()


def send_sms(*, to: str, text: str) -> None:
    get_sender().send(Sms(to=to, text=text))
