from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectBankConfig(AppConfig):
    name = "project_bank"
    verbose_name = _("Project bank")

    def ready(self) -> None:
        from core.imports import import_runner_register
        from courses.api import course_completed, register_completion_panel

        from .handlers import ideas_after_course_panel, recommend_after_completion
        from .imports import ideas_import_job_run

        import_runner_register("ideas", ideas_import_job_run)

        course_completed.connect(recommend_after_completion, dispatch_uid="project_bank_recommend")
        register_completion_panel(ideas_after_course_panel)
