"""Sign-in by phone number and PIN, with django-axes counting failures per number and address."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.translation import ngettext

from core.phones import normalise_phone_number


def axes_username(request: HttpRequest, credentials: dict | None) -> str:
    """The number a failure counts against, however it was typed."""
    raw = (credentials or {}).get("phone_number") or request.POST.get("phone_number", "")
    try:
        return normalise_phone_number(raw)
    except ValidationError:
        return raw.strip()


def lockout_response(request: HttpRequest, credentials: dict | None = None, *args, **kwargs):
    """A translated page saying the PIN is locked and when to try again."""
    from axes.helpers import get_cool_off

    minutes = max(1, int(get_cool_off(request).total_seconds() // 60))
    message = ngettext(
        "Too many wrong PINs. Wait %(minutes)s minute, then try again.",
        "Too many wrong PINs. Wait %(minutes)s minutes, then try again.",
        minutes,
    ) % {"minutes": minutes}
    return render(request, "academy/locked.html", {"message": message}, status=429)
