"""The installable app: service worker, manifest, offline pages, and what "save for offline"
downloads (docs/decisions/0016-offline-in-the-browser.md)."""

import hashlib
import json
from urllib.parse import urlsplit
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.content import resolve
from core.languages import get_language as registered_language
from core.sizes import human_size
from courses.api import content_versions, saveable

from ..offline import MEDIA_CHOICES, bundle_for, media_base

# Kept when the worker installs (a few KB). Other static files, the Tifinagh font among them,
# are kept the first time a page uses them: a learner reading Arabic never downloads the font.
SHELL_STATIC = (
    "academy/css/site.css",
    "academy/js/offline.js",
    "academy/js/store.js",
    "academy/js/progress.js",
    "media_pipeline/player.js",
    "media_pipeline/player.css",
)
MAX_VERSION_KEYS = 100


def _origin(url: str) -> str:
    """The origin of an absolute URL (an object store's), or "" for a path of this site."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The worker, at the root so that its scope is the whole site; its version changes with
    the files it keeps, so browsers install a new one when they change."""
    context = {
        "shell": json.dumps([static(name) for name in SHELL_STATIC]),
        "store": json.dumps(static("academy/js/store.js")),
        "static_url": settings.STATIC_URL,
        "media_url": settings.MEDIA_URL,
        "media_origin": json.dumps(_origin(media_base())),
        "version": "",
    }
    script = render_to_string("academy/offline/sw.js", context)
    context["version"] = hashlib.sha256(script.encode()).hexdigest()[:12]
    script = render_to_string("academy/offline/sw.js", context)
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest in the interface language: its name, direction and start page."""
    language = registered_language(get_language())
    icons = [
        {"src": static(f"academy/icons/icon-{size}.png"), "sizes": f"{size}x{size}",
         "type": "image/png", "purpose": "any maskable"}
        for size in (192, 512)
    ]  # fmt: skip
    data = {
        "name": gettext("Taawounia Academy"),
        "short_name": gettext("Taawounia"),
        "description": gettext(
            "Free training for cooperative members, at your own pace, in your language."
        ),
        "lang": language.code,
        "dir": language.direction,
        "start_url": f"/{language.code}/",
        "scope": "/",
        "id": "/",
        "display": "standalone",
        "background_color": "#fbf8f1",
        "theme_color": "#0b6e4f",
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def offline_page(request: HttpRequest, *, saved: bool = False) -> HttpResponse:
    """The page shown for anything not kept on the phone, and the list of what is: the same for
    every learner (the list is read from the phone), so the worker may keep it for anyone."""
    template = "academy/offline/saved.html" if saved else "academy/offline/offline.html"
    return render(request, template, {"user": AnonymousUser(), "shell_page": True})


def _choice(bundle, media: str) -> dict:
    size = bundle.size(media)
    return {
        "bytes": size,
        "label": gettext("≈ %(size)s") % {"size": human_size(size)},
        "urls": [item.url for item in bundle.items(media)],
    }


@never_cache
@require_GET
def save_plan(request: HttpRequest, key: UUID) -> JsonResponse:
    """What saving this course or lesson downloads, for each choice of media, with sizes;
    ``?opus=1`` from a phone that plays Opus in MP4: its lighter sound-only files."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"error": gettext("Sign in to save lessons on this phone.")}, status=401
        )
    found = saveable(key, get_language())
    if found is None:
        return JsonResponse({"error": gettext("This lesson or course does not exist.")}, status=404)
    bundle = bundle_for(request, found, opus=request.GET.get("opus") == "1")
    return JsonResponse(
        {
            "key": str(key),
            "kind": found.kind,
            "title": resolve(found.root, get_language()).content.title,
            "url": found.root.get_url(request),
            "version": content_versions([key])[key],
            "choices": {media: _choice(bundle, media) for media in MEDIA_CHOICES},
        },
        json_dumps_params={"ensure_ascii": False},
    )


@never_cache
@require_GET
def versions(request: HttpRequest) -> JsonResponse:
    """When each saved course or lesson last changed (null: gone, to be dropped)."""
    try:
        keys = [UUID(raw) for raw in request.GET.get("keys", "").split(",") if raw]
    except ValueError:
        return JsonResponse({"error": gettext("This list of lessons is not valid.")}, status=400)
    found = content_versions(keys[:MAX_VERSION_KEYS])
    return JsonResponse({str(key): version for key, version in found.items()})
