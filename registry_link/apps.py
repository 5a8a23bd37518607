from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryLinkConfig(AppConfig):
    name = "registry_link"
    verbose_name = _("Registry link")

    def ready(self) -> None:
        from academy.api import member_number_taken, member_registered
        from core.imports import import_runner_register
        from project_bank.api import cooperatives_by_sector_provide

        from .imports import JOB_KIND, register_import_job_run
        from .membership import handlers
        from .names import receivers  # noqa: F401  (the name check's keys follow every save)
        from .selectors import cooperatives_by_sector

        # The province's page of needs and potential shows the register's figures.
        cooperatives_by_sector_provide(cooperatives_by_sector)

        member_registered.connect(
            handlers.member_registered_link, dispatch_uid="registry_link_member_registered"
        )
        member_number_taken.connect(
            handlers.member_number_taken_invite, dispatch_uid="registry_link_number_taken"
        )

        import_runner_register(JOB_KIND, register_import_job_run)
