"""Panels other apps add to a course page once the learner has completed the course.

Courses knows nothing of those apps: each registers a function ``(request, course_key) -> html``
from its AppConfig.ready() through ``courses.api.register_completion_panel``.
"""

from collections.abc import Callable
from uuid import UUID

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

Panel = Callable[[HttpRequest, UUID], str]
_panels: list[Panel] = []


def register_completion_panel(panel: Panel) -> Panel:
    if panel not in _panels:
        _panels.append(panel)
    return panel


def completion_panels(request: HttpRequest, course_key: UUID) -> SafeString:
    return mark_safe("".join(panel(request, course_key) for panel in _panels))  # noqa: S308 - each panel renders an escaped template
