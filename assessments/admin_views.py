"""Reports for trainers and staff, in the Wagtail admin."""

from django.shortcuts import get_object_or_404, render

from .models import Quiz
from .reports import (
    cohort_lines,
    evaluation_summary,
    learning_gain,
    question_lines,
    report_csv,
)


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


def report_index(request):
    quizzes = Quiz.objects.select_related("course").order_by("title")
    return render(request, "assessments/admin/report_index.html", {"quizzes": quizzes})
