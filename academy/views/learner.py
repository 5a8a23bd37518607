"""The learner's own space: dashboard, profile, her data (download, delete), the data notice."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from assessments.api import learner_data as assessments_learner_data
from courses.api import invitations_for, latest_resume, learner_courses, learner_data

from .. import services
from ..authentication import pin_confirm
from ..forms import DeleteAccountForm, PinChangeForm, ProfileForm
from ..selectors import account_data


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    courses = learner_courses(request.user, get_language())
    return render(
        request,
        "academy/learner/dashboard.html",
        {
            "in_progress": [course for course in courses if not course.completed_at],
            "completed": [course for course in courses if course.completed_at],
            "resume": latest_resume(courses),
            "cohort_invitations": invitations_for(request.user).count(),
        },
    )


def _profile_forms(request: HttpRequest) -> tuple[ProfileForm, PinChangeForm]:
    action = request.POST.get("action") if request.method == "POST" else None
    user = request.user
    initial = {
        field: getattr(user, f"{field}_id" if field in services.TERRITORY_FIELDS else field)
        for field in services.PROFILE_FIELDS
    }
    profile = ProfileForm(request.POST if action == "profile" else None, initial=initial)
    pin = PinChangeForm(request.POST if action == "pin" else None)
    return profile, pin


@never_cache
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    profile_form, pin_form = _profile_forms(request)
    if profile_form.is_bound and profile_form.is_valid():
        services.profile_update(user=request.user, **profile_form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect(f"/{request.user.preferred_language or get_language()}/me/profile/")
    if pin_form.is_bound and pin_form.is_valid() and _pin_changed(request, pin_form):
        messages.success(request, _("Your new PIN is saved."))
        return redirect("profile")
    return _profile_page(request, profile_form, pin_form)


def _pin_changed(request: HttpRequest, form: PinChangeForm) -> bool:
    """Change her PIN; the current one is checked under the sign-in's lockout."""
    data = form.cleaned_data
    if not pin_confirm(request, user=request.user, pin=data["current_pin"]):
        form.add_error(None, _("Your current PIN is not right."))
        return False
    try:
        services.pin_change(
            user=request.user, current_pin=data["current_pin"], new_pin=data["new_pin"]
        )
    except ValidationError as error:
        form.add_error(None, error.messages[0])
        return False
    return True


def _profile_page(request: HttpRequest, profile_form, pin_form) -> HttpResponse:
    return render(
        request,
        "academy/learner/profile.html",
        {"profile_form": profile_form, "pin_form": pin_form, "delete_form": DeleteAccountForm()},
    )


@never_cache
@login_required
def data_download(request: HttpRequest) -> HttpResponse:
    data = {
        **account_data(request.user),
        "learning": learner_data(request.user),
        "assessments": assessments_learner_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="taawounia-my-data.json"'
    return response


@never_cache
@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not pin_confirm(request, user=request.user, pin=form.cleaned_data["pin"]):
            form.add_error("pin", _("Your PIN is not right."))
            return render(request, "academy/learner/delete.html", {"form": form})
        try:
            services.account_delete(user=request.user, pin=form.cleaned_data["pin"])
        except ValidationError as error:
            form.add_error("pin", error.messages[0])
        else:
            logout(request)
            return render(request, "academy/learner/deleted.html")
    return render(request, "academy/learner/delete.html", {"form": form})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "academy/privacy.html")
