"""One-time codes: short-lived, single-use, rate-limited per number and address, stored hashed."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import OneTimeCode

MAX_ATTEMPTS = 5


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def _check_rate(*, phone_number: str, ip: str | None) -> None:
    since = timezone.now() - timedelta(hours=1)
    recent = OneTimeCode.objects.filter(created_at__gte=since).exclude(
        purpose=OneTimeCode.Purpose.ACTIVATE
    )
    if recent.filter(phone_number=phone_number).count() >= settings.OTP_MAX_PER_NUMBER_PER_HOUR:
        raise ValidationError(
            _("Too many codes were sent to this number. Try again in an hour."),
            code="otp_rate_number",
        )
    if ip and recent.filter(requested_from=ip).count() >= settings.OTP_MAX_PER_ADDRESS_PER_HOUR:
        raise ValidationError(
            _("Too many codes were asked from this connection. Try again in an hour."),
            code="otp_rate_address",
        )


def otp_create(
    *, phone_number: str, purpose: str, ip: str | None = None, valid_for: timedelta | None = None
) -> str:
    """A new code for ``phone_number``; earlier unused codes for the same purpose stop working."""
    if purpose != OneTimeCode.Purpose.ACTIVATE:
        _check_rate(phone_number=phone_number, ip=ip)
    now = timezone.now()
    OneTimeCode.objects.filter(
        phone_number=phone_number, purpose=purpose, used_at__isnull=True
    ).update(used_at=now)
    code = f"{secrets.randbelow(10**settings.OTP_DIGITS):0{settings.OTP_DIGITS}d}"
    OneTimeCode.objects.create(
        phone_number=phone_number,
        purpose=purpose,
        code_hash=_hash(code),
        expires_at=now + (valid_for or timedelta(seconds=settings.OTP_VALID_SECONDS)),
        requested_from=ip,
    )
    return code


def otp_use(*, phone_number: str, purpose: str, code: str) -> None:
    """Spend ``code``; raise a translated ValidationError when it is wrong, used or expired."""
    now = timezone.now()
    current = (
        OneTimeCode.objects.filter(
            phone_number=phone_number, purpose=purpose, used_at__isnull=True, expires_at__gt=now
        )
        .order_by("-created_at")
        .first()
    )
    invalid = ValidationError(
        _("This code is wrong or has expired. Ask for a new one."), code="otp_invalid"
    )
    if current is None or current.attempts >= MAX_ATTEMPTS:
        raise invalid
    OneTimeCode.objects.filter(pk=current.pk).update(attempts=F("attempts") + 1)
    if not hmac.compare_digest(current.code_hash, _hash(code.strip())):
        raise invalid
    spent = OneTimeCode.objects.filter(pk=current.pk, used_at__isnull=True).update(used_at=now)
    if not spent:  # used by a concurrent request in the meantime
        raise invalid
