"""Shared phones: the learners who signed in on this device, remembered in a signed cookie.

Only their ids are kept; each one still opens her space with her own PIN.
"""

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse

from .models import User

COOKIE = "academy_device"
SALT = "academy.device.learners"
MAX_AGE = 365 * 24 * 60 * 60


def recent_learner_ids(request: HttpRequest) -> list[int]:
    try:
        ids = signing.loads(request.COOKIES.get(COOKIE, ""), salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return []
    return [int(pk) for pk in ids if isinstance(pk, int)][: settings.RECENT_LEARNERS_ON_DEVICE]


def recent_learners(request: HttpRequest) -> list[User]:
    ids = recent_learner_ids(request)
    users = {user.pk: user for user in User.objects.filter(pk__in=ids, is_active=True)}
    return [users[pk] for pk in ids if pk in users]


def _store(response: HttpResponse, ids: list[int]) -> None:
    response.set_cookie(
        COOKIE,
        signing.dumps(ids[: settings.RECENT_LEARNERS_ON_DEVICE], salt=SALT),
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def remember_learner(request: HttpRequest, response: HttpResponse, user: User) -> None:
    others = [pk for pk in recent_learner_ids(request) if pk != user.pk]
    _store(response, [user.pk, *others])


def forget_learner(request: HttpRequest, response: HttpResponse, user_id: int) -> None:
    _store(response, [pk for pk in recent_learner_ids(request) if pk != user_id])
