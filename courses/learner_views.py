"""The learner's actions on courses: enrol, mark a lesson done, report progress (sendBeacon)."""

import json
from datetime import datetime
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.dateparse import parse_datetime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from core.content import readable

from .learning import module_step_after
from .models import ProgressEvent
from .offline import learner_tag
from .progress import EventIn, enrolment_create, lesson_mark_done, progress_record_batch

MAX_EVENTS = 50


def _page_in_reader_language(key: UUID) -> Page | None:
    return Page.objects.filter(translation_key=key, locale__language_code=get_language()).first()


def _lessons_of_course(course: Page):
    return readable(course.get_descendants()).filter(depth=course.depth + 2).order_by("path")


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
    """Mark the lesson done, then go on: the next lesson of the course, the module's test after
    its last lesson, or back to the course."""
    lesson = _page_in_reader_language(lesson_key)
    if lesson is None:
        raise Http404
    lesson_mark_done(learner=request.user, lesson_key=lesson_key)
    module = lesson.get_parent()
    course = module.get_parent()
    following = _lessons_of_course(course).filter(path__gt=lesson.path).first()
    if following is None or not following.path.startswith(module.path):
        module_test = module_step_after(request.user, module.translation_key)
        if module_test:
            return redirect(module_test)
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


def _items_from(request: HttpRequest) -> list:
    raw = request.POST.get("events") if request.POST else request.body.decode() or "[]"
    items = json.loads(raw)
    if not isinstance(items, list):
        raise ValueError("events")
    return items


def _read(items: list) -> tuple[list[EventIn], list[dict]]:
    """The events that can be read, and the others refused with their id as sent."""
    events, refused = [], []
    for item in items:
        try:
            events.append(_event(item))
        except (ValueError, KeyError, TypeError, AttributeError):
            sent_id = item.get("id") if isinstance(item, dict) else None
            refused.append({"id": str(sent_id or ""), "code": "invalid"})
    return events, refused


def _too_many() -> JsonResponse:
    message = ngettext(
        "Send at most %(limit)d event at a time.",
        "Send at most %(limit)d events at a time.",
        MAX_EVENTS,
    ) % {"limit": MAX_EVENTS}
    body = {"error": message, "code": "too_many_events", "limit": MAX_EVENTS}
    return JsonResponse(body, status=413)


@require_POST
def progress(request: HttpRequest) -> JsonResponse:
    """Progress events from the lesson page or the phone's queue (form-encoded, or JSON).

    Each readable event whose lesson exists is kept, even when others of the batch are refused;
    the answer names every event: accepted, a duplicate (already kept) or refused with a code.
    A batch larger than ``MAX_EVENTS`` is refused whole (413) with the limit, so nothing is lost.
    """
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to keep your progress.")}, status=401)
    if request.POST.get("learner", learner_tag(request.user)) != learner_tag(request.user):
        # A queue kept on a shared phone goes only to the learner who made it.
        return JsonResponse({"error": _("This progress belongs to another learner.")}, status=409)
    try:
        items = _items_from(request)
    except (ValueError, json.JSONDecodeError):
        error = _("This progress report is not valid.")
        return JsonResponse({"error": error, "code": "invalid"}, status=400)
    if len(items) > MAX_EVENTS:
        return _too_many()
    events, refused = _read(items)
    outcome = progress_record_batch(learner=request.user, events=events)
    refused += [{"id": str(event_id), "code": code} for event_id, code in outcome.refused]
    return JsonResponse(
        {
            "accepted": [str(event_id) for event_id in outcome.accepted],
            "duplicates": [str(event_id) for event_id in outcome.duplicates],
            "refused": refused,
            "limit": MAX_EVENTS,
        }
    )
