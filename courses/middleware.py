"""One transaction for each admin request that writes a page and its copies in other languages.

Wagtail saves a new page, then runs the ``after_create_page`` hooks, where wagtail-localize makes
the page's copies (aliases) in every synchronised language, each write committed on its own. A
failure half-way left a course in five languages out of eight. Here the page, its revision, its
copies and the translation source it refreshes on publishing commit together or not at all
(docs/decisions/0022-writes-that-survive.md).
"""

from django.db import transaction

ATOMIC_PAGE_VIEWS = frozenset(
    {"wagtailadmin_pages:add", "wagtailadmin_pages:edit", "wagtailadmin_pages:copy"}
)


class AtomicPageWritesMiddleware:
    """Run the admin's page create, edit and copy views (POST) inside one transaction.

    Placed last in MIDDLEWARE: the view it calls is the one Django would have called next.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in ATOMIC_PAGE_VIEWS:
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)
