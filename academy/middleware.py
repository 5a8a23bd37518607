import hashlib
from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

from core import reading
from courses.api import page_cache_key, page_cache_timeout, site_prime, site_remember


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a page outside the language prefixes may answer a final 404.

    Django redirects any unprefixed 404 to its prefixed twin, which the page tree's catch-all
    always matches: a public page such as a certificate check marks its "not found" with
    ``response.final = True`` so it reaches the reader, in the language it was rendered in.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if getattr(response, "final", False):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


class SharedPageCacheMiddleware:
    """A visitor's learner page, kept until the next publish (docs/decisions/0040).

    Only responses a view marked as the same for every visitor (``response.shared``, set by
    ``courses`` on a learner page for a visitor who is not signed in) are kept, under the
    current content generation, the host and the full path (the language is its prefix). They
    are served again to requests without a session or messages cookie, before the session, the
    page tree or the templates are touched: no query at all. Such a response varies on no
    cookie: ``Vary: Cookie`` is removed (a CDN must pass requests with a session cookie through,
    see docs/operations.md). With Redis down every lookup is a miss: the page is built as usual.
    A page for a browser that accepts gzip is kept compressed (compressed once, not per request).
    """

    PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = self._key(request)
        if key is not None and (kept := cache.get(key)) is not None:
            return self._rebuild(kept)
        response = self.get_response(request)
        if getattr(response, "shared", False):
            self._unvary_cookie(response)
            if key is not None and response.status_code == 200 and not response.cookies:
                response = GZipMiddleware(self.get_response).process_response(request, response)
                cache.set(key, self._keep(response), page_cache_timeout())
        return response

    def _key(self, request: HttpRequest) -> str | None:
        if request.method not in ("GET", "HEAD"):
            return None
        if any(name in request.COOKIES for name in self.PERSONAL_COOKIES):
            return None
        accepted = request.headers.get("Accept-Encoding", "")
        encoding = "gzip" if re_accepts_gzip.search(accepted) else "-"
        # The path hashed: a key of fixed length whatever the query string a visitor sends.
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return page_cache_key("pages:response", request.get_host(), encoding, path)

    @staticmethod
    def _keep(response: HttpResponse) -> tuple:
        return response.status_code, list(response.items()), response.content

    @staticmethod
    def _rebuild(kept: tuple) -> HttpResponse:
        status, headers, content = kept
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response

    @staticmethod
    def _unvary_cookie(response: HttpResponse) -> None:
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [v for v in vary if v.lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        elif "Vary" in response:
            del response["Vary"]


class SiteMiddleware:
    """The Wagtail site of the host, from the process's memory until the next publish: Wagtail
    would look it up in the database on every request that shows a page's URL. Only a site
    Wagtail found itself is remembered: this adds no query."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        site_prime(request)
        response = self.get_response(request)
        site_remember(request)
        return response


class RememberLanguageMiddleware:
    """Remember the language of the last page read, so `/` can go straight back to it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if getattr(response, "shared", False):
            return response  # the same for every visitor: no cookie (offline.js remembers it)
        if language and language != remembered and response.status_code == 200:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response


class PrivateResponsesMiddleware:
    """Everything sent to a signed-in user is hers: ``Cache-Control: no-store, private``.

    One rule for every view (decision 0010, docs/decisions/0020): on a phone shared by several
    learners, the browser's back button or cache never shows one learner's dashboard, results or
    certificates to the next, and no proxy keeps a copy. Left as they are: responses to visitors
    who are not signed in (public pages stay cacheable), media files (the same for everyone;
    static files never reach here, WhiteNoise answers them first), and responses a view marked
    ``public`` on purpose (published subtitles). The service worker's Cache API ignores these
    headers, so saving lessons for offline use still works (decision 0016).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self._for_a_signed_in_user(request) and self._personal(request, response):
            patch_cache_control(response, no_store=True, private=True)
        return response

    @staticmethod
    def _for_a_signed_in_user(request: HttpRequest) -> bool:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False  # no session: not signed in, and the session is left untouched
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)

    @staticmethod
    def _personal(request: HttpRequest, response: HttpResponse) -> bool:
        shared = (settings.STATIC_URL, settings.MEDIA_URL)
        if request.path.startswith(shared):
            return False
        return "public" not in response.get("Cache-Control", "")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, with ``CONTENT_SECURITY_POLICY_ADMIN`` replacing directives under the
    Wagtail admin (decision 0024)."""

    ADMIN_PREFIX = "/admin/"

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(self.ADMIN_PREFIX):
            parts.replace = {**settings.CONTENT_SECURITY_POLICY_ADMIN, **(parts.replace or {})}
        return parts


class ReadingMiddleware:
    """The scripts she reads (her profile) choose the language of fallback content (0043)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        reads = user.reads if user is not None and user.is_authenticated else None
        token = reading.activate(reads)
        try:
            return self.get_response(request)
        finally:
            reading.deactivate(token)
