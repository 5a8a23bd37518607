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


def learning_gain_cohort_panel(request, courses, learner_ids) -> str:
    """On a trainer's cohort page: the learning gain of its members in each of its courses."""
    from .reports import learning_gains  # reports reads courses' enrolments

    keys = [entry.page.translation_key for entry in courses]
    gains = learning_gains(keys, learner_ids=learner_ids)
    lines = [
        (entry.content, gains[entry.page.translation_key])
        for entry in courses
        if entry.page.translation_key in gains
    ]
    return render_to_string(
        "assessments/includes/cohort_learning_gain.html", {"gains": lines}, request=request
    )
