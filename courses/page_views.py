"""Wagtail's page view, with the page of a known URL handed over from the cache."""

from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views

from .page_cache import route_prime, route_remember


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's ``serve``; a URL seen since the last publish costs one query to route."""
    route_prime(request, path)
    response = wagtail_views.serve(request, path)
    route_remember(request, path)
    return response
