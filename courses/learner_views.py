"""The learner's actions on courses: enrol, mark a lesson done, report progress (sendBeacon)."""

import json
from datetime import datetime
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .models import ProgressEvent
from .offline import learner_tag
from .progress import EventIn, enrolment_create, lesson_mark_done, progress_record

MAX_EVENTS = 50


def _page_in_reader_language(key: UUID) -> Page | None:
    return Page.objects.filter(translation_key=key, locale__language_code=get_language()).first()


def _lessons_of_course(course: Page):
    return course.get_descendants().live().filter(depth=course.depth + 2).order_by("path")


@login_required
@require_POST
def enrol(request: HttpRequest, course_key: UUID) -> HttpResponse:
    course = _page_in_reader_language(course_key)
    if course is None:
        raise Http404
    enrolment_create(learner=request.user, course_key=course_key)
    first = _lessons_of_course(course).first()
    return redirect((first or course).url)


@login_required
@require_POST
def mark_done(request: HttpRequest, lesson_key: UUID) -> HttpResponse:
    """Mark the lesson done, then go on to the next lesson of the course (or back to it)."""
    lesson = _page_in_reader_language(lesson_key)
    if lesson is None:
        raise Http404
    lesson_mark_done(learner=request.user, lesson_key=lesson_key)
    course = lesson.get_parent().get_parent()
    following = _lessons_of_course(course).filter(path__gt=lesson.path).first()
    return redirect((following or course).url)


def _number(item: dict, key: str) -> float | None:
    return float(item[key]) if item.get(key) is not None else None


def _event(item: dict) -> EventIn:
    occurred_at = parse_datetime(str(item.get("at", "")))
    kind = item.get("kind")
    if occurred_at is None or kind not in ProgressEvent.Kind.values:
        raise ValueError(item)
    return EventIn(
        id=UUID(str(item["id"])),
        lesson_key=UUID(str(item["lesson"])),
        kind=kind,
        occurred_at=min(occurred_at, datetime.now(tz=occurred_at.tzinfo)),
        position_seconds=_number(item, "position"),
        duration_seconds=_number(item, "duration"),
    )


def _events_from(request: HttpRequest) -> list[EventIn]:
    raw = request.POST.get("events") if request.POST else request.body.decode() or "[]"
    items = json.loads(raw)
    if not isinstance(items, list) or len(items) > MAX_EVENTS:
        raise ValueError("events")
    return [_event(item) for item in items]


@require_POST
def progress(request: HttpRequest) -> JsonResponse:
    """Progress events from the lesson page (form-encoded for sendBeacon, or JSON)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to keep your progress.")}, status=401)
    if request.POST.get("learner", learner_tag(request.user)) != learner_tag(request.user):
        # A queue kept on a shared phone goes only to the learner who made it.
        return JsonResponse({"error": _("This progress belongs to another learner.")}, status=409)
    try:
        events = _events_from(request)
        applied = progress_record(learner=request.user, events=events)
    except (ValueError, KeyError, TypeError, json.JSONDecodeError):
        return JsonResponse({"error": _("This progress report is not valid.")}, status=400)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"applied": [str(item) for item in applied], "received": len(events)})
