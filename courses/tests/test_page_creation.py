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
                    IF NEW.locale_id = {locale_id} AND NEW.title = %s THEN
                        RAISE EXCEPTION 'the copy in {language_code} is refused';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_one_copy BEFORE INSERT ON wagtailcore_page
                FOR EACH ROW EXECUTE FUNCTION refuse_one_copy();
                """,
                [TITLE],
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
