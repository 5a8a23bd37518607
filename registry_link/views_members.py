"""Membership pages: "My cooperative", the claim, the leader's page (decision 0033).

Every page is personal (signed in, never cached: ``PrivateResponsesMiddleware``). An id in a
URL that is not hers (a membership of someone else, a cooperative she does not lead) answers
404, the same as an id that does not exist.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy.api import phone_number_verified

from .membership import selectors, services
from .membership.forms import ClaimForm, InviteForm


def _not_hers_is_404(view: Callable) -> Callable:
    """A service's PermissionDenied (someone else's id) looks like an unknown id."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    return login_required(wrapper)


def _error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def my_cooperative(request: HttpRequest) -> HttpResponse:
    """Her cooperatives: confirmed, waiting for the leader, invitations to answer."""
    links = list(selectors.links_of(user=request.user))
    context = {
        "links": links,
        "leads": [link for link in links if link.is_leader],
        "verified": phone_number_verified(request.user),
    }
    return render(request, "registry_link/members/my_cooperative.html", context)


@login_required
def claim(request: HttpRequest) -> HttpResponse:
    """She names her cooperative (court, number, name) and asks its leader to confirm her."""
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_claim(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request was sent to the leader of the cooperative."))
            return redirect("registry_link:my_cooperative")
    context = {"form": form, "verified": phone_number_verified(request.user)}
    return render(request, "registry_link/members/claim.html", context)


@require_POST
@_not_hers_is_404
def invitation_answer(request: HttpRequest, membership_id: int, answer: str) -> HttpResponse:
    if answer not in ("accept", "decline"):
        raise Http404
    try:
        services.invitation_answer(
            user=request.user, membership_id=membership_id, accept=answer == "accept"
        )
    except ValidationError as error:
        _error(request, error)
    return redirect("registry_link:my_cooperative")


@require_POST
@_not_hers_is_404
def leave(request: HttpRequest, membership_id: int) -> HttpResponse:
    services.membership_leave(user=request.user, membership_id=membership_id)
    messages.success(request, _("Done: the leader no longer sees your training."))
    return redirect("registry_link:my_cooperative")


@_not_hers_is_404
def leader_members(request: HttpRequest, public_id) -> HttpResponse:
    """The leader's page: claims to confirm or refuse, her members and their training."""
    cooperative = selectors.cooperative_led_get(user=request.user, public_id=public_id)
    if cooperative is None:
        raise Http404
    page = selectors.leader_page(cooperative=cooperative, language_code=get_language())
    context = {"page": page, "invite_form": InviteForm()}
    return render(request, "registry_link/members/leader.html", context)


@require_POST
@_not_hers_is_404
def member_invite(request: HttpRequest, public_id) -> HttpResponse:
    """The leader invites the owner of a number; she is texted and joins when she accepts."""
    cooperative = selectors.cooperative_led_get(user=request.user, public_id=public_id)
    if cooperative is None:
        raise Http404
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.membership_invite_number(
                cooperative=cooperative,
                leader=request.user,
                phone_number=form.cleaned_data["phone_number"],
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Invitation sent: she joins when she accepts."))
    return redirect("registry_link:leader_members", public_id=cooperative.public_id)


@require_POST
@_not_hers_is_404
def claim_decide(request: HttpRequest, public_id, membership_id: int, decision: str):
    if decision not in ("confirm", "refuse"):
        raise Http404
    cooperative = selectors.cooperative_led_get(user=request.user, public_id=public_id)
    if cooperative is None:
        raise Http404
    try:
        services.claim_decide(
            cooperative=cooperative,
            leader=request.user,
            membership_id=membership_id,
            confirm=decision == "confirm",
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Confirmed.") if decision == "confirm" else _("Refused."))
    return redirect("registry_link:leader_members", public_id=cooperative.public_id)
