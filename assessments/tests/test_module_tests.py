import pytest
from django.core.exceptions import ValidationError

from assessments import error_codes
from assessments.models import Certificate, Quiz
from courses.api import LessonPage, lesson_mark_done

from .helpers import pass_test


def _lessons_done(learner, course) -> None:
    for lesson in LessonPage.objects.descendant_of(course).filter(locale=course.locale):
        lesson_mark_done(learner=learner, lesson_key=lesson.translation_key)


def test_a_module_test_needs_its_module():
    quiz = Quiz(title="Module", kind=Quiz.Kind.MODULE)
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert error.value.error_dict["module"][0].code == error_codes.MODULE_TEST_WITHOUT_MODULE


def test_the_course_of_a_module_test_is_the_modules_course(module_test, demo_quizzes):
    _practice, final = demo_quizzes
    second_module = final.course.get_children().last()
    module_test.course = None
    module_test.module = second_module
    module_test.save()
    module_test.refresh_from_db()
    assert module_test.course_id == final.course_id


def test_the_course_is_complete_only_once_every_module_and_final_test_is_passed(
    demo_quizzes, module_test, learner, django_capture_on_commit_callbacks
):
    _practice, final = demo_quizzes
    with django_capture_on_commit_callbacks(execute=True):
        _lessons_done(learner, final.course)
        pass_test(learner, final)
    assert not Certificate.objects.filter(learner=learner).exists()
    with django_capture_on_commit_callbacks(execute=True):
        attempt = pass_test(learner, module_test)  # the module test completes the course
    assert attempt.passed
    assert Certificate.objects.filter(learner=learner, kind=Certificate.Kind.COURSE).count() == 1


def test_the_module_page_and_the_course_page_link_their_tests(
    demo_quizzes, module_test, learner, client
):
    _practice, final = demo_quizzes
    client.force_login(learner)
    module = module_test.module
    module_page = client.get(module.url).content.decode()
    assert f'href="/ar/tests/{module_test.pk}/" data-test="module"' in module_page
    assert 'data-test="final"' not in module_page
    course_page = client.get(final.course.url).content.decode()
    assert f'href="/ar/tests/{module_test.pk}/" data-test="module"' in course_page
    assert f'href="/ar/tests/{final.pk}/" data-test="final"' in course_page
    pass_test(learner, module_test)
    module_page = client.get(module.url).content.decode()
    assert "✅" in module_page


def test_a_translated_module_page_links_the_same_test(module_test, learner, client):
    french = module_test.module.get_translations().filter(locale__language_code="fr").first()
    client.force_login(learner)
    page = client.get(french.url).content.decode()
    assert f'href="/fr/tests/{module_test.pk}/"' in page
