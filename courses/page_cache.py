"""What learner pages keep between requests, until the next publish (docs/decisions/0040).

Everything a learner page shows that changes only when an editor publishes — which page a URL
leads to, the course outline, the rendered lesson — is cached under the current *content
generation*: a random token in the cache, replaced after any page is saved, published,
unpublished, moved or deleted (after commit, and at once for the writer's own requests). A
change therefore shows at once in every language, fallback pages included (a Tachelhit page that
shows the Darija text is cached under the same generation as the Darija page). Personal parts
(progress, ticks, resume) are never cached here.

When the cache is unreachable (core/cache.py answers as a miss), every request gets a new
generation: nothing is reused, pages are built as before — slower, never stale or broken.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Page, Site

from core import reading

GENERATION_KEY = "pages:generation"
ROUTE_PREFIX = "pages:route-page"  # (page, restrictions, site); renamed when the entry changes
RESPONSE_PREFIX = "pages:response"


def timeout() -> int:
    """How long an entry may live at most (a safety net: a publish replaces the generation)."""
    return settings.PAGE_CACHE_SECONDS


_request = threading.local()  # the generation read once per request, per thread


def request_started_reset(**kwargs) -> None:
    _request.generation = None
    _request.memo = {}


def request_finished_reset(**kwargs) -> None:
    _request.memo = None


def per_request(name: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per request (while serving one; outside a request, each time)."""
    memo = getattr(_request, "memo", None)
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def generation() -> str:
    """The current content generation, with the release (a deploy starts afresh) and the
    version of the reviewers' interface-string corrections (they change the words of pages).
    Read from the cache once per request.

    Inside a transaction that changed content, a throwaway token: what this connection reads
    then may be rolled back, so nothing it builds is kept for others."""
    if getattr(_request, "uncommitted", False):
        if connection.in_atomic_block:
            return f"uncommitted:{uuid.uuid4().hex}"
        _request.uncommitted = False  # the transaction ended (a commit clears it itself)
    if getattr(_request, "generation", None) is None:
        _request.generation = _read_generation()
    return _request.generation


def _read_generation() -> str:
    from .interface_strings import VERSION_KEY

    found = cache.get_many([GENERATION_KEY, VERSION_KEY])
    _request.version = found.get(VERSION_KEY)
    current = found.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        current = cache.get(GENERATION_KEY) or uuid.uuid4().hex  # unreachable: never reused
    return f"{settings.PAGE_CACHE_RELEASE}:{found.get(VERSION_KEY, '')}:{current}"


def interface_version() -> str | None:
    """The version of the reviewers' interface-string corrections, read with the generation
    (one round trip per request for both)."""
    if getattr(_request, "generation", None) is None:
        _request.generation = _read_generation()
    return getattr(_request, "version", None)


def content_changed() -> None:
    """Start a new generation now, and again once the transaction commits (a request that read
    the old rows in between must not keep them under the new generation)."""
    _new_generation()
    if connection.in_atomic_block:
        _request.uncommitted = True
    transaction.on_commit(_committed)


def reset() -> None:
    """Forget everything kept (a new generation) and this thread's state: for tests."""
    cache.delete(GENERATION_KEY)
    _request.uncommitted = False
    _request.generation = None


def _committed() -> None:
    _request.uncommitted = False
    _new_generation()


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    _request.generation = None


def key(prefix: str, *parts: object) -> str:
    return ":".join([prefix, generation(), _reads(), *(str(part) for part in parts)])


def _reads() -> str:
    """The scripts the reader reads choose fallback content (decision 0043): part of each key."""
    return "+".join(sorted(reading.active() or ())) or "-"


def remember(name: str, parts: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept until the next publish under ``name`` and ``parts``."""
    entry = key(f"pages:{name}", *parts)
    value = cache.get(entry)
    if value is None:
        value = compute()
        cache.set(entry, value, timeout())
    return value


# What a process keeps itself (no round trip), for the current generation only.
_in_process: dict = {"generation": None, "values": {}}
IN_PROCESS_MAX = 10_000  # entries; past it, the process starts afresh
_MISSING = object()


def _in_process_values() -> dict:
    current = generation()
    if _in_process["generation"] != current or len(_in_process["values"]) > IN_PROCESS_MAX:
        _in_process["generation"], _in_process["values"] = current, {}
    return _in_process["values"]


def remember_in_process(name: str, parts: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept in this process until the next publish: small values read on every
    request (a page's links to its translations) cost no round trip."""
    values = _in_process_values()
    entry = (name, _reads(), *parts)
    value = values.get(entry, _MISSING)
    if value is _MISSING:
        value = values[entry] = compute()
    return value


def site_prime(request) -> None:
    """Give Wagtail the site of the request's host if this process found it since the last
    publish (Wagtail looks it up in the database once per request otherwise)."""
    entry = ("site", request.get_host())
    site = _in_process_values().get(entry)
    request._site_generation = _in_process["generation"]
    if site is not None and not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site


def site_remember(request) -> None:
    """After the response: the site Wagtail found, if any, for the next requests (unless
    content changed meanwhile)."""
    site = getattr(request, "_wagtail_site", None)
    if site is not None and getattr(request, "_site_generation", None) == generation():
        _in_process_values()[("site", request.get_host())] = site


def fragment_key(page) -> str:
    """What a template fragment of ``page`` is cached under: generation, the scripts she reads,
    page and language."""
    return f"{generation()}:{_reads()}:{page.pk}:{translation.get_language()}"


def shared_response(response) -> None:
    """Mark a visitor's learner page as the same for every visitor: a CDN may keep it
    (``s-maxage``), a browser briefly (``max-age``), and the page cache middleware keeps it until
    the next publish. Its language is in the URL, so it varies on no cookie."""
    patch_cache_control(
        response,
        public=True,
        max_age=settings.LEARNER_PAGE_MAX_AGE,
        s_maxage=settings.LEARNER_PAGE_S_MAXAGE,
    )
    response.shared = True


def remember_many(name: str, language: str, keys, compute: Callable[[list], dict]) -> dict:
    """``compute(missing_keys)`` (a dict by key) for the keys not in the cache, kept until the
    next publish; all of them read in one round trip."""
    entries = {key(f"pages:{name}", language, item): item for item in keys}
    found = {entries[entry]: value for entry, value in cache.get_many(list(entries)).items()}
    missing = [item for item in keys if item not in found]
    if missing:
        computed = compute(missing)
        cache.set_many(
            {key(f"pages:{name}", language, item): computed[item] for item in computed},
            timeout(),
        )
        found.update(computed)
    return found


# --- Routing: which page a URL leads to ---------------------------------------------------------


def _route_key(request, path: str) -> str:
    return key(ROUTE_PREFIX, request.get_host(), request.path_info.split("/")[1], path)


def route_prime(request, path: str) -> None:
    """Give Wagtail the page of a known URL (``request._wagtail_route_for_request``, its own
    per-request cache) without a query: the page itself is kept, as it was read from the
    database, until the next publish."""
    known = cache.get(_route_key(request, path))
    if known is None:
        return
    request._page_route_known = True
    page, restrictions, site = known
    page.serving_restrictions = restrictions  # see LearnerPage.get_view_restrictions
    request._wagtail_route_for_request = (page, [], {})
    request._wagtail_site = site


def route_remember(request, path: str) -> None:
    """After Wagtail routed a URL to a learner page, keep which page it was (once), read again
    so that nothing this request attached to it is kept."""
    from .models import LearnerPage

    if getattr(request, "_page_route_known", False):
        return
    result = getattr(request, "_wagtail_route_for_request", None)
    if not result or result[1] or result[2] or not isinstance(result[0], LearnerPage):
        return
    served = result[0]
    page = type(served).objects.select_related("locale").filter(pk=served.pk).first()
    if page is None:
        return
    known = (page, list(served.get_view_restrictions()), Site.find_for_request(request))
    cache.set(_route_key(request, path), known, timeout())


# --- Signals ------------------------------------------------------------------------------------


# What a learner page shows besides pages (with their sites and restrictions): images,
# documents, media with their renditions and subtitles, the questions of practice quizzes. Rows
# that belong to one learner are not here.
SHOWN_APPS = frozenset({"wagtailcore", "wagtailimages", "wagtaildocs", "media_pipeline"})
SHOWN_MODELS = frozenset(
    {"assessments.quiz", "assessments.quizitem", "assessments.question", "assessments.choice"}
)


def shown_to_learners(model) -> bool:
    return (
        issubclass(model, Page)
        or model._meta.app_label in SHOWN_APPS
        or model._meta.label_lower in SHOWN_MODELS
    )


def content_changed_by(sender, **kwargs) -> None:
    """Signal receiver: a saved, deleted, published or moved row that learner pages show."""
    instance = kwargs.get("instance")
    model = type(instance) if instance is not None else sender
    if isinstance(model, type) and shown_to_learners(model):
        content_changed()
