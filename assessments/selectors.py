"""Reads: questions as a learner sees them (no answer key), answer keys for scoring, the tests a
page offers, learning paths and her progress in them, reports."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch, Q
from django.urls import reverse
from wagtail.models import Page

from core.content import resolve_many
from core.languages import Language, get_language
from core.reading import content_chain
from courses.api import Enrolment, page_cache_remember

from .models import (
    Answer,
    Attempt,
    Certificate,
    Choice,
    Evaluation,
    LearningPath,
    LearningPathCourse,
    PracticeAnswer,
    Question,
    Quiz,
)
from .models.quizzes import COMPLETION_KINDS
from .scoring import AnswerKey


@dataclass(frozen=True)
class ChoiceView:
    key: str
    text: str
    image: object
    audio: object


@dataclass(frozen=True)
class QuestionView:
    """What the page may show before the learner answers: never which choice is right."""

    key: str
    kind: str
    text: str
    image: object
    audio: object
    choices: list[ChoiceView]
    shown: Language


def _rows(keys) -> list[Question]:
    choices = Prefetch("choices", queryset=Choice.objects.select_related("image", "audio"))
    return list(
        Question.objects.filter(translation_key__in=list(keys))
        .select_related("locale", "image", "audio")
        .prefetch_related(choices)
        .order_by("pk")
    )


def _best(rows: list, language_code: str) -> dict:
    """Per translation key (as text), the row nearest on the fallback chain, else the source.

    Works for any translatable snippet (questions, learning paths) whose rows come in pk order.
    """
    chain = content_chain(language_code)
    rank = {code: index for index, code in enumerate(chain)}
    best: dict = {}
    for row in rows:
        key = str(row.translation_key)
        current = best.get(key)
        mine = rank.get(row.locale.language_code, len(chain))
        if current is None or mine < rank.get(current.locale.language_code, len(chain)):
            best[key] = row
    return best


def _view(row: Question, order: list[str] | None) -> QuestionView:
    by_key = {str(choice.translation_key): choice for choice in row.choices.all()}
    keys = order if order else list(by_key)
    return QuestionView(
        key=str(row.translation_key),
        kind=row.kind,
        text=row.text,
        image=row.image,
        audio=row.audio,
        choices=[
            ChoiceView(key=k, text=by_key[k].text, image=by_key[k].image, audio=by_key[k].audio)
            for k in keys
            if k in by_key
        ],
        shown=get_language(row.locale.language_code),
    )


def question_views(plan_items: list[dict], language_code: str) -> list[QuestionView]:
    """The questions of a plan in its order, each in the best language: two queries."""
    best = _best(_rows(item["key"] for item in plan_items), language_code)
    return [
        _view(best[item["key"]], item.get("choices")) for item in plan_items if item["key"] in best
    ]


def answer_keys(question_keys) -> dict[str, AnswerKey]:
    """The answer keys, from the first row written of each question (its source)."""
    keys: dict[str, AnswerKey] = {}
    for row in _rows(question_keys):
        key = str(row.translation_key)
        if key in keys:
            continue
        choices = list(row.choices.all())
        keys[key] = AnswerKey(
            kind=row.kind,
            right=frozenset(str(c.translation_key) for c in choices if c.is_correct),
            choices=tuple(str(c.translation_key) for c in choices),
            is_true=row.is_true,
            number=row.correct_number,
            tolerance=row.tolerance,
        )
    return keys


def feedback_for(question_key: str, response: dict, language_code: str) -> dict:
    """After answering: the explanation, feedback of the chosen choices and the right ones."""
    best = _best(_rows([question_key]), language_code).get(question_key)
    if best is None:
        return {}
    picked = {str(response.get("choice"))} | {str(c) for c in response.get("choices", [])}
    choices = list(best.choices.all())
    return {
        "explanation": best.explanation,
        "feedback": [
            c.feedback for c in choices if str(c.translation_key) in picked and c.feedback
        ],
        "right": [c.text for c in choices if c.is_correct],
    }


def pool_keys(quiz: Quiz) -> list[str]:
    return [
        str(key)
        for key in quiz.items.order_by("sort_order").values_list(
            "question__translation_key", flat=True
        )
    ]


def finished_attempts(*, learner, quiz: Quiz) -> list[Attempt]:
    return list(Attempt.objects.filter(learner=learner, quiz=quiz, finished_at__isnull=False))


def practice_answered(*, learner, quiz: Quiz) -> dict[str, PracticeAnswer]:
    """Her latest try at each question of a practice quiz."""
    latest: dict[str, PracticeAnswer] = {}
    for answer in PracticeAnswer.objects.filter(learner=learner, quiz=quiz):
        latest.setdefault(str(answer.question_key), answer)
    return latest


# A course page offers its pre-test (before the lessons), final test and post-test.
COURSE_PAGE_KINDS = (Quiz.Kind.PRE, Quiz.Kind.FINAL, Quiz.Kind.POST)


@dataclass(frozen=True)
class QuizRef:
    """What a test link needs of its quiz (kept in the page cache until the next publish)."""

    pk: int
    kind: str


@dataclass(frozen=True)
class TestLink:
    quiz: QuizRef
    tried: bool
    passed: bool


def _tests_offered(page_keys) -> list[tuple[QuizRef, object]]:
    """Each test the pages offer with its page's translation key, kept until the next publish
    (quizzes are content: a change starts a new content generation)."""

    def compute() -> list[tuple[QuizRef, object]]:
        quizzes = (
            Quiz.objects.filter(
                Q(kind__in=COURSE_PAGE_KINDS, course__translation_key__in=page_keys)
                | Q(kind=Quiz.Kind.MODULE, module__translation_key__in=page_keys)
            )
            .select_related("course", "module")
            .order_by("pk")
        )
        return [
            (
                QuizRef(pk=quiz.pk, kind=quiz.kind),
                (quiz.module if quiz.kind == Quiz.Kind.MODULE else quiz.course).translation_key,
            )
            for quiz in quizzes
        ]

    keys = sorted(str(key) for key in page_keys)
    digest = hashlib.sha256(" ".join(keys).encode()).hexdigest()[:32]
    return page_cache_remember("page-tests", (digest,), compute)


def tests_of_pages(*, learner, page_keys) -> dict:
    """The tests each course page (its final tests) or module page (its module tests) offers,
    by the page's translation key: the tests from the page cache, her results in one query."""
    offered = _tests_offered(page_keys)
    passed: dict[int, bool] = {}
    if offered and learner.is_authenticated:
        finished = Attempt.objects.filter(
            learner=learner,
            quiz_id__in=[quiz.pk for quiz, _key in offered],
            finished_at__isnull=False,
        ).values_list("quiz_id", "passed")
        for quiz_id, result in finished:
            passed[quiz_id] = passed.get(quiz_id, False) or bool(result)
    tests: dict = {}
    for quiz, page_key in offered:
        link = TestLink(quiz=quiz, tried=quiz.pk in passed, passed=passed.get(quiz.pk, False))
        tests.setdefault(page_key, []).append(link)
    return tests


