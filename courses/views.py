from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from core.languages import get_language, is_known

from .interface_strings import catalogue_entries, interface_string_review, review_shares
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
        {
            "rows": rows,
            "page_title": _("Translation status"),
            "string_shares": [(get_language(s.language_code), s) for s in review_shares()],
            "may_review_strings": _may_review_strings(request.user),
        },
    )


@require_POST
def translation_submit_for_review(request: HttpRequest, page_id: int) -> HttpResponse:
    """The translation editor's "Submit for review": the page's workflow, as for its source."""
    page = get_object_or_404(Page, pk=page_id)
    try:
        translation_submit(page=page, user=request.user)
    except ReviewRefusedError as refused:
        messages.error(request, refused.message, extra_tags=f"code-{refused.code}")
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("“%(title)s” was submitted for review.") % {"title": page.get_admin_display_title()},
        extra_tags="code-submitted",
    )
    # The page is locked while a reviewer looks at it: back to its place in the tree.
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def _may_review_strings(user) -> bool:
    return user.has_perm("courses.review_interface_strings")


def interface_strings(request: HttpRequest, language_code: str) -> HttpResponse:
    """A native reviewer reads a language's interface strings, corrects them and marks them
    reviewed, one entry at a time (decision 0030)."""
    if not _may_review_strings(request.user) or not is_known(language_code):
        raise PermissionDenied
    language = get_language(language_code)
    if request.method == "POST":
        try:
            interface_string_review(
                language_code=language.code,
                msgid=request.POST.get("msgid", ""),
                msgctxt=request.POST.get("msgctxt", ""),
                msgstr=request.POST.get("msgstr", ""),
                reviewed=request.POST.get("reviewed") == "on",
                user=request.user,
            )
        except LookupError:
            messages.error(
                request, _("This text is not in the catalogue."), extra_tags="code-unknown_entry"
            )
        except ValueError:
            messages.error(request, _("Write a translation."), extra_tags="code-empty_translation")
        else:
            messages.success(request, _("Saved. Learners see it at once."))
        query = request.POST.get("q", "")
        return redirect(f"{request.path}?{urlencode({'q': query})}" if query else request.path)
    query = request.GET.get("q", "").strip()
    entries = catalogue_entries(language.code, query=query)
    page = Paginator(entries, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "courses/admin/interface_strings.html",
        {
            "language": language,
            "page": page,
            "query": query,
            "page_title": _("Interface strings: %(language)s") % {"language": language.name},
        },
    )
