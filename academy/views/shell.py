from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from core.languages import LANGUAGES, is_known
from courses.api import search_lessons


@require_GET
def language_chooser(request: HttpRequest) -> HttpResponse:
    """The front door: each language in its own script; a remembered choice goes straight on."""
    remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if is_known(remembered) and "choose" not in request.GET:
        return redirect(f"/{remembered}/")
    return render(request, "academy/language_chooser.html", {"languages": LANGUAGES})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    results = search_lessons(query=query, language_code=request.LANGUAGE_CODE) if query else []
    return render(request, "academy/search.html", {"query": query, "results": results})
