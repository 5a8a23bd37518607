from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryLinkConfig(AppConfig):
    name = "registry_link"
    verbose_name = _("Registry link")

    def ready(self) -> None:
        from core.imports import import_runner_register

        from .imports import JOB_KIND, register_import_job_run

        import_runner_register(JOB_KIND, register_import_job_run)
