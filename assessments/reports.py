"""Trainer reports: questions that learners get wrong, pass rates per cohort, learning gain."""

from collections import defaultdict
from dataclasses import dataclass
from uuid import UUID

from django.http import HttpResponse

from core.spreadsheets import csv_response
from courses.api import Enrolment

from .models import Attempt, Evaluation, Question, Quiz
from .selectors import pool_keys, question_success_rates


@dataclass(frozen=True)
class QuestionLine:
    text: str
    answers: int
    success: float  # mean credit, 0–1


@dataclass(frozen=True)
class CohortLine:
    cohort: str
    learners: int
    passed: int
    mean_best: float  # 0–1


def question_lines(quiz: Quiz) -> list[QuestionLine]:
    rates = question_success_rates(quiz)
    texts = {
        str(q.translation_key): q.text
        for q in Question.objects.filter(translation_key__in=pool_keys(quiz)).order_by("-pk")
    }
    return [
        QuestionLine(
            text=texts.get(key, key),
            answers=rates.get(key, (0, 0.0))[0],
            success=rates.get(key, (0, 0.0))[1],
        )
        for key in pool_keys(quiz)
    ]


def _best_by_learner(quiz: Quiz) -> dict[int, tuple[float, bool]]:
    best: dict[int, tuple[float, bool]] = {}
    finished = Attempt.objects.filter(quiz=quiz, finished_at__isnull=False)
    for learner_id, score, passed in finished.values_list("learner_id", "score", "passed"):
        current = best.get(learner_id, (0.0, False))
        best[learner_id] = (max(current[0], score or 0.0), current[1] or bool(passed))
    return best


def cohort_lines(quiz: Quiz) -> list[CohortLine]:
    best = _best_by_learner(quiz)
    cohorts: dict[int, str] = {}
    if quiz.course_id:
        enrolments = Enrolment.objects.filter(
            course_key=quiz.course.translation_key, learner_id__in=list(best)
        ).values_list("learner_id", "cohort__name")
        cohorts = {learner: name or "—" for learner, name in enrolments}
    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for learner, result in best.items():
        groups[cohorts.get(learner, "—")].append(result)
    return [
        CohortLine(
            cohort=name,
            learners=len(results),
            passed=sum(1 for _score, passed in results if passed),
            mean_best=sum(score for score, _passed in results) / len(results),
        )
        for name, results in sorted(groups.items())
    ]


@dataclass(frozen=True)
class LearningGain:
    """Learners who took both tests of a course, and their mean best scores (0–1)."""

    course_key: UUID
    learners: int
    before: float
    after: float

    @property
    def points(self) -> int:
        """The gain in percentage points (negative when learners did worse after)."""
        return round(100 * (self.after - self.before))


def _best_scores(quiz: Quiz, learner_ids) -> dict[int, float]:
    finished = Attempt.objects.filter(quiz=quiz, finished_at__isnull=False)
    if learner_ids is not None:
        finished = finished.filter(learner_id__in=list(learner_ids))
    best: dict[int, float] = {}
    for learner_id, score in finished.values_list("learner_id", "score"):
        best[learner_id] = max(best.get(learner_id, 0.0), score or 0.0)
    return best


def learning_gains(course_keys, *, learner_ids=None) -> dict:
    """For each course that has a pre-test and a post-test: its ``LearningGain``, among
    ``learner_ids`` if given (a cohort's members). Courses without both tests are left out."""
    tests: dict = {}
    quizzes = Quiz.objects.filter(
        kind__in=[Quiz.Kind.PRE, Quiz.Kind.POST], course__translation_key__in=list(course_keys)
    ).select_related("course")
    for quiz in quizzes.order_by("pk"):
        tests.setdefault(quiz.course.translation_key, {}).setdefault(quiz.kind, quiz)
    gains = {}
    for key, pair in tests.items():
        if Quiz.Kind.PRE not in pair or Quiz.Kind.POST not in pair:
            continue
        before = _best_scores(pair[Quiz.Kind.PRE], learner_ids)
        after = _best_scores(pair[Quiz.Kind.POST], learner_ids)
        both = set(before) & set(after)
        gains[key] = LearningGain(
            course_key=key,
            learners=len(both),
            before=sum(before[i] for i in both) / len(both) if both else 0.0,
            after=sum(after[i] for i in both) / len(both) if both else 0.0,
        )
    return gains


def learning_gain(course_key) -> tuple[int, float, float] | None:
    """Learners with both tests, their mean best pre-test and post-test scores (0–1)."""
    gain = learning_gains([course_key]).get(UUID(str(course_key)))
    return None if gain is None else (gain.learners, gain.before, gain.after)


def report_csv(quiz: Quiz) -> HttpResponse:
    rows = [
        ["question", line.text, line.answers, "", round(line.success * 100)]
        for line in question_lines(quiz)
    ]
    rows += [
        [
            "cohort",
            line.cohort,
            line.learners,
            line.passed,
            round(100 * line.passed / line.learners) if line.learners else 0,
        ]
        for line in cohort_lines(quiz)
    ]
    header = ["section", "item", "count", "passed", "rate_percent"]
    return csv_response(filename=f"quiz-{quiz.pk}.csv", header=header, rows=rows)


@dataclass(frozen=True)
class EvaluationComment:
    text: str
    voice_note_id: int | None  # the evaluation's id when it has a voice note


@dataclass(frozen=True)
class EvaluationSummary:
    count: int
    mean_satisfaction: float
    useful_share: float  # share answering "yes"
    comments: list[EvaluationComment]


def evaluation_summary(course_key) -> EvaluationSummary:
    rows = list(Evaluation.objects.filter(course_key=course_key).order_by("-answered_at"))
    if not rows:
        return EvaluationSummary(0, 0.0, 0.0, [])
    return EvaluationSummary(
        count=len(rows),
        mean_satisfaction=sum(row.satisfaction for row in rows) / len(rows),
        useful_share=sum(1 for row in rows if row.useful == Evaluation.Useful.YES) / len(rows),
        comments=[
            EvaluationComment(row.comment, row.pk if row.voice_note else None)
            for row in rows
            if row.comment or row.voice_note
        ][:50],
    )
