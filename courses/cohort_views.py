"""The learner's cohorts, in her space: invitations to accept or decline, joining with a
cohort's code, leaving a cohort (docs/decisions/0020)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import cohort_members


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code of the cohort (given by your trainer)"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "dir": "ltr"}),
    )


def _number(request: HttpRequest, name: str) -> int:
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else 0


def _act(request: HttpRequest, action: str, form: JoinCodeForm) -> str | None:
    """Do what she asked; the message to show, or None when the form has its errors."""
    learner = request.user
    if action == "accept":
        cohort = cohort_members.cohort_invitation_accept(
            learner=learner, invitation_id=_number(request, "invitation")
        )
        return gettext("You joined the cohort “%(name)s”.") % {"name": cohort.name}
    if action == "decline":
        cohort_members.cohort_invitation_decline(
            learner=learner, invitation_id=_number(request, "invitation")
        )
        return gettext("Invitation declined.")
    if action == "leave":
        cohort_members.cohort_leave(learner=learner, cohort_id=_number(request, "cohort"))
        return gettext("You left the cohort. Its trainer no longer sees your progress.")
    if action == "code" and form.is_valid():
        cohort = cohort_members.cohort_join_with_code(
            learner=learner, code=form.cleaned_data["code"]
        )
        return gettext("You joined the cohort “%(name)s”.") % {"name": cohort.name}
    return None


@login_required
def my_cohorts(request: HttpRequest) -> HttpResponse:
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = JoinCodeForm(request.POST if action == "code" else None)
    error = None
    if action:
        try:
            done = _act(request, action, form)
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            if done:
                messages.success(request, done)
                return redirect("my_cohorts")
    context = {
        "invitations": cohort_members.invitations_for(request.user),
        "cohorts": cohort_members.cohorts_joined(request.user),
        "form": form,
        "error": error,
        "unverified": request.user.phone_verified_at is None,
    }
    return render(request, "courses/learner/cohorts.html", context, status=400 if error else 200)
