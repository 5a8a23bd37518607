import random

from django import template

from ..models import Quiz
from ..selectors import feedback_for, pool_keys, practice_answered, question_views

register = template.Library()


def _practice_plan(quiz: Quiz) -> list[dict]:
    """Authored order, except ordering questions, shuffled the same way on every visit."""
    items = []
    for key in pool_keys(quiz):
        items.append({"key": key, "choices": None, "seed": key})
    return items


@register.inclusion_tag("assessments/blocks/practice_quiz.html", takes_context=True)
def practice_quiz(context, quiz):
    request = context["request"]
    page = context.get("page")
    language = page.locale.language_code if page else request.LANGUAGE_CODE
    questions = question_views(_practice_plan(quiz), language) if quiz else []
    questions = [_shuffled_if_ordering(question) for question in questions]
    latest = (
        practice_answered(learner=request.user, quiz=quiz)
        if request.user.is_authenticated and quiz
        else {}
    )
    rows = []
    for question in questions:
        answer = latest.get(question.key)
        feedback = feedback_for(question.key, answer.response, language) if answer else {}
        rows.append({"question": question, "answer": answer, "feedback": feedback})
    return {"quiz": quiz, "rows": rows, "request": request, "page": page, "user": request.user}


def _shuffled_if_ordering(question):
    if question.kind != "ordering":
        return question
    from ..services.attempts import shown_order

    rng = random.Random(question.key)  # noqa: S311 - layout only, not security
    question.choices[:] = shown_order(list(question.choices), rng)
    return question
