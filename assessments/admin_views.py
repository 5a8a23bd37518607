"""Reports for trainers and staff, in the Wagtail admin."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .access import may_see_learner_work
from .models import Evaluation, Quiz
from .reports import (
    cohort_lines,
    evaluation_summary,
    learning_gain,
    learning_gains,
    question_lines,
    report_csv,
)
from .voice_notes import voice_note_response


def quiz_report(request, quiz_id: int):
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id)
    if request.GET.get("format") == "csv":
        return report_csv(quiz)
    gain = learning_gain(quiz.course.translation_key) if quiz.course_id else None
    context = {
        "quiz": quiz,
        "questions": question_lines(quiz),
        "cohorts": cohort_lines(quiz),
        "gain": gain,
        "evaluation": evaluation_summary(quiz.course.translation_key) if quiz.course_id else None,
    }
    return render(request, "assessments/admin/report.html", context)


def voice_note(request, evaluation_id: int):
    """A learner's voice note, for report readers, her leader and her trainers for the course
    (``access.py``); anyone else gets 404, whatever the id."""
    evaluation = get_object_or_404(Evaluation.objects.select_related("learner"), pk=evaluation_id)
    allowed = may_see_learner_work(
        request.user, learner=evaluation.learner, course_key=evaluation.course_key
    )
    if not evaluation.voice_note or not allowed:
        raise Http404
    return voice_note_response(evaluation)


def report_index(request):
    """Every test's report, and the course report: each course's learning gain."""
    quizzes = list(Quiz.objects.select_related("course").order_by("title"))
    courses = {quiz.course.translation_key: quiz.course for quiz in quizzes if quiz.course_id}
    gains = learning_gains(list(courses))
    course_lines = [(courses[key], gain) for key, gain in gains.items()]
    return render(
        request,
        "assessments/admin/report_index.html",
        {"quizzes": quizzes, "course_gains": course_lines},
    )