def tests_to_pass(learner, course_keys) -> dict:
    """For each course, the address of the first test she has still to pass (module tests in
    course order, then the final test): what "Continue" opens once every lesson is done."""
    quizzes = (
        Quiz.objects.filter(kind__in=COMPLETION_KINDS, course__translation_key__in=course_keys)
        .exclude(pk__in=Attempt.objects.filter(learner=learner, passed=True).values("quiz"))
        .select_related("course", "module")
    )
    first: dict = {}
    for quiz in sorted(quizzes, key=_course_order):
        first.setdefault(quiz.course.translation_key, quiz)
    return {key: reverse("assessments:test", kwargs={"quiz_id": q.pk}) for key, q in first.items()}


def module_test_to_pass(learner, module_key) -> str | None:
    """The address of the module's first test she has not passed yet (anyone signed out sees
    it too): where the "next" of the module's last lesson leads."""
    quizzes = Quiz.objects.filter(kind=Quiz.Kind.MODULE, module__translation_key=module_key)
    if learner.is_authenticated:
        passed = Attempt.objects.filter(learner=learner, passed=True).values("quiz")
        quizzes = quizzes.exclude(pk__in=passed)
    quiz = quizzes.order_by("pk").first()
    return reverse("assessments:test", kwargs={"quiz_id": quiz.pk}) if quiz else None


def _course_order(quiz: Quiz) -> tuple:
    """Module tests where their module stands, the final test last."""
    return (quiz.kind == Quiz.Kind.FINAL, quiz.module.path if quiz.module else "", quiz.pk)


def certificates_of(learner) -> list[Certificate]:
    return list(Certificate.objects.filter(learner=learner))


def certificates_by_learner(learner_ids) -> dict[int, list[Certificate]]:
    """The valid (not revoked) certificates of several learners, by learner id: one query."""
    by_learner: dict[int, list[Certificate]] = {}
    certificates = Certificate.objects.filter(
        learner_id__in=list(learner_ids), revoked_at__isnull=True
    ).order_by("issued_at")
    for certificate in certificates:
        by_learner.setdefault(certificate.learner_id, []).append(certificate)
    return by_learner


def evaluation_of(*, learner, course_key) -> Evaluation | None:
    return Evaluation.objects.filter(learner=learner, course_key=course_key).first()


def learner_data(learner) -> dict:
    """Her certificates and course evaluations, for the download of her data (a voice note as
    the address where she can fetch it)."""
    evaluations = Evaluation.objects.filter(learner=learner).order_by("answered_at")
    return {
        "certificates": list(
            Certificate.objects.filter(learner=learner).values(
                "kind", "subject_key", "code", "title", "issued_at", "revoked_at"
            )
        ),
        "evaluations": [
            {
                "course_key": row.course_key,
                "satisfaction": row.satisfaction,
                "useful": row.useful,
                "comment": row.comment,
                "voice_note": reverse("assessments:my_voice_note", args=[row.pk])
                if row.voice_note
                else None,
                "answered_at": row.answered_at,
            }
            for row in evaluations
        ],
    }


