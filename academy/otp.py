"""One-time codes: short-lived, single-use, stored hashed, rate-limited, with guesses counted
so that nothing can undo them (docs/decisions/0018).

Every request for a code leaves a row, whether a code is sent or not (an unknown number, a staff
account, a warning to the owner): the limits then depend only on what was asked, never on
whether the number has an account.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import OneTimeCode

MAX_ATTEMPTS = 5


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def _rate_error(code: str) -> ValidationError:
    if code == "otp_rate_address":
        message = _("Too many codes were asked from this connection. Try again in an hour.")
    else:
        message = _("Too many codes were sent to this number. Try again in an hour.")
    return ValidationError(message, code=code)


def otp_rate_check(*, phone_number: str, ip: str | None) -> None:
    """Refuse a new code past the limits.

    Per number *and* address (so that a stranger filling the counter of a number from her own
    connection does not stop the owner), per number from every address (a higher cap, a day
    long, against guessing from many addresses), and per address.
    """
    now = timezone.now()
    asked = OneTimeCode.objects.exclude(purpose=OneTimeCode.Purpose.ACTIVATE)
    last_hour = asked.filter(created_at__gte=now - timedelta(hours=1))
    from_here = last_hour.filter(phone_number=phone_number)
    from_here = from_here.filter(requested_from=ip) if ip else from_here.filter(requested_from=None)
    if from_here.count() >= settings.OTP_MAX_PER_NUMBER_PER_HOUR:
        raise _rate_error("otp_rate_number")
    last_day = asked.filter(phone_number=phone_number, created_at__gte=now - timedelta(days=1))
    if last_day.count() >= settings.OTP_MAX_PER_NUMBER_PER_DAY:
        raise _rate_error("otp_rate_number")
    if ip and last_hour.filter(requested_from=ip).count() >= settings.OTP_MAX_PER_ADDRESS_PER_HOUR:
        raise _rate_error("otp_rate_address")


def otp_create(
    *,
    phone_number: str,
    purpose: str,
    ip: str | None = None,
    valid_for: timedelta | None = None,
    live: bool = True,
) -> str:
    """A new code for ``phone_number``; earlier unused codes for the same purpose stop working.

    ``live=False`` only records the request (for the limits): the row is spent at once and its
    code is never sent.
    """
    if purpose != OneTimeCode.Purpose.ACTIVATE:
        otp_rate_check(phone_number=phone_number, ip=ip)
    now = timezone.now()
    if live:
        OneTimeCode.objects.filter(
            phone_number=phone_number, purpose=purpose, used_at__isnull=True
        ).update(used_at=now)
    code = f"{secrets.randbelow(10**settings.OTP_DIGITS):0{settings.OTP_DIGITS}d}"
    OneTimeCode.objects.create(
        phone_number=phone_number,
        purpose=purpose,
        code_hash=_hash(code),
        expires_at=now + (valid_for or timedelta(seconds=settings.OTP_VALID_SECONDS)),
        used_at=None if live else now,
        requested_from=ip,
    )
    return code


def _guess(*, phone_number: str, purpose: str, code: str) -> bool:
    """Spend the code if ``code`` is right, else count a wrong guess; True when right."""
    now = timezone.now()
    live = OneTimeCode.objects.filter(
        phone_number=phone_number,
        purpose=purpose,
        used_at__isnull=True,
        expires_at__gt=now,
        attempts__lt=MAX_ATTEMPTS,
    )
    current = live.select_for_update().order_by("-created_at").first()
    if current is None:
        return False
    if hmac.compare_digest(current.code_hash, _hash(code.strip())):
        current.used_at = now
        current.save(update_fields=["used_at"])
        return True
    current.attempts += 1
    current.save(update_fields=["attempts"])
    if current.attempts >= MAX_ATTEMPTS:  # dead, and every other live code of the number too
        OneTimeCode.objects.filter(
            phone_number=phone_number, purpose=purpose, used_at__isnull=True
        ).update(used_at=now)
    return False


def otp_use(*, phone_number: str, purpose: str, code: str) -> None:
    """Spend ``code``; raise a translated ValidationError when it is wrong, used or expired.

    The guess is counted in a transaction of its own that commits before anything else happens:
    a caller inside a transaction would be told at once (``durable``), instead of a rollback
    silently giving the guesser her tries back.
    """
    with transaction.atomic(durable=True):
        right = _guess(phone_number=phone_number, purpose=purpose, code=code)
    if not right:
        raise ValidationError(
            _("This code is wrong or has expired. Ask for a new one."), code="otp_invalid"
        )
