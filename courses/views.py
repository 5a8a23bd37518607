from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .translation import course_translation_status, original_courses
from .translation_review import ReviewRefusedError, translation_submit


def translation_status(request: HttpRequest) -> HttpResponse:
    """For each course and each language: missing, out of date (segments waiting) or up to date."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    rows = [course_translation_status(course) for course in original_courses()]
    return render(
        request,
        "courses/admin/translation_status.html",
        {"rows": rows, "page_title": _("Translation status")},
    )


@require_POST
def translation_submit_for_review(request: HttpRequest, page_id: int) -> HttpResponse:
    """The translation editor's "Submit for review": the page's workflow, as for its source."""
    page = get_object_or_404(Page, pk=page_id)
    try:
        translation_submit(page=page, user=request.user)
    except ReviewRefusedError as refused:
        messages.error(request, refused.message, extra_tags=f"code-{refused.code}")
    else:
        messages.success(
            request,
            _("“%(title)s” was submitted for review.") % {"title": page.get_admin_display_title()},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)
