import pytest
from wagtail.models import Page, Site

from courses.api import load_demo_academy
from courses.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def test_demo_course_has_two_modules_and_five_lessons_in_arabic(demo_academy):
    course = CoursePage.objects.get(locale__language_code="ar", slug="founding-a-cooperative")
    assert ModulePage.objects.child_of(course).count() == 2
    assert LessonPage.objects.descendant_of(course).count() == 5
    assert Site.objects.get(is_default_site=True).root_page.specific == demo_academy


@pytest.mark.parametrize("code", ["ary", "fr", "shi"])
def test_demo_course_is_translated(demo_academy, code):
    translated = LessonPage.objects.filter(locale__language_code=code, alias_of__isnull=True)
    expected = 4 if code == "shi" else 5
    assert translated.count() == expected


def test_loading_the_demo_again_changes_nothing(demo_academy):
    pages, revisions = Page.objects.count(), sum(p.revisions.count() for p in Page.objects.all())
    report = load_demo_academy()
    assert (report.created_pages, report.created_translations) == (0, 0)
    assert Page.objects.count() == pages
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions
