import pytest
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage


@pytest.mark.parametrize(
    ("model", "parents", "children"),
    [
        (CourseIndexPage, {Page}, {CoursePage}),
        (CoursePage, {CourseIndexPage}, {ModulePage}),
        (ModulePage, {CoursePage}, {LessonPage}),
        (LessonPage, {ModulePage}, set()),
    ],
)
def test_each_page_type_sits_in_its_place(model, parents, children):
    assert set(model.allowed_parent_page_models()) == parents
    assert set(model.allowed_subpage_models()) == children


@pytest.mark.django_db
def test_a_lesson_cannot_be_created_under_a_course(demo_academy):
    course = CoursePage.objects.get(locale__language_code="ar")
    module = ModulePage.objects.filter(locale__language_code="ar").first()
    assert not LessonPage.can_create_at(course)
    assert LessonPage.can_create_at(module)


@pytest.mark.django_db
def test_lessons_are_found_by_wagtail_search(demo_academy):
    french = Locale.objects.get(language_code="fr")
    results = LessonPage.objects.live().filter(locale=french).search("capital")
    assert "capital-and-shares" in {page.slug for page in results}
