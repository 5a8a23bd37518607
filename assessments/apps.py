from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from courses.api import course_completed, register_requirement

        from .services.attempts import final_tests_passed
        from .services.certificates import on_course_completed

        register_requirement(final_tests_passed)
        course_completed.connect(on_course_completed, dispatch_uid="assessments_certificate")
