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

        self._connect_page_cache()  # first: a request's state is reset before it is read
        request_started.connect(corrections_refresh, dispatch_uid="courses_interface_strings")
        page_published.connect(sync_translation_source, dispatch_uid="courses_sync_source")
        post_save.connect(repair_numchild, dispatch_uid="courses_repair_numchild")
        post_save.connect(
            keep_converted_translation_draft, dispatch_uid="courses_converted_translation_draft"
        )

    @staticmethod
    def _connect_page_cache() -> None:
        """A new content generation after any change a learner page may show (decision 0040)."""
        from django.core.signals import request_started
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .frontend_purge import page_published_purge
        from .page_cache import content_changed_by, request_started_reset

        request_started.connect(request_started_reset, dispatch_uid="courses_page_cache_request")
        for signal in (post_save, post_delete):
            signal.connect(content_changed_by, dispatch_uid=f"courses_page_cache_{id(signal)}")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_changed_by, dispatch_uid=f"courses_page_cache_{id(signal)}")
        page_published.connect(page_published_purge, dispatch_uid="courses_frontend_purge")
        page_unpublished.connect(page_published_purge, dispatch_uid="courses_frontend_unpurge")
