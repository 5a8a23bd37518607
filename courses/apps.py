from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from django.core.signals import request_started
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .interface_strings import corrections_refresh
        from .signals import (
            keep_converted_translation_draft,
            repair_numchild,
            sync_translation_source,
        )

        request_started.connect(corrections_refresh, dispatch_uid="courses_interface_strings")
        page_published.connect(sync_translation_source, dispatch_uid="courses_sync_source")
        post_save.connect(repair_numchild, dispatch_uid="courses_repair_numchild")
        post_save.connect(
            keep_converted_translation_draft, dispatch_uid="courses_converted_translation_draft"
        )
