"""Panels other apps add to course pages, so courses knows nothing of those apps.

- Completion panels: on a course page once the learner has completed the course, each a function
  ``(request, course_key) -> html`` registered with ``courses.api.register_completion_panel``.
- Page panels: on a course page (for the course and for each module of its outline) and on a
  module page, each a function ``(request, page) -> html`` registered with
  ``courses.api.register_page_panel`` (e.g. the links to a module's test).

Each app registers its panels from its AppConfig.ready().
"""

from collections.abc import Callable
from uuid import UUID

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

Panel = Callable[[HttpRequest, UUID], str]
PagePanel = Callable[[HttpRequest, Page], str]
_panels: list[Panel] = []
_page_panels: list[PagePanel] = []


def register_completion_panel(panel: Panel) -> Panel:
    if panel not in _panels:
        _panels.append(panel)
    return panel


def completion_panels(request: HttpRequest, course_key: UUID) -> SafeString:
    return mark_safe("".join(panel(request, course_key) for panel in _panels))  # noqa: S308 - each panel renders an escaped template


def register_page_panel(panel: PagePanel) -> PagePanel:
    if panel not in _page_panels:
        _page_panels.append(panel)
    return panel


def page_panels(request: HttpRequest, page: Page) -> SafeString:
    """What the registered apps add to ``page`` (a course or a module in the reader's tree)."""
    return mark_safe("".join(panel(request, page) for panel in _page_panels))  # noqa: S308 - each panel renders an escaped template
