"""Wagtail admin: the regional delegation's queue of founding files, and the review page
(comments per part, changes asked, name approved, steps confirmed, court number recorded).

Only staff with the review permission see it, and only their region's files (a superuser sees
every region): ``founding.selectors`` (decision 0034).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .founding import selectors, services, steps
from .founding.forms import CommentForm, CourtForm
from .models.founding import FileStatus, StepKind, StepStatus


def _reviewer(request) -> None:
    if not selectors.is_reviewer(request.user):
        raise PermissionDenied


def founding_queue(request):
    _reviewer(request)
    status = request.GET.get("status", "")
    if status not in FileStatus.values:
        status = ""
    files = selectors.review_queue(user=request.user, status=status or None)
    context = {
        "page_title": _("Founding files"),
        "files": files.prefetch_related("founders"),
        "statuses": FileStatus.choices[1:],
        "status": status,
        "region": None if request.user.is_superuser else request.user.region,
    }
    return TemplateResponse(request, "registry_link/founding/admin/queue.html", context)


ACTIONS = {"comment", "changes", "approve", "step_done", "step_back", "court"}


def _act(request, file) -> None:
    action = request.POST.get("action")
    staff = request.user
    if action == "comment":
        form = CommentForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Choose the part and write the comment."), code="comment_empty")
        services.comment_add(file=file, staff=staff, **form.cleaned_data)
        messages.success(request, _("Comment added."))
    elif action == "changes":
        services.changes_ask(file=file, staff=staff)
        messages.success(request, _("The founders are asked for changes (SMS sent)."))
    elif action == "approve":
        services.name_approve(file=file, staff=staff, name=request.POST.get("name", ""))
        messages.success(request, _("Name approved: the certificate is issued (SMS sent)."))
    elif action == "step_done":
        services.step_complete(file=file, staff=staff, kind=request.POST.get("kind", ""))
        messages.success(request, _("Step confirmed (SMS sent)."))
    elif action == "step_back":
        services.step_send_back(file=file, staff=staff, kind=request.POST.get("kind", ""))
        messages.success(request, _("The founders are asked for another document (SMS sent)."))
    elif action == "court":
        form = CourtForm(request.POST)
        if not form.is_valid():
            raise ValidationError(
                _("Write the court, the number and the date."), code="court_number_missing"
            )
        services.court_registration_record(file=file, staff=staff, **form.cleaned_data)
        messages.success(
            request, _("Registered: the cooperative is in the register with its members.")
        )
    else:
        raise ValidationError(_("Unknown action."), code="unknown_action")


def founding_review(request, public_id):
    _reviewer(request)
    file = selectors.file_for_reviewer(public_id=public_id, user=request.user)
    if file is None:
        raise Http404
    if request.method == "POST":
        try:
            _act(request, file)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise Http404 from None
        return redirect("registry_link_founding_review", public_id=file.public_id)
    founders = list(file.founders.select_related("user"))
    rows = []
    for step in file.steps.all():
        rule = steps.rule_of(step.kind)
        rows.append(
            {
                "step": step,
                "rule": rule,
                "can_confirm": step.status in (StepStatus.TODO, StepStatus.SENT)
                and step.kind not in (StepKind.NAME, StepKind.COURT)
                and file.status != FileStatus.SUBMITTED,
                "can_record_court": step.kind == StepKind.COURT and step.status == StepStatus.TODO,
            }
        )
    context = {
        "page_title": _("Founding file: %(name)s") % {"name": file.title},
        "file": file,
        "founders": founders,
        "capital": file.share_value * sum(f.shares for f in founders),
        "shares_total": sum(f.shares for f in founders),
        "steps": rows,
        "comments": file.comments.select_related("author"),
        "events": file.events.select_related("actor"),
        "comment_form": CommentForm(),
        "court_form": CourtForm(),
        "can_review": file.status == FileStatus.SUBMITTED,
    }
    return TemplateResponse(request, "registry_link/founding/admin/review.html", context)


@hooks.register("register_admin_urls")
def register_founding_urls():
    return [
        path("founding-files/", founding_queue, name="registry_link_founding_queue"),
        path(
            "founding-files/<uuid:public_id>/",
            founding_review,
            name="registry_link_founding_review",
        ),
    ]


class FoundingMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.is_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_founding_menu_item():
    return FoundingMenuItem(
        gettext_lazy("Founding files"),
        reverse("registry_link_founding_queue"),
        icon_name="folder-open-inverse",
        order=270,
    )
