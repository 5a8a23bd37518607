"""Panels other apps add to course pages, so courses knows nothing of those apps.

- Completion panels: on a course page once the learner has completed the course, each a function
  ``(request, course_key) -> html`` registered with ``courses.api.register_completion_panel``.
- Page panels: on a course page (for the course and for each module of its outline) and on a
  module page, each a function ``(request, pages) -> {translation_key: html}`` registered with
  ``courses.api.register_page_panel`` (e.g. the links to a module's test). A course page asks
  once for all its pages, so a panel's queries do not grow with the number of modules.

- Cohort panels: on a trainer's cohort page, under the progress table, each a function
  ``(request, courses, learner_ids) -> html`` (``courses``: the cohort's courses as ``Entry``,
  ``learner_ids``: its members) registered with ``courses.api.register_cohort_panel`` (e.g. the
  learning gain between a course's pre-test and post-test).

Each app registers its panels from its AppConfig.ready().
"""

from collections.abc import Callable
from uuid import UUID

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

Panel = Callable[[HttpRequest, UUID], str]
PagePanel = Callable[[HttpRequest, list[Page]], dict[UUID, str]]
_panels: list[Panel] = []
_page_panels: list[PagePanel] = []
CohortPanel = Callable[[HttpRequest, list, list[int]], str]
_cohort_panels: list[CohortPanel] = []


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


def page_panels(request: HttpRequest, pages: list[Page]) -> dict[UUID, SafeString]:
    """What the registered apps add to each of ``pages`` (courses or modules of the reader's
    tree), by translation key."""
    parts: dict[UUID, list[str]] = {page.translation_key: [] for page in pages}
    for panel in _page_panels:
        for key, html in panel(request, pages).items():
            parts[key].append(html)
    return {key: mark_safe("".join(html)) for key, html in parts.items()}  # noqa: S308 - each panel renders an escaped template


def register_cohort_panel(panel: CohortPanel) -> CohortPanel:
    if panel not in _cohort_panels:
        _cohort_panels.append(panel)
    return panel


def cohort_panels(request: HttpRequest, courses: list, learner_ids: list[int]) -> SafeString:
    """What the registered apps add to a cohort's page, for its courses and members."""
    return mark_safe("".join(panel(request, courses, learner_ids) for panel in _cohort_panels))  # noqa: S308 - each panel renders an escaped template