def course_certificate(*, learner, course_key) -> Certificate | None:
    return Certificate.objects.filter(
        learner=learner, kind=Certificate.Kind.COURSE, subject_key=course_key
    ).first()


def path_translation(path_key, language_code: str) -> LearningPath | None:
    """The path's translation nearest on the fallback chain of ``language_code``."""
    rows = list(LearningPath.objects.filter(translation_key=path_key).select_related("locale"))
    return _best(sorted(rows, key=lambda row: row.pk), language_code).get(str(path_key))


def path_course_keys(path_key) -> list[UUID]:
    """The path's courses in order, as the source (first row written) lists them."""
    source = LearningPath.objects.filter(translation_key=path_key).order_by("pk").first()
    if source is None:
        return []
    steps = source.steps.order_by("sort_order").values_list("course__translation_key", flat=True)
    return list(dict.fromkeys(steps))


def paths_with_course(course_key) -> list[UUID]:
    keys = LearningPathCourse.objects.filter(course__translation_key=course_key).values_list(
        "path__translation_key", flat=True
    )
    return list(dict.fromkeys(keys))


def all_completed_course_keys(learner) -> list[UUID]:
    """Every course she finished, oldest first."""
    rows = Enrolment.objects.filter(learner=learner, completed_at__isnull=False)
    return list(rows.order_by("completed_at").values_list("course_key", flat=True))


def completed_course_keys(learner, course_keys) -> set[UUID]:
    return set(
        Enrolment.objects.filter(
            learner=learner, course_key__in=list(course_keys), completed_at__isnull=False
        ).values_list("course_key", flat=True)
    )


@dataclass(frozen=True)
class PathCourse:
    title: str
    url: str
    done: bool


@dataclass(frozen=True)
class PathProgress:
    """A learning path as she sees it: its courses, how many she has finished, her certificate."""

    title: str
    description: str
    shown: Language
    courses: list[PathCourse]
    done: int
    certificate: Certificate | None

    @property
    def total(self) -> int:
        return len(self.courses)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def _path_courses(course_keys: list[UUID], done: set[UUID], language_code: str) -> list:
    pages = Page.objects.filter(translation_key__in=course_keys).select_related("locale")
    best = resolve_many(pages, language_code)
    here = {
        page.translation_key: page for page in pages if page.locale.language_code == language_code
    }
    return [
        PathCourse(
            title=best[key].title,
            url=(here.get(key) or best[key]).url or "",
            done=key in done,
        )
        for key in course_keys
        if key in best
    ]


def path_progress_of(learner, language_code: str) -> list[PathProgress]:
    """Every learning path, in her language, with her progress (a few queries per path)."""
    path_keys = dict.fromkeys(
        LearningPath.objects.order_by("pk").values_list("translation_key", flat=True)
    )
    certificates = {
        c.subject_key: c
        for c in Certificate.objects.filter(learner=learner, kind=Certificate.Kind.PATH)
    }
    found = []
    for path_key in path_keys:
        path = path_translation(path_key, language_code)
        course_keys = path_course_keys(path_key)
        done = completed_course_keys(learner, course_keys)
        found.append(
            PathProgress(
                title=path.title,
                description=path.description,
                shown=get_language(path.locale.language_code),
                courses=_path_courses(course_keys, done, language_code),
                done=len(done),
                certificate=certificates.get(path_key),
            )
        )
    return found


def question_success_rates(quiz: Quiz) -> dict[str, tuple[int, float]]:
    """Per question key: how many times it was asked in a finished attempt, and the mean credit
    (to spot bad questions). A question drawn for an attempt and left unanswered (the learner ran
    out of time, or gave up) counts as wrong, with credit 0."""
    totals: dict[str, list[float]] = defaultdict(list)
    finished = Attempt.objects.filter(quiz=quiz, finished_at__isnull=False)
    credits: dict[int, dict[str, float]] = defaultdict(dict)
    answers = Answer.objects.filter(attempt__in=finished)
    for attempt_id, key, credit in answers.values_list("attempt_id", "question_key", "credit"):
        credits[attempt_id][str(key)] = credit
    for attempt_id, plan in finished.values_list("pk", "plan"):
        answered = credits.get(attempt_id, {})
        asked = [str(item["key"]) for item in (plan or {}).get("questions", [])]
        for key in [*asked, *sorted(set(answered) - set(asked))]:
            totals[key].append(answered.get(key, 0.0))
    return {key: (len(values), sum(values) / len(values)) for key, values in totals.items()}


def learners_certified(*, learner_ids, subject_keys) -> set[int]:
    """Those of ``learner_ids`` who hold a valid (not revoked) certificate of one of
    ``subject_keys`` (course or path translation keys)."""
    return set(
        Certificate.objects.filter(
            learner_id__in=list(learner_ids),
            subject_key__in=list(subject_keys),
            revoked_at__isnull=True,
        ).values_list("learner_id", flat=True)
    )


def certified_learner_ids():
    """The ids of learners holding a valid certificate, as a subquery (bulk statistics)."""
    return Certificate.objects.filter(revoked_at__isnull=True).values("learner_id")
