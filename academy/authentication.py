"""Sign-in by phone number and PIN, with django-axes counting failures per number and per number
and address (never per address alone: a carrier's NAT puts a whole town behind one address).

The client's address comes from ``X-Forwarded-For`` only when the connection comes from a proxy
named in ``TRUSTED_PROXIES``; otherwise the header is ignored (anyone can send it).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.translation import ngettext

from core.phones import normalise_phone_number


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(raw: str | None):
    try:
        return ipaddress.ip_address((raw or "").strip())
    except ValueError:
        return None


def _trusted(address, networks: tuple) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The address of whoever is at the other end, as far as the trusted proxies tell."""
    remote = request.META.get("REMOTE_ADDR")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not _trusted(_address(remote), networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):  # the last hops were added by our own proxies
        address = _address(hop)
        if address is None:
            return remote
        if not _trusted(address, networks):
            return str(address)
    return remote


def axes_username(request: HttpRequest, credentials: dict | None) -> str:
    """The number a failure counts against, however it was typed (the admin sends ``username``)."""
    credentials = credentials or {}
    raw = (
        credentials.get("phone_number")
        or credentials.get("username")
        or request.POST.get("phone_number")
        or request.POST.get("username")
        or ""
    )
    try:
        return normalise_phone_number(raw)
    except ValidationError:
        return raw.strip()


def pin_confirm(request: HttpRequest, *, user, pin: str) -> bool:
    """Whether ``pin`` is the signed-in user's, counted by the same lockout as the sign-in.

    Counted outside any transaction of the caller (a failure is recorded when it happens);
    once the number is locked, the answer is the lockout page, whatever the PIN.
    """
    confirmed = authenticate(request, phone_number=user.phone_number, password=pin)
    return confirmed is not None and confirmed.pk == user.pk


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


class PermissionsInOneQueryBackend(ModelBackend):
    """Django's model backend, reading a user's own and her groups' permissions in one query
    instead of two: every signed-in page that asks "may she…?" (the dashboard's leader and
    trainer buttons) pays one round trip, still read fresh on each request."""

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            rows = permissions.values_list("content_type__app_label", "codename").distinct()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache
