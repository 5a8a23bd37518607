"""The name check for people and programs: a phone page (a plain form; a small script updates
the verdict as she types) and a public JSON API, both counted by ``names/rate.py``.

JSON (``GET /api/registry/name-check/?name=…&lang=…``, documented in the README)::

    {"api_version": 1, "name": "...", "verdict": "similar", "verdict_label": "...",
     "explanation": "...", "summary": "...",
     "refusals": [{"reason", "word", "explanation", "source"}],
     "matches": [{"name", "reason", "explanation", "score",
                  "cooperative": {"id", "name", "names", "status", "url"}}]}

Errors: ``{"error": {"code": "...", "message": "..."}}`` with HTTP 400 (``name_empty``,
``name_too_long``, ``name_script``) or 429 (``rate_limited``, with ``Retry-After``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from academy.api import client_ip

from .names import NameCheck, name_check
from .names.codes import RATE_LIMITED
from .names.rate import name_check_rate_hit

API_VERSION = 1


def _rate_message(wait: int) -> str:
    return _("Too many names checked from this connection. Try again in %(seconds)d seconds.") % {
        "seconds": wait
    }


def _error_message(error: ValidationError) -> str:
    return " ".join(error.messages)


def _cooperative(cooperative) -> dict:
    return {
        "id": str(cooperative.public_id),
        "name": cooperative.name,
        "names": cooperative.names,
        "status": cooperative.status,
        "url": cooperative.get_absolute_url() if cooperative.is_active else None,
    }


def name_check_payload(check: NameCheck) -> dict:
    """The API's answer for ``check`` (``api_version`` 1; fields are only ever added)."""
    return {
        "api_version": API_VERSION,
        "name": check.name,
        "verdict": str(check.verdict),
        "verdict_label": check.verdict_label,
        "explanation": check.explanation,
        "summary": check.summary,
        "refusals": [
            {
                "reason": refusal.reason,
                "word": refusal.word,
                "explanation": refusal.explanation,
                "source": refusal.source,
            }
            for refusal in check.refusals
        ],
        "matches": [
            {
                "name": match.name,
                "reason": match.reason,
                "explanation": match.explanation,
                "score": match.score,
                "cooperative": _cooperative(match.cooperative),
            }
            for match in check.matches
        ],
    }


def _error(status: int, code: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message, **extra}}, status=status)


def _language(request: HttpRequest) -> str:
    asked = request.GET.get("lang", "")
    codes = {code for code, _name in settings.LANGUAGES}
    return asked if asked in codes else translation.get_language()


@never_cache
@require_GET
def name_check_api(request: HttpRequest) -> JsonResponse:
    """The verdict on ``?name=`` as JSON, for anyone, counted per address."""
    with translation.override(_language(request)):
        wait = name_check_rate_hit(address=client_ip(request))
        if wait:
            response = _error(429, RATE_LIMITED, _rate_message(wait), retry_after=wait)
            response["Retry-After"] = str(wait)
            return response
        try:
            check = name_check(name=request.GET.get("name", ""))
        except ValidationError as error:
            return _error(400, error.code, _error_message(error))
        return JsonResponse(name_check_payload(check), json_dumps_params={"ensure_ascii": False})


@never_cache
@require_GET
def name_check_page(request: HttpRequest) -> HttpResponse:
    """The phone page: a form that works without JavaScript; the verdict under it."""
    name = request.GET.get("name")
    context = {"name": name or "", "check": None, "error": None, "error_code": None}
    status = 200
    if name is not None:
        wait = name_check_rate_hit(address=client_ip(request))
        if wait:
            context.update(error=_rate_message(wait), error_code=RATE_LIMITED)
            status = 429
        else:
            try:
                context["check"] = name_check(name=name)
            except ValidationError as error:
                context.update(error=_error_message(error), error_code=error.code)
                status = 400
    return render(request, "registry_link/names/name_check.html", context, status=status)
