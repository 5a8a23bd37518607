from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from wagtail.signals import page_published

        from .signals import sync_translation_source

        page_published.connect(sync_translation_source, dispatch_uid="courses_sync_source")
