"""What assessments adds to course and module pages (registered with ``courses.api``)."""

from django.template.loader import render_to_string

from .selectors import tests_of_pages


def tests_page_panel(request, pages) -> dict:
    """Links to each page's tests (a course's final tests, a module's tests) and her results."""
    keys = [page.translation_key for page in pages]
    return {
        key: render_to_string(
            "assessments/includes/test_links.html", {"tests": tests}, request=request
        )
        for key, tests in tests_of_pages(learner=request.user, page_keys=keys).items()
    }
