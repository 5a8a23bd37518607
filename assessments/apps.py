from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from courses.api import (
            course_completed,
            register_cohort_panel,
            register_module_step,
            register_next_steps,
            register_page_panel,
            register_requirement,
        )

        from .models import Evaluation
        from .panels import learning_gain_cohort_panel, tests_page_panel
        from .selectors import module_test_to_pass, tests_to_pass
        from .services.attempts import course_tests_passed
        from .services.certificates import on_course_completed
        from .services.evaluations import on_evaluation_deleted

        register_requirement(course_tests_passed)
        register_page_panel(tests_page_panel)
        register_next_steps(tests_to_pass)
        register_module_step(module_test_to_pass)
        register_cohort_panel(learning_gain_cohort_panel)
        course_completed.connect(on_course_completed, dispatch_uid="assessments_certificate")
        post_delete.connect(
            on_evaluation_deleted, sender=Evaluation, dispatch_uid="assessments_voice_note_file"
        )
