"""Pages of the register link."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


def cooperative_detail(request: HttpRequest, public_id) -> HttpResponse:
    """The public register page of an active cooperative: name, sector, seat, number.

    Members' personal data never appears here; a cooperative that is no longer active is gone.
    """
    cooperative = selectors.cooperative_public_get(public_id=public_id)
    if cooperative is None:
        raise Http404
    return render(request, "registry_link/cooperative_detail.html", {"cooperative": cooperative})
