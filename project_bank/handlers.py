"""Thin handlers of other apps' signals and panels: each calls one service or selector."""

from .services import recommendations_record


def recommend_after_completion(sender, learner, course_key, **kwargs) -> None:
    recommendations_record(learner=learner, course_key=course_key)


def ideas_after_course_panel(request, course_key) -> str:
    """The course page, once completed: ideas linked to that course that fit her region."""
    from django.template.loader import render_to_string
    from django.utils.translation import get_language

    from .recommend import recommendations_for

    found = recommendations_for(
        user=request.user, language_code=get_language(), course_key=course_key
    )
    return render_to_string(
        "project_bank/includes/ideas_for_you.html",
        {"recommendations": found, "request": request},
        request=request,
    )
