"""What assessments adds to course and module pages (registered with ``courses.api``)."""

from django.template.loader import render_to_string

from .selectors import tests_of_page


def tests_page_panel(request, page) -> str:
    """Links to the page's tests (a course's final tests, a module's tests) and her results."""
    tests = tests_of_page(learner=request.user, page_key=page.translation_key)
    if not tests:
        return ""
    return render_to_string(
        "assessments/includes/test_links.html", {"tests": tests}, request=request
    )
