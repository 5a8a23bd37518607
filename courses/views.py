from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .translation import course_translation_status, original_courses


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
