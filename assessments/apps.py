from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from courses.api import course_completed, register_page_panel, register_requirement

        from .panels import tests_page_panel
        from .services.attempts import course_tests_passed
        from .services.certificates import on_course_completed

        register_requirement(course_tests_passed)
        register_page_panel(tests_page_panel)
        course_completed.connect(on_course_completed, dispatch_uid="assessments_certificate")
