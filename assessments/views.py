"""Learner-facing pages: practice answers, tests, certificates, the public verification page."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.phones import phone_number_verified
from courses.api import LessonPage, learner_courses, learner_tag

from .access import may_see_learner_work
from .forms import response_from, responses_from
from .models import Attempt, Certificate, Evaluation, Quiz
from .pdf import certificate_pdf, masked_name
from .selectors import (
    certificates_of,
    course_certificate,
    evaluation_of,
    feedback_for,
    finished_attempts,
    path_progress_of,
    question_views,
)
from .services.attempts import attempt_start, attempt_submit
from .services.evaluations import evaluation_save
from .services.practice import practice_answer
from .voice_notes import voice_note_response


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else fallback


def _lesson_holds(lesson, quiz: Quiz) -> bool:
    """Whether a translation of the lesson shows this quiz (the learner may see a fallback)."""
    for translation in LessonPage.objects.filter(translation_key=lesson.translation_key):
        for block in translation.body:
            if block.block_type == "quiz" and getattr(block.value["quiz"], "pk", None) == quiz.pk:
                return True
    return False


def _event_id(request) -> UUID | None:
    """The id a phone gave an answer it kept offline (absent when sent at once)."""
    try:
        return UUID(request.POST.get("event", ""))
    except ValueError:
        return None


@login_required
@require_POST
def practice(request, quiz_id: int):
    if request.POST.get("learner", learner_tag(request.user)) != learner_tag(request.user):
        # An answer kept on a shared phone goes only to the learner who gave it.
        return HttpResponse(_("This answer belongs to another learner."), status=409)
    quiz = get_object_or_404(Quiz, pk=quiz_id, kind=Quiz.Kind.PRACTICE)
    lesson = get_object_or_404(LessonPage, pk=request.POST.get("lesson", "0") or 0)
    if not _lesson_holds(lesson, quiz):
        raise Http404
    key = request.POST.get("question", "")
    kind = request.POST.get("kind", "")
    choices = request.POST.getlist("choice_keys")
    response = response_from(request.POST, key=key, kind=kind, choices=choices) or {}
    try:
        answer = practice_answer(
            learner=request.user,
            quiz=quiz,
            question_key=key,
            response=response,
            lesson_key=lesson.translation_key,
            event_id=_event_id(request),
        )
    except ValidationError as error:
        return HttpResponse(error.messages[0], status=400)
    if request.headers.get("X-Offline-Replay"):  # sent later from the phone's queue
        return HttpResponse(status=204)
    if getattr(answer, "lesson_completed", False):  # say it: a tick and a chime
        target = _safe_next(request, lesson.url)
        return redirect(f"{target}{'&' if '?' in target else '?'}done=1#lesson-done")
    return redirect(f"{_safe_next(request, lesson.url)}#q-{key}")


@login_required
def test_intro(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    error = None
    if request.method == "POST":
        try:
            attempt = attempt_start(learner=request.user, quiz=quiz)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            return redirect("assessments:attempt", attempt_id=attempt.pk)
    done = finished_attempts(learner=request.user, quiz=quiz)
    context = {"quiz": quiz, "attempts": done, "error": error}
    return render(request, "assessments/test_intro.html", context)


def _own_attempt(request, attempt_id: int) -> Attempt:
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id)
    if attempt.learner_id != request.user.pk:
        raise Http404
    return attempt


@login_required
def attempt_page(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.finished_at:
        return redirect("assessments:result", attempt_id=attempt.pk)
    questions = question_views(attempt.plan["questions"], get_language())
    if request.method == "POST":
        try:
            attempt_submit(
                learner=request.user,
                attempt_id=attempt.pk,
                responses=responses_from(request.POST, questions),
            )
        except ValidationError as error:
            if error.code == "attempt_finished":  # a double tap on "Submit": show the result
                return redirect("assessments:result", attempt_id=attempt.pk)
            context = {"attempt": attempt, "questions": questions, "error": error.messages[0]}
            return render(request, "assessments/attempt.html", context, status=400)
        return redirect("assessments:result", attempt_id=attempt.pk)
    return render(request, "assessments/attempt.html", {"attempt": attempt, "questions": questions})


@login_required
def attempt_result(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.finished_at:
        return redirect("assessments:attempt", attempt_id=attempt.pk)
    language = get_language()
    answers = {str(a.question_key): a for a in attempt.answers.all()}
    rows = [
        (
            question,
            answers.get(question.key),
            feedback_for(question.key, answers[question.key].response, language)
            if question.key in answers
            else {},
        )
        for question in question_views(attempt.plan["questions"], language)
    ]
    certificate, resume = None, None
    if attempt.quiz.course_id:
        course_key = attempt.quiz.course.translation_key
        if attempt.passed:
            certificate = course_certificate(learner=request.user, course_key=course_key)
        if certificate is None:  # not finished yet: the way back into the course
            progress = learner_courses(request.user, language, course_keys=[course_key])
            resume = progress[0].resume if progress else None
    context = {"attempt": attempt, "rows": rows, "certificate": certificate, "resume": resume}
    return render(request, "assessments/result.html", context)


@login_required
def my_certificates(request):
    context = {
        "certificates": certificates_of(request.user),
        "paths": path_progress_of(request.user, get_language()),
    }
    return render(request, "assessments/my_certificates.html", context)


def verify_url(request, code: str) -> str:
    return request.build_absolute_uri(reverse("verify", kwargs={"code": code}))


@login_required
def certificate_download(request, code: str):
    """The PDF, for the learner and those who follow her (``access.py``); others get 404."""
    certificate = get_object_or_404(Certificate.objects.select_related("learner"), code=code)
    course_key = None if certificate.is_path else certificate.subject_key
    if not may_see_learner_work(request.user, learner=certificate.learner, course_key=course_key):
        raise Http404
    if certificate.learner_id == request.user.pk and not phone_number_verified(request.user):
        messages.warning(request, _("Confirm your phone number to receive your certificates."))
        return redirect("verify_phone")
    layout = request.GET.get("layout", "a4")
    pdf = certificate_pdf(
        certificate=certificate, verify_url=verify_url(request, code), layout=layout
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{code}.pdf"'
    return response


def verify(request, code: str):
    """Public, no account: valid or revoked, with the name partly masked."""
    certificate = Certificate.objects.filter(code=code.upper()).first()
    context = {
        "code": code,
        "certificate": certificate,
        "masked_name": masked_name(certificate.learner_name) if certificate else "",
    }
    response = render(
        request, "assessments/verify.html", context, status=200 if certificate else 404
    )
    response.final = True  # not redirected to a language prefix (academy.middleware)
    response["X-Robots-Tag"] = "noindex"
    return response


FACES = [
    (1, "😞", _("Very bad")),
    (2, "🙁", _("Bad")),
    (3, "😐", _("So-so")),
    (4, "🙂", _("Good")),
    (5, "😄", _("Very good")),
]


@login_required
def evaluation(request, code: str):
    certificate = get_object_or_404(
        Certificate, code=code, learner=request.user, kind=Certificate.Kind.COURSE
    )
    context = {"certificate": certificate, "faces": FACES, "useful": Evaluation.Useful.choices}
    if request.method == "POST":
        try:
            evaluation_save(
                learner=request.user,
                course_key=certificate.subject_key,
                satisfaction=int(request.POST.get("satisfaction") or 0),
                useful=request.POST.get("useful", ""),
                comment=request.POST.get("comment", "")[:2000],
                voice_note=request.FILES.get("voice_note"),
            )
        except (ValidationError, ValueError) as error:
            context["error"] = getattr(error, "messages", [str(error)])[0]
        else:
            context["saved"] = True
    context["evaluation"] = evaluation_of(learner=request.user, course_key=certificate.subject_key)
    return render(request, "assessments/evaluation.html", context)


@login_required
def my_voice_note(request, evaluation_id: int):
    """Her own voice note, for her ears only (trainers have theirs in the admin reports)."""
    evaluation = get_object_or_404(Evaluation, pk=evaluation_id, learner=request.user)
    if not evaluation.voice_note:
        raise Http404
    return voice_note_response(evaluation)
