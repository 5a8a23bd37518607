"""Creating a page in the admin makes its copies in every other language, all or nothing.

The failure is a real one: a database trigger refuses the copy in one language, as a busy or
broken database would, half-way through the copies.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage

pytestmark = pytest.mark.django_db
TITLE = "Tenir la caisse de la coopérative"


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("+212600009991", "long-pass-42"))
    return client


@pytest.fixture
def refuse_the_copy_in():
    """Make the database refuse this course's page in one language."""

    def refuse(language_code: str) -> None:
        locale_id = Locale.objects.get(language_code=language_code).pk
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                CREATE FUNCTION refuse_one_copy() RETURNS trigger AS $$
                BEGIN
                    IF NEW.locale_id = {locale_id} AND NEW.title IN (%s, %s) THEN
                        RAISE EXCEPTION 'the copy in {language_code} is refused';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_one_copy BEFORE INSERT ON wagtailcore_page
                FOR EACH ROW EXECUTE FUNCTION refuse_one_copy();
                """,
                [TITLE, LESSON],
            )

    return refuse


def _create_course(client, parent: Page):
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", parent.pk])
    return client.post(
        url,
        {
            "title": TITLE,
            "slug": "tenir-la-caisse",
            "summary": "Les entrées, les sorties, le solde.",
            "level": "beginner",
            "duration_minutes": "30",
            "original_language": parent.locale.language_code,
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )


def _source_index() -> CourseIndexPage:
    return CourseIndexPage.objects.get(locale__language_code="ar")


def test_a_new_course_is_copied_into_every_language(admin_client):
    response = _create_course(admin_client, _source_index())
    assert response.status_code == 302, response.content.decode()[:2000]
    copies = CoursePage.objects.filter(title=TITLE)
    assert copies.count() == Locale.objects.count()


def test_a_failed_copy_leaves_no_half_created_course(admin_client, refuse_the_copy_in):
    refuse_the_copy_in("tzm")
    admin_client.raise_request_exception = False
    response = _create_course(admin_client, _source_index())
    assert response.status_code == 500
    assert not CoursePage.objects.filter(title=TITLE).exists()
    assert not Page.objects.filter(title=TITLE).exists()


LESSON = "تسجيل المداخيل"


def _lesson_form(module, body: list, action: str = "action-publish") -> dict:
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "title": LESSON,
            "slug": "tasjil",
            "summary": "",
            "duration_minutes": "5",
            "required": "on",
            # an untouched rich text editor sends "null"
            "body": streamfield([(kind, rich_text(t) if t else "null") for kind, t in body]),
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
            action: action,
        }
    )


def _add_lesson(client, module, data, **headers):
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    return client.post(url, data, **headers)


def _arabic_module():
    from courses.models import ModulePage

    return ModulePage.objects.filter(locale__language_code="ar").first()


def test_the_page_form_does_not_autosave(admin_client):
    """Autosave created the page from a half-typed form while the trainer typed (issue 19)."""
    module = _arabic_module()
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    html = admin_client.get(url).content.decode()
    assert "w-unsaved w-autosave" not in html
    assert "data-w-autosave-interval-value" not in html


def test_an_empty_text_block_creates_nothing_and_typed_text_is_kept(admin_client):
    from courses.models import LessonPage

    module = _arabic_module()
    refused = _add_lesson(admin_client, module, _lesson_form(module, [("text", "")]))
    assert refused.status_code == 200  # the form, with its error
    assert not Page.objects.filter(title=LESSON).exists()
    typed = "<p>نكتب كل درهم في الدفتر نفس النهار.</p>"
    created = _add_lesson(admin_client, module, _lesson_form(module, [("text", typed)]))
    assert created.status_code == 302
    lesson = LessonPage.objects.get(title=LESSON, locale__language_code="ar")
    assert "نكتب كل درهم" in str(lesson.body[0].value)
    assert Page.objects.filter(title=LESSON).count() == Locale.objects.count()


def test_a_json_save_is_all_or_nothing_too(admin_client, refuse_the_copy_in):
    """A save asked for as JSON (as an autosave would) commits the page and its copies together."""
    module = _arabic_module()
    refuse_the_copy_in("rif")
    admin_client.raise_request_exception = False
    data = _lesson_form(module, [("text", "<p>نص</p>")], action="action-save")
    response = _add_lesson(admin_client, module, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 500
    assert not Page.objects.filter(title=LESSON).exists()
