"""A small Arabic course built as the admin builds it, and the people who translate it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

COURSE_TITLE = "تسيير صندوق التعاونية"
MODULE_TITLE = "المداخيل والمصاريف"
LESSON_TITLE = "دفتر الصندوق"
DARIJA = {
    COURSE_TITLE: "تسيير الصندوق ديال التعاونية",
    MODULE_TITLE: "الدخول والخروج ديال الفلوس",
    LESSON_TITLE: "الكناش ديال الصندوق",
}


def user_in(group: str, number: str):
    user = get_user_model().objects.create_user(number, "a-long-password-2026", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def arabic_course(*, aliases: bool = True) -> list[Page]:
    """A published course, module and lesson in Arabic; with their aliases in every language,
    as the admin's "add page" makes them, unless ``aliases`` is false."""
    index = CourseIndexPage.objects.get(locale__language_code="ar")
    course = index.add_child(
        instance=CoursePage(
            title=COURSE_TITLE, slug="sandouq", summary="ملخص الدورة", original_language="ar"
        )
    )
    course.save_revision().publish()
    module = course.add_child(instance=ModulePage(title=MODULE_TITLE, slug="madakhil"))
    module.save_revision().publish()
    lesson = module.add_child(
        instance=LessonPage(title=LESSON_TITLE, slug="daftar", summary="ملخص الدرس")
    )
    lesson.save_revision().publish()
    pages = [course, module, lesson]
    if aliases:
        for page in pages:
            create_aliases_for_new_page(page)
    return pages


def translate_subtree(client, page: Page, *languages: str):
    """The admin's "Translate" with "include subtree", as the signed-in user of ``client``."""
    locales = [Locale.objects.get(language_code=code).pk for code in languages]
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": locales, "include_subtree": "on"},
    )


def translate_strings(pages: list[Page], language: str, words: dict) -> None:
    """A translator's work in the editor: each known source string gets its translation."""
    locale = Locale.objects.get(language_code=language)
    sources = TranslationSource.objects.filter(
        object_id__in=[page.translation_key for page in pages]
    )
    for segment in StringSegment.objects.filter(source__in=sources).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": words[segment.string.data]},
            )


def in_language(page: Page, language: str) -> Page:
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=language)
