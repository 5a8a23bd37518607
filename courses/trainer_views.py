"""The trainer's cohorts: create one, invite members, enrol it in a course, follow its progress.

Only users with ``academy.manage_cohorts`` (trainers) get in (others: 403), and each sees her own
cohorts only (another trainer's cohort: 404). Members are learners who accepted an invitation or
joined with the cohort's code; the answer to an invitation never says which numbers have accounts.
"""

from collections.abc import Callable
from functools import wraps
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from . import cohort_members, cohorts
from .models import Cohort
from .panels import cohort_panels

MANAGE_COHORTS = "academy.manage_cohorts"


def trainer_required(view: Callable) -> Callable:
    """Signed in (else the sign-in page) and allowed to manage cohorts (else 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(MANAGE_COHORTS):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(login_required(wrapper))


class CohortForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the cohort"),
        max_length=120,
        help_text=_("For example: the members of one cooperative, or one regional session."),
    )


class PhoneNumbersForm(forms.Form):
    phone_numbers = forms.CharField(
        label=_("Phone numbers of learners to invite (one per line)"),
        help_text=_(
            "Each learner accepts the invitation in her space after signing in. Until then, "
            "you see nothing of her."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr", "inputmode": "tel"}),
    )

    def clean_phone_numbers(self) -> list[str]:
        lines = self.cleaned_data["phone_numbers"].replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]


class EnrolForm(forms.Form):
    course = forms.ChoiceField(label=_("Course"))

    def __init__(self, *args, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [
            (str(entry.page.translation_key), entry.content.title) for entry in courses
        ]


def _cohort(request: HttpRequest, pk: int) -> Cohort:
    return get_object_or_404(cohorts.cohorts_of(request.user), pk=pk)


@trainer_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = cohorts.cohort_create(owner=request.user, name=form.cleaned_data["name"])
        return redirect("cohort", pk=cohort.pk)
    return render(
        request,
        "courses/trainer/cohorts.html",
        {"form": form, "cohorts": cohorts.cohorts_of(request.user)},
    )


def _invitations_sent(request: HttpRequest, count: int) -> None:
    messages.success(
        request,
        ngettext(
            "Invitation sent to %(count)s number.", "Invitations sent to %(count)s numbers.", count
        )
        % {"count": count},
    )


def _invite_by_phone(request: HttpRequest, cohort: Cohort, form: PhoneNumbersForm) -> bool:
    if not form.is_valid():
        return False
    count = cohort_members.cohort_invitations_send(
        cohort=cohort, invited_by=request.user, phone_numbers=form.cleaned_data["phone_numbers"]
    )
    _invitations_sent(request, count)
    return True


def _invite_registered(request: HttpRequest, cohort: Cohort) -> bool:
    ids = [int(value) for value in request.POST.getlist("learner") if value.isdigit()]
    count = cohort_members.cohort_invitations_send(
        cohort=cohort, invited_by=request.user, learner_ids=ids
    )
    _invitations_sent(request, count)
    return True


def _code_renew(request: HttpRequest, cohort: Cohort) -> bool:
    cohort_members.cohort_code_renew(cohort=cohort)
    messages.success(request, _("The cohort has a new code; the old one no longer works."))
    return True


def _enrol(request: HttpRequest, cohort: Cohort, form: EnrolForm) -> bool:
    if not form.is_valid():
        return False
    count = cohorts.cohort_enrol(
        cohort=cohort, course_key=UUID(form.cleaned_data["course"]), enrolled_by=request.user
    )
    messages.success(
        request,
        ngettext("%(count)s member enrolled.", "%(count)s members enrolled.", count)
        % {"count": count},
    )
    return True


@trainer_required
def cohort_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    language_code = get_language()
    phones = PhoneNumbersForm(request.POST if action == "phones" else None)
    enrol = EnrolForm(
        request.POST if action == "enrol" else None,
        courses=cohorts.course_choices(language_code=language_code),
    )
    handlers = {
        "phones": lambda: _invite_by_phone(request, cohort, phones),
        "registered": lambda: _invite_registered(request, cohort),
        "enrol": lambda: _enrol(request, cohort, enrol),
        "code": lambda: _code_renew(request, cohort),
    }
    errors: list[str] = []
    if action in handlers:
        try:
            if handlers[action]():
                return redirect("cohort", pk=cohort.pk)
        except ValidationError as error:
            form = {"phones": phones, "enrol": enrol}.get(action)
            if form is None:
                errors = error.messages
            else:
                form.add_error(None, error)
    progress = cohorts.cohort_progress(cohort=cohort, language_code=language_code)
    return render(
        request,
        "courses/trainer/cohort.html",
        {
            "cohort": cohort,
            "progress": progress,
            "panels": cohort_panels(
                request, progress.courses, [row.learner.pk for row in progress.rows]
            ),
            "candidates": cohorts.registered_candidates(owner=request.user, cohort=cohort),
            "invited": cohort_members.invited_numbers(cohort),
            "phones_form": phones,
            "enrol_form": enrol,
            "errors": errors,
        },
    )


@trainer_required
def cohort_export(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    progress = cohorts.cohort_progress(cohort=cohort, language_code=get_language())
    return cohorts.cohort_csv(progress, filename=f"cohort-{cohort.pk}-progress.csv")
