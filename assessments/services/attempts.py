"""Writes about tests: start an attempt (questions fixed), submit it (scored here, stored)."""

import random
from datetime import timedelta
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.api import course_completion_check

from .. import error_codes
from ..models import Answer, Attempt, Quiz
from ..models.quizzes import COMPLETION_KINDS
from ..scoring import score
from ..selectors import answer_keys, finished_attempts, pool_keys

# Answers posted this long after the deadline still count (a slow link on the last question).
GRACE = timedelta(seconds=30)


def _check_may_start(*, learner, quiz: Quiz) -> None:
    done = finished_attempts(learner=learner, quiz=quiz)
    if any(attempt.passed for attempt in done) and quiz.counts_for_completion:
        return
    if quiz.max_attempts and len(done) >= quiz.max_attempts:
        raise ValidationError(
            _("You have used all %(count)s attempts at this test."),
            code=error_codes.NO_ATTEMPTS_LEFT,
            params={"count": quiz.max_attempts},
        )
    if done and quiz.wait_minutes:
        ready_at = max(a.finished_at for a in done) + timedelta(minutes=quiz.wait_minutes)
        if timezone.now() < ready_at:
            minutes = int((ready_at - timezone.now()).total_seconds() // 60) + 1
            raise ValidationError(
                _("You can try again in %(minutes)s minutes."),
                code=error_codes.WAIT_BEFORE_RETRY,
                params={"minutes": minutes},
            )


def shown_order(choices: list, rng: random.Random) -> list:
    """An ordering question's items shuffled, never in the right (authored) order: shown as they
    were written, the question would answer itself."""
    shown = list(choices)
    rng.shuffle(shown)
    if shown == choices and len(choices) > 1:
        shown = shown[1:] + shown[:1]  # a turn by one is another order
    return shown


def _plan(quiz: Quiz, rng: random.Random) -> dict:
    pool = pool_keys(quiz)
    if not pool:
        raise ValidationError(_("This test has no questions yet."), code=error_codes.NO_QUESTIONS)
    drawn = rng.sample(pool, quiz.draw_count) if 0 < quiz.draw_count < len(pool) else pool
    keys = answer_keys(drawn)
    items = []
    for key in drawn:
        choices = list(keys[key].choices)
        if keys[key].kind == "ordering":
            choices = shown_order(choices, rng)
        elif quiz.shuffle_choices:
            rng.shuffle(choices)
        items.append({"key": key, "choices": choices})
    return {"v": 1, "questions": items}


def _open_attempt(*, learner, quiz: Quiz) -> Attempt | None:
    now = timezone.now()
    for attempt in Attempt.objects.filter(learner=learner, quiz=quiz, finished_at__isnull=True):
        if attempt.deadline is None or now <= attempt.deadline + GRACE:
            return attempt
        _finish(attempt, scored={})  # expired: closes with what it had (nothing)
    return None


@transaction.atomic
def attempt_start(*, learner, quiz: Quiz, rng: random.Random | None = None) -> Attempt:
    """Her open attempt if she has one, else a new one with its questions drawn and fixed."""
    open_attempt = _open_attempt(learner=learner, quiz=quiz)
    if open_attempt is not None:
        return open_attempt
    _check_may_start(learner=learner, quiz=quiz)
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    attempt = Attempt(
        learner=learner,
        quiz=quiz,
        plan=_plan(quiz, rng or random.SystemRandom()),
        started_at=now,
        deadline=deadline,
    )
    attempt.full_clean()
    attempt.save()
    return attempt


def _refuse_unless_open(*, learner, attempt: Attempt, responses: dict) -> None:
    if attempt.learner_id != learner.pk:
        raise ValidationError(_("This attempt is not yours."), code=error_codes.NOT_YOUR_ATTEMPT)
    if attempt.finished_at is not None:
        raise ValidationError(
            _("This attempt is already finished."), code=error_codes.ATTEMPT_FINISHED
        )
    if attempt.deadline and timezone.now() > attempt.deadline + GRACE:
        raise ValidationError(
            _("The time for this attempt is over."), code=error_codes.ATTEMPT_EXPIRED
        )
    unknown = set(responses) - set(attempt.question_keys)
    if unknown:
        raise ValidationError(
            _("An answer was sent for a question that is not in this attempt."),
            code=error_codes.QUESTION_NOT_IN_ATTEMPT,
        )


def _finish(attempt: Attempt, *, scored: dict[str, tuple[dict, float]]) -> None:
    now = timezone.now()
    Answer.objects.bulk_create(
        Answer(attempt=attempt, question_key=UUID(key), response=response, credit=credit)
        for key, (response, credit) in scored.items()
    )
    total = len(attempt.question_keys) or 1
    attempt.score = sum(credit for _response, credit in scored.values()) / total
    attempt.passed = attempt.percent >= attempt.quiz.passing_score
    attempt.finished_at = now
    attempt.save(update_fields=["score", "passed", "finished_at"])


@transaction.atomic
def attempt_submit(*, learner, attempt_id: int, responses: dict[str, dict]) -> Attempt:
    """Score every answer here, store them, close the attempt; a course may then be complete.

    The row is locked, so a double submission finds the attempt finished and is refused.
    """
    attempt = (
        Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz__course")
        .get(pk=attempt_id)
    )
    _refuse_unless_open(learner=learner, attempt=attempt, responses=responses)
    keys = answer_keys(attempt.question_keys)
    scored = {
        key: (responses[key], score(keys[key], responses[key]))
        for key in attempt.question_keys
        if key in responses and key in keys
    }
    _finish(attempt, scored=scored)
    if attempt.passed and attempt.quiz.counts_for_completion and attempt.quiz.course:
        course_completion_check(learner=learner, course_key=attempt.quiz.course.translation_key)
    return attempt


def course_tests_passed(learner, course_key: UUID) -> bool:
    """Completion requirement: every final and module test of the course passed (true if none)."""
    tests = Quiz.objects.filter(kind__in=COMPLETION_KINDS, course__translation_key=course_key)
    passed = Attempt.objects.filter(learner=learner, quiz__in=tests, passed=True)
    return passed.values("quiz").distinct().count() == tests.count()
