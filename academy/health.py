"""Liveness and readiness for load balancers, orchestrators and monitoring (decision 0042).

``/health/live`` answers 200 as long as the process answers; it touches nothing else, so a
database outage never makes an orchestrator kill every web server at once. ``/health/ready``
answers 200 when the database, the cache, the Celery broker and the media store all answer, and
503 naming the part that does not (what went wrong goes to the log, never to the caller).

Both are answered by ``HealthCheckMiddleware``, first in ``MIDDLEWARE``: before the host check,
the HTTPS redirect, sessions, languages and the Content-Security-Policy, so a probe by address
over plain HTTP from inside the network gets its answer, with no language prefix, no cookie and
``Cache-Control: no-store``. No sign-in and no rate limit: a probe must never be refused.
"""

import json
import logging
import os
import secrets
import time
from collections.abc import Callable

from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

STORE_PROBE_NAME = "health/probe"
BROKER_TIMEOUT_SECONDS = 2.0
_CACHE_TOKEN = secrets.token_hex(8)


def database_check(*, databases=None) -> None:
    """Every configured database answers ``SELECT 1``."""
    for connection in databases or connections.all():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")


def cache_check(*, cache=None) -> None:
    """A value written to the cache is read back (an unreachable Redis reads as a miss)."""
    cache = cache or caches["default"]
    key = f"health:{os.getpid()}"
    cache.set(key, _CACHE_TOKEN, 30)
    if cache.get(key) != _CACHE_TOKEN:
        raise ConnectionError("the cache did not keep a value")


def broker_check(*, app=None) -> None:
    """The Celery broker accepts a connection (tasks can be queued)."""
    if app is None:
        from academy.celery import app  # the Celery app imports these settings
    with app.connection_for_write() as connection:
        connection.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS
        )


def store_check(*, storage: Storage | None = None) -> None:
    """The media store answers: a folder that can be written to, or an object store's answer."""
    storage = storage or default_storage
    if isinstance(storage, FileSystemStorage):
        location = storage.location
        if not (os.path.isdir(location) and os.access(location, os.W_OK | os.X_OK)):
            raise OSError("the media folder is missing or cannot be written to")
        return
    storage.exists(STORE_PROBE_NAME)  # a missing object is an answer; an error is not


READINESS_CHECKS: dict[str, Callable[[], None]] = {
    "database": database_check,
    "cache": cache_check,
    "broker": broker_check,
    "store": store_check,
}


def run_checks(checks: dict[str, Callable[[], None]]) -> dict[str, dict]:
    """Each check's outcome and duration; a failure is logged with its reason."""
    results = {}
    for name, check in checks.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:
            logger.warning(
                "Readiness: %s unavailable (%s: %s)",
                name,
                type(error).__name__,
                error,
                extra={"check": name},
            )
            ok = False
        else:
            ok = True
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return results


def _json(payload: dict, *, status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(payload), status=status, content_type="application/json")
    add_never_cache_headers(response)
    return response


def live(request: HttpRequest) -> HttpResponse:
    return _json({"status": "ok"}, status=200)


def ready(request: HttpRequest) -> HttpResponse:
    results = run_checks(READINESS_CHECKS)
    ok = all(result["ok"] for result in results.values())
    payload = {"status": "ok" if ok else "unavailable", "checks": results}
    return _json(payload, status=200 if ok else 503)


PROBES = {"/health/live": live, "/health/ready": ready}


class HealthCheckMiddleware:
    """Answers the probes before any other middleware sees the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info.rstrip("/"))
        if probe is None:
            return self.get_response(request)
        if request.method not in {"GET", "HEAD"}:
            response = _json({"status": "method not allowed"}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return probe(request)
