"""Assisted accounts: a cooperative leader or trainer registers members and follows them.

Activation codes are shown once, in the response to the registration, and never stored in clear:
the list of codes is offered as a CSV inside that same page.
"""

import base64
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core import imports as core_imports
from core.models import ImportJob
from core.spreadsheets import csv_text
from courses.api import learners_progress

from .. import imports, services
from ..forms import MemberForm, MembersFileForm
from ..roles import can_register_members
from ..selectors import registered_members

REFRESH_SECONDS = 3


def members_required(view: Callable) -> Callable:
    """Signed in (else the sign-in page) and allowed to register members (else 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_register_members(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(login_required(wrapper))


def _codes_csv(registrations: list[services.Registration]) -> str:
    """The list of codes as a base64 CSV, for a ``data:`` link (nothing kept on the server)."""
    text = csv_text(
        [_("First name"), _("Phone number"), _("Activation code")],
        [
            [item.user.first_name, item.user.phone_number, item.activation_code]
            for item in registrations
            if item.activation_code
        ],
    )
    return base64.b64encode(text.encode()).decode()


def _registered(request: HttpRequest, registrations: list[services.Registration]) -> HttpResponse:
    return render(
        request,
        "academy/members/registered.html",
        {
            "registrations": [item for item in registrations if item.activation_code],
            "invitations": [item for item in registrations if item.invited_to],
            "codes_csv": _codes_csv(registrations),
            "valid_days": settings.ACTIVATION_CODE_VALID_DAYS,
            "activate_url": request.build_absolute_uri(reverse("activate")),
        },
    )


@members_required
def member_list(request: HttpRequest) -> HttpResponse:
    members = learners_progress(
        learners=registered_members(request.user), language_code=get_language()
    )
    return render(request, "academy/members/list.html", {"members": members})


@members_required
def member_new(request: HttpRequest) -> HttpResponse:
    form = MemberForm(request.POST or None, initial={"preferred_language": get_language()})
    if request.method == "POST" and form.is_valid():
        profile = {
            key: value
            for key, value in form.cleaned_data.items()
            if key != "phone_number" and value not in (None, "")
        }
        try:
            registration = services.member_register(
                registered_by=request.user,
                phone_number=form.cleaned_data["phone_number"],
                **profile,
            )
        except ValidationError as error:
            form.add_error("phone_number", error)
        else:
            return _registered(request, [registration])
    return render(request, "academy/members/new.html", {"form": form})


@members_required
def member_import(request: HttpRequest) -> HttpResponse:
    form = MembersFileForm(request.POST or None, request.FILES or None)
    problems: list[imports.RowProblem] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(imports.MAX_BYTES + 1)
        try:
            rows = imports.rows_read(name=upload.name, data=data)
            if len(rows) > imports.BACKGROUND_FROM_ROWS:
                job = core_imports.import_job_create(
                    kind="members",
                    created_by=request.user,
                    file_name=upload.name,
                    data=data,
                    total=len(rows),
                    language=get_language(),
                )
                return redirect("member_import_job", job.uuid)
            registrations = imports.members_import(registered_by=request.user, rows=rows)
        except ValidationError as error:
            form.add_error("file", error)
        except imports.ImportRejectedError as rejected:
            problems = rejected.problems
        else:
            return _registered(request, registrations)
    return render(
        request,
        "academy/members/import.html",
        {"form": form, "problems": problems, "max_rows": imports.MAX_ROWS},
    )


@members_required
def member_import_job(request: HttpRequest, uuid) -> HttpResponse:
    """A background import: its progress (the page reloads itself), then its report, once."""
    job = get_object_or_404(ImportJob, uuid=uuid, kind="members", created_by=request.user)
    if job.state == ImportJob.State.DONE and "codes" in job.report:
        codes = dict(job.report["codes"])
        users = {user.pk: user for user in registered_members(request.user).filter(pk__in=codes)}
        registrations = [
            services.Registration(user=users[pk], activation_code=code)
            for pk, code in codes.items()
            if pk in users
        ]
        core_imports.import_job_report_forget(job=job, keys=("codes",))
        return _registered(request, registrations)
    if job.state == ImportJob.State.REJECTED:
        context = {
            "form": MembersFileForm(),
            "problems": job.report.get("problems", []),
            "file_error": job.report.get("file_error", ""),
            "max_rows": imports.MAX_ROWS,
        }
        return render(request, "academy/members/import.html", context)
    context = {"job": job, "done": core_imports.import_job_done(job=job)}
    response = render(request, "academy/members/import_job.html", context)
    if not job.is_finished:
        response["Refresh"] = str(REFRESH_SECONDS)  # polls without JavaScript
    return response
